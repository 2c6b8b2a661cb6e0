import type { CheckRule } from './rule';
import { isSuccessResponse } from './helpers';
import { DOCS } from '../idp/docs';

export const assertionUnsigned: CheckRule = {
  slug: 'assertion-unsigned',
  severity: 'info',
  title: 'Assertion not signed (only the Response is)',
  why: 'A signed Response protects the assertion inside it, so SAML allows this. But SPs that want the assertion itself signed (Twilio Flex, or an SP whose metadata says WantAssertionsSigned="true") refuse the login, and an assertion that is later taken out of the Response loses all protection.',
  fix: {
    general: 'Make the IdP sign the assertion as well as the Response.',
    'entra-id': 'Enterprise applications > your app > Single sign-on > SAML Certificates > Edit: Signing Option "Sign SAML response and assertion".',
    adfs: 'Run `Set-AdfsRelyingPartyTrust -TargetIdentifier <SP entity ID> -SamlResponseSignature MessageAndAssertion`.',
    okta: 'Applications > your app > General > SAML Settings > Edit > Show Advanced Settings: Assertion Signature "Signed".',
    google: 'Google signs either the assertion (the default) or, with "Signed response" ticked under Service provider details, the entire response. For an SP that requires a signed assertion, untick "Signed response".',
    onelogin: 'Applications > your app > Configuration tab: "SAML signature element" must include the Assertion.',
    ping: 'PingFederate: SP connection > Protocol Settings > Signature Policy: sign the SAML assertion.',
    keycloak: 'Clients > your client > Settings > Signature and Encryption: "Sign assertions" On.',
    shibboleth: 'In conf/relying-party.xml, the SAML2.SSO profile for this SP: `p:signAssertions="true"`.',
    auth0: 'Applications > your app > Addons > SAML2 Web App > Settings: `"signResponse": false` signs the assertion (true signs the entire response instead).',
    jumpcloud: 'SSO > your app > SSO tab: choose to sign the assertion ("Sign Assertion").',
    simplesamlphp: 'In the SP\'s entry in metadata/saml20-sp-remote.php: `\'saml20.sign.assertion\' => true` (the default).',
    sources: {
      'entra-id': [DOCS.entraSigning],
      adfs: [DOCS.adfsRpTrustCmdlet],
      okta: [DOCS.oktaSamlReference],
      google: [DOCS.googleCustomApp],
      onelogin: [DOCS.oneloginGuideWorkstars],
      ping: [DOCS.pingSigning],
      keycloak: [DOCS.keycloakSamlClient],
      shibboleth: [DOCS.shibSso],
      auth0: [DOCS.auth0Assertions],
      jumpcloud: [DOCS.jumpcloudGuideFoxit, DOCS.jumpcloudFields],
      simplesamlphp: [DOCS.sspSpRemote],
    },
  },
  spec: 'saml-profiles §4.1.3.5; saml-metadata §2.4.4 (WantAssertionsSigned)',
  check(ctx) {
    const view = ctx.view;
    const a = ctx.identity;
    if (!view || view.kind !== 'Response' || !isSuccessResponse(view) || !a || !ctx.signed.root || ctx.signed.identity) return [];
    if (ctx.profile.sign.assertion) {
      return [{ message: `The Assertion is not signed (only the Response is); ${ctx.profile.name} requires both to be signed.`, location: a.path }];
    }
    if (ctx.expect.spWantsAssertionsSigned) {
      return [
        {
          message: 'The Assertion is not signed (only the Response is), but the SP metadata says WantAssertionsSigned="true"; the SP will refuse it.',
          location: a.path,
          severity: 'error',
        },
      ];
    }
    const own = ctx.carries.identity ? "The Assertion's own signature does not count (see its signature finding)" : 'The Assertion is not signed';
    return [{ message: `${own}; the Response signature covers it.`, location: a.path }];
  },
};
