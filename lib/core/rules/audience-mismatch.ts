import type { CheckRule, Hit } from './rule';
import { isSuccessResponse, listSome, sameId } from './helpers';

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
    entra:
      'Enterprise applications > your app > Single sign-on > Basic SAML Configuration: Identifier (Entity ID) must equal the SP entity ID (mark it Default if there are several).',
    okta: 'Applications > your app > General > SAML Settings > Edit: "Audience URI (SP Entity ID)".',
    adfs: 'Relying party trust > Properties > Identifiers: the SP entity ID must be listed; the first identifier is what AD FS puts into the Audience (`Set-AdfsRelyingPartyTrust -TargetName <name> -Identifier <SP entity ID>`).',
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
        message: `Audience ${listSome(audiences)} does not include the SP entity ID "${expected.value}" (${expected.source}).`,
        location: `${c!.path}/AudienceRestriction`,
      });
    }
    return hits;
  },
};
