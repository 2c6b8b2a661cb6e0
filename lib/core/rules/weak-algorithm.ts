import type { StageRule } from './rule';
import { DOCS } from '../idp/docs';

export const weakAlgorithm: StageRule = {
  slug: 'weak-algorithm',
  severity: 'warning',
  raisedBy: 'verifier',
  title: 'SHA-1 signature or digest',
  why: 'SHA-1 is broken for collision resistance and deprecated for signatures. Many SPs (Twilio Flex among them) refuse SHA-1 signed responses outright; others will stop accepting them.',
  fix: {
    general: 'Configure the IdP to sign with RSA-SHA256 and SHA-256 digests.',
    'entra-id': 'Enterprise applications > your app > Single sign-on > SAML Certificates > Edit: Signing Algorithm "SHA-256".',
    adfs: 'Run `Set-AdfsRelyingPartyTrust -TargetIdentifier <SP entity ID> -SignatureAlgorithm http://www.w3.org/2001/04/xmldsig-more#rsa-sha256`.',
    okta: 'Applications > your app > General > SAML Settings > Edit > Show Advanced Settings: Signature Algorithm "RSA-SHA256", Digest Algorithm "SHA256".',
    onelogin: 'Applications > your app > SSO tab: "SAML Signature Algorithm" SHA-256.',
    keycloak: 'Clients > your client > Settings > Signature and Encryption: Signature Algorithm RSA_SHA256 (SHA1 algorithms are deprecated).',
    auth0: 'Applications > your app > Addons > SAML2 Web App > Settings: `"signatureAlgorithm": "rsa-sha256"` and `"digestAlgorithm": "sha256"`.',
    jumpcloud: 'SSO > your app > SSO tab: Signature Algorithm "RSA-SHA256".',
    simplesamlphp: 'In the SP\'s entry in metadata/saml20-sp-remote.php (or saml20-idp-hosted.php): `\'signature.algorithm\' => \'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\'` (the default; SHA-1 is deprecated).',
    sources: {
      'entra-id': [DOCS.entraSigning],
      adfs: [DOCS.adfsRpTrustCmdlet],
      okta: [DOCS.oktaSamlReference],
      onelogin: [DOCS.oneloginGuideWorkstars, DOCS.oneloginGuideComponentSpace],
      keycloak: [DOCS.keycloakSamlClient],
      auth0: [DOCS.auth0Assertions],
      jumpcloud: [DOCS.jumpcloudGuideFirmex, DOCS.jumpcloudFields],
      simplesamlphp: [DOCS.sspSpRemote],
    },
  },
  spec: 'saml-core §5.4.3; xmldsig-core1 §6.2 (SHA-1 discouraged); RFC 6194',
};
