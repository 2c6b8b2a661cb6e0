import type { CheckRule, Hit } from './rule';
import { isSuccessResponse, listSome, sameId, unseenDifference } from './helpers';
import { DOCS } from '../idp/docs';

/** The SP entity ID to compare with: configured, derived or from metadata first; else the request's Issuer. */
export function expectedAudience(ctx: Parameters<CheckRule['check']>[0]): { value: string; source: string } | undefined {
  if (ctx.expect.spEntityId) return ctx.expect.spEntityId;
  const req = ctx.flow.request?.view;
  if (req?.kind === 'AuthnRequest' && req.issuer) return { value: req.issuer, source: 'Issuer of the AuthnRequest in this flow' };
  return undefined;
}

export const audienceMismatch: CheckRule = {
  slug: 'audience-mismatch',
  severity: 'error',
  title: 'Audience is not the SP entity ID',
  why: 'The Audience says which SP the assertion is for; the SP must refuse assertions meant for someone else, or a response issued to one application could be replayed at another. A mismatch almost always means the SP entity ID (Identifier) configured on the IdP differs from the one the SP uses. An empty Audience element is an attack pattern.',
  fix: {
    general: 'Set the IdP application\'s SP entity ID / Identifier / Audience URI to exactly the SP\'s entity ID (from the SP\'s metadata or set-up page).',
    'entra-id': 'Enterprise applications > your app > Single sign-on > Basic SAML Configuration: Identifier (Entity ID) must equal the SP entity ID (mark it Default if there are several).',
    adfs: 'Relying party trust > Properties > Identifiers: the SP entity ID must be listed (`Set-AdfsRelyingPartyTrust -TargetName <name> -Identifier <SP entity ID>`).',
    okta: 'Applications > your app > General > SAML Settings > Edit: "Audience URI (SP Entity ID)".',
    google: 'Apps > Web and mobile apps > your app > Service provider details: Entity ID = the SP entity ID (case-sensitive; a mismatch with the AuthnRequest Issuer gives "403 app_not_configured_for_user").',
    onelogin: 'Applications > your app > Configuration tab: "Audience (EntityID)" = the SP entity ID.',
    keycloak: 'Clients > your client > Settings: Client ID must be the SP entity ID (the Issuer of its AuthnRequests).',
    auth0: 'Applications > your app > Addons > SAML2 Web App > Settings: `"audience"` (by default the issuer of the SAML request).',
    jumpcloud: 'SSO > your app > SSO tab: "SP Entity ID" (also called Audience) = the SP entity ID, case-sensitive.',
    simplesamlphp: 'The SP\'s key in metadata/saml20-sp-remote.php is its entity ID and the Audience; `\'audience\'` adds more.',
    sources: {
      'entra-id': [DOCS.entraSetupSso],
      adfs: [DOCS.adfsRpTrust, DOCS.adfsRpTrustCmdlet],
      okta: [DOCS.oktaSamlReference],
      google: [DOCS.googleCustomApp, DOCS.googleErrors],
      onelogin: [DOCS.oneloginGuideWorkstars],
      keycloak: [DOCS.keycloakSamlClient],
      auth0: [DOCS.auth0Assertions],
      jumpcloud: [DOCS.jumpcloudFields],
      simplesamlphp: [DOCS.sspSpRemote],
    },
  },
  spec: 'saml-core §2.5.1.4 (AudienceRestriction); saml-profiles §4.1.4.2',
  check(ctx) {
    const view = ctx.view;
    const a = ctx.identity;
    if (!view || !a || !(isSuccessResponse(view) || view.kind === 'Assertion')) return [];
    const hits: Hit[] = [];
    const c = a.conditions;
    if (c?.audiences.some((x) => !x)) {
      hits.push({ message: 'The assertion has an empty <Audience/>: it restricts nothing, and it is a known way to get a forged audience past lax checks.', location: `${c.path}/AudienceRestriction` });
    }
    const expected = expectedAudience(ctx);
    if (!expected) return hits;
    const audiences = (c?.audiences ?? []).filter((x) => x);
    if (!audiences.length) {
      hits.push({
        message: `The assertion has no Audience, so it is not restricted to "${expected.value}" (${expected.source}); SAML Web SSO requires one.`,
        location: c?.path ?? a.path,
        severity: 'warning',
      });
    } else if (!audiences.some((x) => sameId(x, expected.value))) {
      hits.push({
        message: `Audience ${listSome(audiences)} does not include the SP entity ID "${expected.value}" (${expected.source}).${audiences.length === 1 ? unseenDifference(audiences[0]!, expected.value) : ''}`,
        location: `${c!.path}/AudienceRestriction`,
      });
    } else {
      // Each AudienceRestriction is a condition of its own: one that leaves the SP out voids the assertion for it,
      // whatever another one says.
      const without = c!.audienceRestrictions.findIndex((r) => r.some((x) => x) && !r.some((x) => sameId(x, expected.value)));
      if (without >= 0) {
        hits.push({
          message: `The assertion has ${c!.audienceRestrictions.length} AudienceRestrictions and each must include the SP entity ID "${expected.value}" (${expected.source}); the one listing ${listSome(c!.audienceRestrictions[without]!.filter((x) => x))} does not, so the assertion is not valid for this SP.`,
          location: `${c!.path}/AudienceRestriction[${without + 1}]`,
        });
      }
    }
    return hits;
  },
};
