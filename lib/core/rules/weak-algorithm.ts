import type { StageRule } from './rule';

export const weakAlgorithm: StageRule = {
  slug: 'weak-algorithm',
  severity: 'warning',
  raisedBy: 'verifier',
  title: 'SHA-1 signature or digest',
  why: 'SHA-1 is broken for collision resistance and deprecated for signatures. Many SPs (Twilio Flex among them) refuse SHA-1 signed responses outright; others will stop accepting them.',
  fix: {
    general: 'Configure the IdP to sign with RSA-SHA256 and SHA-256 digests.',
    entra:
      'Enterprise applications > your app > Single sign-on > SAML Certificates > Edit: Signing Algorithm "SHA-256".',
    okta: 'Applications > your app > General > SAML Settings > Edit > Show Advanced Settings: Signature Algorithm "RSA-SHA256", Digest Algorithm "SHA256".',
    adfs: 'Relying party trust > Properties > Advanced: Secure hash algorithm "SHA-256", or `Set-AdfsRelyingPartyTrust -TargetIdentifier <SP entity ID> -SignatureAlgorithm http://www.w3.org/2001/04/xmldsig-more#rsa-sha256`',
  },
  spec: 'saml-core §5.4.3; xmldsig-core1 §6.2 (SHA-1 discouraged); RFC 6194',
};
