import type { StageRule } from './rule';

export const certificateKeyWeak: StageRule = {
  slug: 'certificate-key-weak',
  severity: 'error',
  raisedBy: 'verifier',
  title: 'Trusted key too weak to trust',
  why: 'The signature verifies only with a trusted certificate whose RSA key is shorter than 2048 bits. NIST has disallowed such keys for making signatures since 2014, a 512-bit key is factored in hours on rented machines, and whoever factors the key can sign any message the SP will accept: such a signature does not show who signed, so SAML Lens does not count it as valid.',
  fix: {
    general:
      'Have the IdP (or the SP, for what it signs) create a new signing certificate with an RSA key of at least 2048 bits (or an EC key), publish it in its metadata, install it on the other side, and remove the weak certificate from the trusted ones.',
  },
  spec: 'saml-core §5.4; NIST SP 800-131A Rev. 2 §3 (RSA below 2048 bits disallowed for signature generation)',
};
