import type { StageRule } from './rule';

export const certificateExpired: StageRule = {
  slug: 'certificate-expired',
  severity: 'warning',
  raisedBy: 'verifier',
  title: 'Signing certificate expired or not yet valid',
  why: 'The certificate that signed the message (or a trusted certificate you configured) is outside its validity dates. SAML itself trusts the key, not the dates, and many SPs ignore them, but some SPs refuse expired certificates, and an expired IdP certificate usually means a rollover is due or overdue.',
  fix: {
    general:
      'Renew the IdP signing certificate, publish it in the IdP metadata, and install it on the SP before making it active on the IdP.',
    entra:
      'Enterprise applications > your app > Single sign-on > SAML Certificates > Edit > New Certificate, then send it to the SP and Make certificate active.',
    okta: 'Applications > your app > Sign On > SAML Signing Certificates > Generate new certificate, give it to the SP, then activate it.',
    adfs: 'With AutoCertificateRollover the new Token-signing certificate is created before expiry; if it already expired, run `Update-AdfsCertificate -CertificateType Token-Signing -Urgent`, then give the SP the new certificate.',
  },
  spec: 'saml-metadata §2.4.1.1; RFC 5280 §4.1.2.5',
};
