import type { CheckRule } from './rule';

export const federationHop: CheckRule = {
  slug: 'federation-hop',
  severity: 'info',
  title: 'Token delivered to an IdP, not to the SP (federation hop)',
  why: 'When one IdP federates with another (AD FS or Okta in front of Entra ID, an upstream IdP in front of Okta, Auth0 or Keycloak), the upstream IdP sends its token to the downstream IdP, which then sends its own Response to the SP. That token\'s audience is the downstream IdP and its signer the upstream one, so the SP\'s entity ID, ACS URL, profile and trusted certificate do not apply to it; judging it by them would report mismatches whose fixes break the login.',
  fix: {
    general:
      'Nothing to change on the SP for this token. If the sign-in stops at this step, the federation between the two IdPs is what to check: the upstream IdP\'s relying party for the downstream IdP, and the signing certificate the downstream IdP trusts for it.',
  },
  spec: 'saml-profiles §4.1.4.2 (the Response goes to the relying party\'s assertion consumer service); WS-Federation 1.2 (web passive requestors)',
  check(ctx) {
    const hop = ctx.hop;
    if (!hop || !ctx.view) return [];
    if (hop.role === 'request') {
      return [
        {
          message: `This AuthnRequest was issued by ${ctx.view.issuer ?? 'another entity'}, not by the SP: ${hop.name} (${hop.host}) asking an upstream IdP to sign the user in, a federation hop. It is judged without the SP's settings; the Response ${hop.name} then sends the SP is judged with them.`,
        },
      ];
    }
    return [
      {
        message: `This ${ctx.view.kind} was delivered to ${hop.host} (${hop.name}), not to the SP: ${hop.name} is its relying party, a federation hop from an upstream IdP. It is judged without the SP's settings or the configured IdP's entity ID; the Response ${hop.name} then sends the SP is judged with them.`,
      },
    ];
  },
};
