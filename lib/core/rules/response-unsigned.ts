import type { CheckRule } from './rule';
import { rootPath } from './context';
import { isSuccessResponse } from './helpers';

export const responseUnsigned: CheckRule = {
  slug: 'response-unsigned',
  severity: 'info',
  title: 'Response not signed (only the assertion is)',
  why: 'Signing only the assertion is allowed by SAML and is the default of Entra ID and AD FS. But the Response envelope around it (Issuer, Destination, InResponseTo, Status) is then not protected, and some SPs, Twilio among them, require the Response itself to be signed and refuse the login otherwise.',
  fix: {
    general: 'Make the IdP sign the whole Response as well as the assertion.',
    entra:
      'Enterprise applications > your app > Single sign-on > SAML Certificates > Edit: Signing Option "Sign SAML response and assertion".',
    okta: 'Applications > your app > General > SAML Settings > Edit > Show Advanced Settings: Response "Signed".',
    adfs: 'Run `Set-AdfsRelyingPartyTrust -TargetIdentifier <SP entity ID> -SamlResponseSignature MessageAndAssertion` (by default AD FS signs only the assertion).',
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
          message: `${unsigned} and its assertion is encrypted, so whether the assertion is signed cannot be seen without the SP private key.${required}`,
          location: rootPath(view),
        },
      ];
    }
    return [];
  },
};
