import type { CheckRule } from './rule';
import { isSuccessResponse } from './helpers';

export const assertionUnsigned: CheckRule = {
  slug: 'assertion-unsigned',
  severity: 'info',
  title: 'Assertion not signed (only the Response is)',
  why: 'A signed Response protects the assertion inside it, so SAML allows this. But SPs that want the assertion itself signed (Twilio Flex, or an SP whose metadata says WantAssertionsSigned="true") refuse the login, and an assertion that is later taken out of the Response loses all protection.',
  fix: {
    general: 'Make the IdP sign the assertion as well as the Response.',
    entra:
      'Enterprise applications > your app > Single sign-on > SAML Certificates > Edit: Signing Option "Sign SAML response and assertion".',
    okta: 'Applications > your app > General > SAML Settings > Edit > Show Advanced Settings: Assertion Signature "Signed".',
    adfs: 'Run `Set-AdfsRelyingPartyTrust -TargetIdentifier <SP entity ID> -SamlResponseSignature MessageAndAssertion`',
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
