import type { StageRule } from './rule';
import { DOCS } from '../idp/docs';

export const signatureInvalid: StageRule = {
  slug: 'signature-invalid',
  severity: 'error',
  raisedBy: 'verifier',
  title: 'Signature does not verify',
  why: 'A signature in the message does not match its content or the key: either the signed element was changed after signing (digest mismatch) or it was signed with a different key than the certificate you trust (signature value mismatch). Every signature present must verify; one bad signature makes the message untrustworthy even if another one is good. The most common real cause is an IdP signing-certificate rollover the SP has not picked up.',
  fix: {
    general:
      'If the digest does not match: something changed the XML after the IdP signed it (a proxy, a re-serialising library, or an attacker). Compare with a capture taken directly from the IdP.\nIf the signature value does not match: the SP holds a different IdP certificate than the one the IdP now signs with. Download the current signing certificate (or the IdP metadata) and install it on the SP; during a rollover keep both the old and new certificate.',
    'entra-id': 'Enterprise applications > your app > Single sign-on > SAML Certificates: check which certificate is Active and download "Certificate (Base64)" or the Federation Metadata XML for the SP. A newly created certificate must be made Active.',
    adfs: 'AD FS Management > Service > Certificates: the Token-signing certificate is what signs; with AutoCertificateRollover a new one becomes primary automatically. Export it (Base-64 .CER) or give the SP https://<your AD FS host>/FederationMetadata/2007-06/FederationMetadata.xml.',
    okta: 'Applications > your app > Sign On > SAML Signing Certificates: download the active certificate (or the metadata) and upload it to the SP.',
    google: 'Security > Authentication > SSO with SAML applications shows the certificates; the one assigned to the app under Service provider details signs. After assigning a new one, install it on the SP too.',
    ping: 'PingFederate: SP connection > Digital Signature Settings: the selected signing certificate is what the SP must hold.',
    keycloak: 'Realm settings > Keys: the active key of highest priority signs; a new key with a higher priority takes over at once. Give the SP the realm\'s current certificate (or its descriptor, <server>/realms/<realm>/protocol/saml/descriptor).',
    sources: {
      'entra-id': [DOCS.entraCertificates],
      adfs: [DOCS.adfsCertificates, DOCS.adfsEndpoints],
      okta: [DOCS.oktaSigningCertificates],
      google: [DOCS.googleCertificates],
      ping: [DOCS.pingSigning],
      keycloak: [DOCS.keycloakKeys, DOCS.keycloakDescriptor],
    },
  },
  spec: 'saml-core §5.4; xmldsig-core §3.2 (core validation)',
};
