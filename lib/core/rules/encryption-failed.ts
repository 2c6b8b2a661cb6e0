import type { StageRule } from './rule';

export const encryptionFailed: StageRule = {
  slug: 'encryption-failed',
  severity: 'error',
  raisedBy: 'verifier',
  title: 'Encrypted assertion cannot be decrypted',
  why: 'You supplied an SP private key, but the EncryptedAssertion could not be opened with it: the IdP encrypted it for a different SP certificate, or used an algorithm that is not supported. If the SP itself cannot decrypt it either, the login fails.',
  fix: {
    general:
      'Check that the IdP has the SP\'s current encryption certificate (from the SP metadata) and that the key you supplied is the matching private key.\nIf the SP does not need encryption, switch assertion encryption off on the IdP.',
    entra:
      'Enterprise applications > your app > Single sign-on > Token encryption: import the SP\'s encryption certificate and activate it, or remove token encryption.',
    okta: 'Applications > your app > General > SAML Settings > Show Advanced Settings: Assertion Encryption "Encrypted" with the SP\'s encryption certificate, or "Unencrypted" if the SP cannot decrypt.',
    adfs: 'Relying party trust > Properties > Encryption: the SP\'s encryption certificate; or `Set-AdfsRelyingPartyTrust -TargetIdentifier <SP entity ID> -EncryptClaims $false`',
  },
  spec: 'saml-core §6 (encryption); xmlenc-core1 §4.2',
};
