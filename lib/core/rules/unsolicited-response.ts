import type { CheckRule } from './rule';
import { rootPath } from './context';
import { answeredId } from '../flow/group';
import { DOCS } from '../idp/docs';

export const unsolicitedResponse: CheckRule = {
  slug: 'unsolicited-response',
  severity: 'warning',
  title: 'Unsolicited (IdP-initiated) response',
  why: 'The Response answers no request (no InResponseTo): the login was started at the IdP, e.g. from the My Apps or Okta dashboard. That works and some SPs rely on it, but the SP cannot tie the response to a login it started, so a stolen response can be replayed until it expires. SPs that only accept SP-initiated logins refuse it.',
  fix: {
    general:
      'If the SP supports SP-initiated login, start logins at the SP (or configure the IdP tile to go through the SP\'s login URL) so every response answers a request.\nIf you rely on IdP-initiated login, keep assertion lifetimes short and make sure the SP rejects a response it has already seen (one-time use).',
    'entra-id': 'Enterprise applications > your app > Single sign-on > Basic SAML Configuration: set "Sign on URL" to the SP\'s login URL; the My Apps tile then starts an SP-initiated login.',
    adfs: 'IdP-initiated sign-on goes through /adfs/ls/IdpInitiatedSignOn.aspx; start logins at the SP instead where possible.',
    keycloak: 'Clients > your client > Settings: leaving "IDP-Initiated SSO URL name" empty disables IdP-initiated SSO for the client.',
    simplesamlphp: 'SimpleSAMLphp answers with an unsolicited response when the user returns to a bookmarked login page and the request is lost; start logins at the SP.',
    sources: {
      'entra-id': [DOCS.entraSetupSso],
      adfs: [DOCS.adfsIdpInitiated],
      keycloak: [DOCS.keycloakSamlClient],
      simplesamlphp: [DOCS.sspIdpMore],
    },
  },
  spec: 'saml-profiles §4.1.5 (unsolicited responses); saml-sec-consider §7.1.1.2',
  check(ctx) {
    const view = ctx.view;
    if (!view || view.kind !== 'Response' || answeredId(view)) return [];
    const jit = ctx.profile.jitOnlyIdpInitiated ? ` That is what ${ctx.profile.name} needs for just-in-time provisioning.` : '';
    return [
      {
        message: `The Response has no InResponseTo: an IdP-initiated login. The SP cannot tie it to a request it made, so a copied response could be replayed until it expires.${jit}`,
        location: rootPath(view),
      },
    ];
  },
};
