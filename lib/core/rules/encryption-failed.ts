import type { StageRule } from './rule';
import { DOCS } from '../idp/docs';

export const encryptionFailed: StageRule = {
  slug: 'encryption-failed',
  severity: 'error',
  raisedBy: 'verifier',
  title: 'Encrypted assertion cannot be decrypted',
  why: 'You supplied an SP private key, but the EncryptedAssertion could not be opened with it: the IdP encrypted it for a different SP certificate, or used an algorithm that is not supported. If the SP itself cannot decrypt it either, the login fails.',
  fix: {
    general:
      'Check that the IdP has the SP\'s current encryption certificate (from the SP metadata) and that the key you supplied is the matching private key.\nIf the SP does not need encryption, switch assertion encryption off on the IdP.',
    'entra-id': 'Enterprise applications > your app > Single sign-on > Token encryption: import the SP\'s encryption certificate and activate it, or remove token encryption.',
    adfs: 'Relying party trust > Properties > Encryption: the SP\'s encryption certificate; or `Set-AdfsRelyingPartyTrust -TargetIdentifier <SP entity ID> -EncryptClaims $false`.',
    okta: 'Applications > your app > General > SAML Settings > Edit > Show Advanced Settings: Assertion Encryption "Encrypted" with the SP\'s encryption certificate, or "Unencrypted" if the SP cannot decrypt.',
    keycloak: 'Clients > your client > Keys: "Encrypt Assertions" Off if the SP cannot decrypt.',
    shibboleth: 'In conf/relying-party.xml, the SAML2.SSO profile for this SP: `p:encryptAssertions="false"` if the SP cannot decrypt.',
    simplesamlphp: 'In the SP\'s entry in metadata/saml20-sp-remote.php: `\'certificate\'` or `\'certData\'` is what assertions are encrypted to (unless `\'sharedkey\'` is set); or `\'assertion.encryption\' => false`.',
    sources: {
      'entra-id': [DOCS.entraEncryption],
      adfs: [DOCS.adfsRpTrust, DOCS.adfsRpTrustCmdlet],
      okta: [DOCS.oktaSamlReference],
      keycloak: [DOCS.keycloakSamlClient],
      shibboleth: [DOCS.shibSso],
      simplesamlphp: [DOCS.sspSpRemote],
    },
  },
  spec: 'saml-core §6 (encryption); xmlenc-core1 §4.2',
};
