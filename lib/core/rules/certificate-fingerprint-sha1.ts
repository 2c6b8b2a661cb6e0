import type { StageRule } from './rule';

// php-saml's settings: certFingerprintAlgorithm "'sha1' is the default value"
// (https://github.com/SAML-Toolkits/php-saml#settings).
export const certificateFingerprintSha1: StageRule = {
  slug: 'certificate-fingerprint-sha1',
  severity: 'warning',
  raisedBy: 'verifier',
  title: 'Signer trusted by a SHA-1 fingerprint',
  why: 'The signature verified with the certificate the message carries, and that certificate is trusted only because its SHA-1 fingerprint is configured. SHA-1 is broken for collisions (a chosen-prefix collision was shown in 2020), so a fingerprint match is weaker evidence than a SHA-256 fingerprint or the certificate itself; some toolkits still default to it (php-saml\'s certFingerprintAlgorithm is sha1 unless set).',
  fix: {
    general:
      'Configure the SHA-256 fingerprint of the IdP signing certificate (the finding gives it), or better the certificate itself, in the SP and in SAML Lens (in the extension, Settings > Identity provider; in the CLI, --idp-cert or --idp-cert-fingerprint SHA256:…).',
  },
  spec: 'saml-metadata §2.4.1.1 (KeyDescriptor); RFC 6194 (SHA-1 security considerations); SHA-1 is a Shambles (Leurent, Peyrin, USENIX Security 2020)',
};
