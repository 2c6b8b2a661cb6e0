import type { CheckRule } from './rule';
import { rootPath } from './context';
import { answeredId } from '../flow/group';
import { DOCS } from '../idp/docs';

export const jitNeedsIdpInitiated: CheckRule = {
  slug: 'jit-needs-idp-initiated',
  severity: 'info',
  title: 'Just-in-time provisioning needs an IdP-initiated login',
  why: 'Some SPs (SendGrid) create a user on first login only when the login starts at the IdP. An SP-initiated login for a user who does not exist yet is refused instead of creating the user.',
  fix: {
    general: 'Let new users start their first login from the IdP (app tile or dashboard); after that both flows work.',
    'entra-id': 'Users start from My Apps (myapps.microsoft.com) or the app\'s "User access URL".',
    adfs: 'Users start at https://<your AD FS host>/adfs/ls/IdpInitiatedSignOn.aspx (enable it with `Set-AdfsProperties -EnableIdpInitiatedSignonPage $true`).',
    keycloak: 'Clients > your client > Settings: set "IDP-Initiated SSO URL name"; users then start at <server>/realms/<realm>/protocol/saml/clients/<name>.',
    simplesamlphp: 'Users start at the IdP\'s SSOService.php with `?spentityid=<SP entity ID>` (IdP-first flow).',
    sources: {
      'entra-id': [DOCS.entraMyApps],
      adfs: [DOCS.adfsIdpInitiated],
      keycloak: [DOCS.keycloakSamlClient],
      simplesamlphp: [DOCS.sspIdpMore],
    },
  },
  spec: 'saml-profiles §4.1.5',
  check(ctx) {
    const view = ctx.view;
    if (!ctx.profile.jitOnlyIdpInitiated || !view || view.kind !== 'Response' || !answeredId(view)) return [];
    return [
      {
        message: `This is an SP-initiated login; ${ctx.profile.name} creates new users (just-in-time provisioning) only on IdP-initiated logins. Existing users are not affected.`,
        location: rootPath(view),
      },
    ];
  },
};
