import type { StageRule } from './rule';
import { DOCS } from '../idp/docs';

export const certificateInvalid: StageRule = {
  slug: 'certificate-invalid',
  severity: 'error',
  raisedBy: 'verifier',
  title: 'Trusted certificate cannot be read',
  why: 'A certificate you gave SAML Lens as trusted is not a readable X.509 certificate, so signatures cannot be checked against it and will be reported as not verified.',
  fix: {
    general:
      'Export the IdP signing certificate again: PEM ("-----BEGIN CERTIFICATE-----"), DER, or the bare base64 shown in IdP consoles and metadata all work. A private key, a certificate request or a thumbprint does not.',
    'entra-id': 'Enterprise applications > your app > Single sign-on > SAML Certificates: download "Certificate (Base64)".',
    adfs: 'AD FS Management > Service > Certificates > Token-signing > View Certificate > Details > Copy to File, "Base-64 encoded X.509 (.CER)".',
    okta: 'Applications > your app > Sign On > SAML Signing Certificates > Actions > Download certificate.',
    google: 'Apps > Web and mobile apps > your app > "Google Identity Provider details": download the Certificate (or the IdP metadata).',
    keycloak: 'Realm settings > Keys: "Certificate" on the active RSA key shows it as base64.',
    sources: {
      'entra-id': [DOCS.entraCertificates],
      adfs: [DOCS.adfsCertificates],
      okta: [DOCS.oktaSigningCertificates],
      google: [DOCS.googleCustomApp],
      keycloak: [DOCS.keycloakKeys],
    },
  },
  spec: 'RFC 5280 §4.1; RFC 7468 §5 (PEM certificates)',
};
