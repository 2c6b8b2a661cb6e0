import type { CheckRule } from './rule';
import { rootPath } from './context';
import { isSuccessResponse } from './helpers';
import { DOCS } from '../idp/docs';

export const responseUnsigned: CheckRule = {
  slug: 'response-unsigned',
  severity: 'info',
  title: 'Response not signed (only the assertion is)',
  why: 'Signing only the assertion is allowed by SAML and is the default of Entra ID and AD FS. But the Response envelope around it (Issuer, Destination, InResponseTo, Status) is then not protected, and some SPs, Twilio among them, require the Response itself to be signed and refuse the login otherwise.',
  fix: {
    general: 'Make the IdP sign the whole Response as well as the assertion.',
    'entra-id': 'Enterprise applications > your app > Single sign-on > SAML Certificates > Edit: Signing Option "Sign SAML response and assertion".',
    adfs: 'Run `Set-AdfsRelyingPartyTrust -TargetIdentifier <SP entity ID> -SamlResponseSignature MessageAndAssertion`.',
    okta: 'Applications > your app > General > SAML Settings > Edit > Show Advanced Settings: Response "Signed".',
    google: 'Apps > Web and mobile apps > your app > Service provider details: tick "Signed response" (unticked, Google signs only the assertion).',
    onelogin: 'Applications > your app > Configuration tab: "SAML signature element": choose an option that signs the Response.',
    keycloak: 'Clients > your client > Settings > Signature and Encryption: "Sign documents" On.',
    shibboleth: 'In conf/relying-party.xml, the SAML2.SSO profile for this SP: `p:signResponses="true"` (the default).',
    auth0: 'Applications > your app > Addons > SAML2 Web App > Settings: `"signResponse": true` signs the entire response instead of only the assertion.',
    simplesamlphp: 'In the SP\'s entry in metadata/saml20-sp-remote.php: `\'saml20.sign.response\' => true` (the default).',
    sources: {
      'entra-id': [DOCS.entraSigning],
      adfs: [DOCS.adfsRpTrustCmdlet],
      okta: [DOCS.oktaSamlReference],
      google: [DOCS.googleCustomApp],
      onelogin: [DOCS.oneloginGuideWorkstars],
      keycloak: [DOCS.keycloakSamlClient],
      shibboleth: [DOCS.shibSso],
      auth0: [DOCS.auth0Assertions],
      simplesamlphp: [DOCS.sspSpRemote],
    },
  },
  spec: 'saml-core §5.2 (signed messages); saml-profiles §4.1.3.5',
  check(ctx) {
    const view = ctx.view;
    if (!view || view.kind !== 'Response' || !isSuccessResponse(view) || ctx.signed.root) return [];
    const required = ctx.profile.sign.response ? ` ${ctx.profile.name} requires the Response itself to be signed.` : '';
    const unsigned = ctx.carries.root ? "The Response's own signature does not count (see its signature finding)" : 'The Response is not signed';
    if (ctx.signed.identity) {
      return [
        {
          message: `${unsigned}; only its Assertion's signature counts, so the envelope (Issuer, Destination, InResponseTo, Status) is not protected.${required}`,
          location: rootPath(view),
        },
      ];
    }
    if (view.encryptedAssertions.length && !ctx.decrypted) {
      return [
        {
          message: `${unsigned} and its assertion is encrypted, so nothing in this message could be verified: anyone can encrypt an assertion to the SP's public certificate, and whether this one is signed cannot be seen without the SP private key (supply it to check).${required}`,
          location: rootPath(view),
          // Nothing vouches for the message, so its verdict may not read "OK".
          severity: 'warning' as const,
        },
      ];
    }
    return [];
  },
};
