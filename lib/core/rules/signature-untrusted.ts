import type { StageRule } from './rule';
import { DOCS } from '../idp/docs';

export const signatureUntrusted: StageRule = {
  slug: 'signature-untrusted',
  severity: 'warning',
  raisedBy: 'verifier',
  title: 'Signature not verified against a trusted IdP certificate',
  why: 'The signature is intact, but it was only checked with the certificate carried inside the message (KeyInfo) or with a key you do not trust. Anyone can sign a forged response with their own key and put that certificate in KeyInfo, so this is not proof that your IdP issued it. Without a configured certificate this is expected; with one, it means the message was signed by someone else. It is also raised for a message that was redacted after capture: its signatures no longer verify, and the verdicts the file carries from before redaction are claims of whoever made the file, shown "as captured, not verified here".',
  fix: {
    general:
      'Give SAML Lens the IdP signing certificate or the IdP metadata so signatures are checked against it: in the extension, Settings > Identity provider (Trusted IdP signing certificates, or Import IdP metadata); in the CLI, --idp-cert or --idp-metadata.\nFor a redacted message, ask for the capture without redaction (in the extension, exported with "No redaction"; in the CLI, saml-lens convert --redact none) to verify who signed it.\nIf a trusted certificate is configured and this still appears, the message was signed with a different key: the IdP rolled over its certificate (install the new one on the SP) or the message is not from your IdP.\nCompare the SHA-256 fingerprint shown with the one in the IdP console.',
    'entra-id': 'Enterprise applications > your app > Single sign-on > SAML Certificates shows the thumbprint of the active signing certificate.',
    adfs: '`Get-AdfsCertificate -CertificateType Token-Signing` shows the thumbprint of the primary signing certificate.',
    okta: 'Applications > your app > Sign On > SAML Signing Certificates lists each certificate.',
    google: 'Security > Authentication > SSO with SAML applications lists each certificate with its SHA-256 fingerprint.',
    keycloak: 'Realm settings > Keys lists the active and passive keys; "Certificate" shows each one.',
    sources: {
      'entra-id': [DOCS.entraCertificates],
      adfs: [DOCS.adfsGetCertificate],
      okta: [DOCS.oktaSigningCertificates],
      google: [DOCS.googleCertificates],
      keycloak: [DOCS.keycloakKeys],
    },
  },
  spec: 'saml-core §5.4.5 (KeyInfo); saml-metadata §2.4.1.1 (KeyDescriptor)',
};
