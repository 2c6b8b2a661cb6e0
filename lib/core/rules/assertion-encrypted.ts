import type { CheckRule } from './rule';
import { DOCS } from '../idp/docs';

export const assertionEncrypted: CheckRule = {
  slug: 'assertion-encrypted',
  severity: 'info',
  title: 'Assertion is encrypted',
  why: 'The IdP encrypted the assertion for the SP, so the user\'s identity, attributes and the assertion\'s own signature cannot be inspected without the SP\'s private key. That is fine when the SP asked for it; if the SP cannot decrypt (no or another encryption certificate), the login fails.',
  fix: {
    general:
      'To inspect it, supply the SP private key (it stays on this machine). If the SP does not expect encrypted assertions, switch encryption off on the IdP.',
    'entra-id': 'Enterprise applications > your app > Single sign-on > Token encryption: remove or deactivate the certificate if the SP cannot decrypt.',
    adfs: '`Set-AdfsRelyingPartyTrust -TargetIdentifier <SP entity ID> -EncryptClaims $false` if the SP cannot decrypt.',
    okta: 'Applications > your app > General > SAML Settings > Edit > Show Advanced Settings: Assertion Encryption "Unencrypted" if the SP cannot decrypt.',
    keycloak: 'Clients > your client > Keys: "Encrypt Assertions" Off if the SP cannot decrypt.',
    shibboleth: 'In conf/relying-party.xml, the SAML2.SSO profile for this SP: `p:encryptAssertions="false"` if the SP cannot decrypt.',
    simplesamlphp: 'In the SP\'s entry in metadata/saml20-sp-remote.php: `\'assertion.encryption\' => false` if the SP cannot decrypt.',
    sources: {
      'entra-id': [DOCS.entraEncryption],
      adfs: [DOCS.adfsRpTrustCmdlet],
      okta: [DOCS.oktaSamlReference],
      keycloak: [DOCS.keycloakSamlClient],
      shibboleth: [DOCS.shibSso],
      simplesamlphp: [DOCS.sspSpRemote],
    },
  },
  spec: 'saml-core §2.3.4 (EncryptedAssertion); saml-profiles §4.1.4.2',
  check(ctx) {
    const view = ctx.view;
    if (!view) return [];
    if (ctx.decrypted) {
      const a = ctx.identity;
      return [{ message: 'The assertion was encrypted; it was decrypted locally with the SP private key you supplied and checked in clear.', location: a?.path }];
    }
    if (ctx.profile.acceptsEncryptedAssertions === false) {
      return view.encryptedAssertions.map((e) => ({
        message: `The assertion is encrypted, but ${ctx.profile.name} does not support encrypted assertions; switch assertion encryption off on the IdP.`,
        location: e.path,
        severity: 'error' as const,
      }));
    }
    const noKey = ctx.expect.spEncryptionCertificates?.length === 0;
    return view.encryptedAssertions.map((e) => ({
      message: noKey
        ? 'The assertion is encrypted, but the SP metadata publishes no encryption certificate, so the SP probably cannot decrypt it. Switch encryption off on the IdP, or supply the SP private key here to inspect it.'
        : 'The assertion is encrypted, so the user, attributes, conditions and the assertion signature cannot be checked. Supply the SP private key to decrypt it locally.',
      location: e.path,
      ...(noKey ? { severity: 'warning' as const } : {}),
    }));
  },
};
