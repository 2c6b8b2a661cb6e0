import type { StageRule } from './rule';
import { DOCS } from '../idp/docs';

export const certificateExpired: StageRule = {
  slug: 'certificate-expired',
  severity: 'warning',
  raisedBy: 'verifier',
  title: 'Signing certificate expired or not yet valid',
  why: 'The certificate that signed the message (or a trusted certificate you configured) is outside its validity dates. SAML itself trusts the key, not the dates, and many SPs ignore them, but some SPs refuse expired certificates, and an expired IdP certificate usually means a rollover is due or overdue.',
  fix: {
    general:
      'Renew the IdP signing certificate, publish it in the IdP metadata, and install it on the SP before making it active on the IdP.',
    'entra-id': 'Enterprise applications > your app > Single sign-on > SAML Certificates > Edit > New Certificate, then send it to the SP and Make certificate active.',
    adfs: 'With AutoCertificateRollover the new Token-signing certificate is created before expiry; if it already expired, run `Update-AdfsCertificate -CertificateType Token-Signing -Urgent`, then give the SP the new certificate.',
    okta: 'Applications > your app > Sign On > SAML Signing Certificates > Generate new certificate, give it to the SP, then Actions > Activate (Okta does not rotate it for you).',
    google: 'Security > Authentication > SSO with SAML applications: add a certificate (they last five years, two at a time), assign it to the app under Service provider details, and install it on the SP.',
    ping: 'PingFederate: SP connection > Digital Signature Settings: select the new signing certificate (create or import it under Manage Certificates) and give it to the SP.',
    keycloak: 'Realm settings > Keys > Providers > Add provider (rsa-generated) with a higher priority than the current key; give the SP the new certificate, and remove the old key later.',
    simplesamlphp: 'Replace `certificate` and `privatekey` in metadata/saml20-idp-hosted.php, then give the SP the new metadata.',
    sources: {
      'entra-id': [DOCS.entraCertificates],
      adfs: [DOCS.adfsCertificates, DOCS.adfsUpdateCertificate],
      okta: [DOCS.oktaSigningCertificates, DOCS.oktaRotate],
      google: [DOCS.googleCertificates],
      ping: [DOCS.pingSigning],
      keycloak: [DOCS.keycloakKeys],
      simplesamlphp: [DOCS.sspIdpHosted],
    },
  },
  spec: 'saml-metadata §2.4.1.1; RFC 5280 §4.1.2.5',
};
