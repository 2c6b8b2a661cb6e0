import type { CertificateInfo, Problem } from '../model';
import { bytesEqual } from './bytes';
import { publicKeyOf, type TrustedCertificate } from './certificates';

/*
 * Trust anchors as people hold them: a certificate, a bare public key, or a certificate's fingerprint. A
 * fingerprint carries no key: it names a certificate, so it can only vouch for the certificate a message
 * carries in its KeyInfo when that certificate has exactly this fingerprint; the signature is then checked
 * with that certificate's key, which is what a fingerprint-configured SP (python3-saml's idp_cert_fingerprint,
 * many Java and PHP toolkits) does. Nothing else in the message is ever trusted.
 */

type Certificate = { der: Uint8Array; info: CertificateInfo };

/** Whether a certificate (from a message) is what this anchor trusts. */
export function anchorMatches(anchor: TrustedCertificate, cert: Certificate): boolean {
  if (anchor.kind === 'fingerprint') {
    const f = anchor.fingerprint!;
    return (f.hash === 'SHA-256' ? cert.info.sha256 : cert.info.sha1) === f.hex;
  }
  if (anchor.kind === 'public-key') {
    try {
      return bytesEqual(publicKeyOf(cert.der).spki, anchor.der);
    } catch {
      return false;
    }
  }
  return cert.info.sha256 === anchor.info.sha256;
}

/**
 * The keys a signature is checked with: configured certificates and public keys as they are; a fingerprint
 * becomes the message's certificate (any of its KeyInfo certificates) that has the fingerprint, and nothing
 * otherwise.
 */
export function keysFor(trusted: TrustedCertificate[], inMessage: Certificate[]): TrustedCertificate[] {
  return trusted.flatMap((t) => {
    if (t.kind !== 'fingerprint') return [t];
    const match = inMessage.find((c) => anchorMatches(t, c));
    return match ? [{ ...t, der: match.der, info: { ...match.info, trusted: true } }] : [];
  });
}

/** Only fingerprints are trusted: without a certificate in the message there is no key to check with. */
export function onlyFingerprints(trusted: TrustedCertificate[]): boolean {
  return trusted.length > 0 && trusted.every((t) => t.kind === 'fingerprint');
}

/**
 * A signature verified through a SHA-1 fingerprint: SHA-1 is not collision resistant (SHAttered, 2017), so
 * a certificate made to share the fingerprint is conceivable; the SP should hold the SHA-256 one.
 */
export function sha1FingerprintProblem(verifiedBy: TrustedCertificate, location: string): Problem | undefined {
  if (verifiedBy.kind !== 'fingerprint' || verifiedBy.fingerprint?.hash !== 'SHA-1') return undefined;
  return {
    rule: 'certificate-fingerprint-sha1',
    severity: 'warning',
    location,
    message: `The signature verifies with the certificate in the message, trusted because its SHA-1 fingerprint ${verifiedBy.fingerprint.hex} is configured (${verifiedBy.source}). SHA-1 is broken for collisions: configure the SHA-256 fingerprint ${verifiedBy.info.sha256} instead, or the certificate itself.`,
  };
}
