// Several Attribute elements with one Name: legal SAML (Keycloak's default for roles), judged by what the SP reads.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import { fixFor } from '../../../lib/core/idp';
import type { Finding } from '../../../lib/core/model';
import { resolveExpectations, type Profile } from '../../../lib/core/profiles';
import { genericProfile } from '../../../lib/core/profiles/generic';
import { attributeDuplicate } from '../../../lib/core/rules/attribute-duplicate';
import { buildRuleContext } from '../../../lib/core/rules/context';
import { NO_EARLIER, timeReference } from '../../../lib/core/flow';
import { parseSaml } from '../../../lib/core/xml';
import { TRUST, cleanFlow, postEntry, response } from './build';

// One Attribute per role, as Keycloak's built-in "role list" mapper sends them.
const roles = ['admin', 'agent', 'supervisor', 'wfo.full_access', 'manage-account'].map((r) => ({ name: 'Role', values: [r] }));

function hitsUnder(profile: Profile): ReturnType<typeof attributeDuplicate.check> {
  const entry = postEntry('SAMLResponse', response({ attributes: roles }));
  const parsed = parseSaml(response({ attributes: roles })).parsed!;
  const expect = { ...resolveExpectations({}), profile };
  const ctx = buildRuleContext({
    entry,
    message: { entryId: entry.id, binding: 'HTTP-POST', parameter: 'SAMLResponse', steps: [], problems: [] },
    trustConfigured: false,
    parsed,
    view: parsed.view,
    signatures: [],
    decrypted: false,
    profile,
    expect,
    flow: { id: 'f1', kind: 'other', direction: 'to-sp', earlier: { authnRequests: NO_EARLIER, logoutRequests: NO_EARLIER }, entityIds: [] },
    time: timeReference(entry, expect.time, expect.skewSeconds),
  });
  return attributeDuplicate.check(ctx);
}

describe('attribute-duplicate', () => {
  it('reports a repeated name once, a warning, saying what an SP reading the first sees and what a merging one sees', async () => {
    const report = await analyze(cleanFlow({ attributes: roles }), TRUST);
    const found = report.messages.flatMap((m) => m.findings).filter((f: Finding) => f.rule === 'attribute-duplicate');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', location: '/Response/Assertion/AttributeStatement/Attribute[1]' });
    expect(found[0]!.message).toBe(
      'Attribute "Role" comes in 5 Attribute elements: an SP that reads only the first sees "admin"; one that merges them sees "admin", "agent", "supervisor" and 2 more.',
    );
  });

  it('is an error, naming the values lost, under a profile whose SP reads only the first Attribute element', () => {
    const strict: Profile = { ...genericProfile(), id: 'first-only', name: 'First-only SP', readsFirstAttributeOnly: true };
    expect(hitsUnder(strict)).toEqual([
      {
        message: 'Attribute "Role" comes in 5 Attribute elements; First-only SP reads only the first ("admin"), so "agent", "supervisor", "wfo.full_access" and 1 more are lost.',
        location: '/Response/Assertion/AttributeStatement/Attribute[1]',
        severity: 'error',
      },
    ]);
    expect(hitsUnder(genericProfile()).map((h) => h.severity)).toEqual([undefined]);
  });

  it('is an error when a profile file says its SP reads only the first Attribute element', async () => {
    const doc = { name: 'Acme portal', extends: 'generic', readsFirstAttributeOnly: true };
    const report = await analyze(cleanFlow({ attributes: roles }), { ...TRUST, profileDocument: doc });
    const found = report.messages.flatMap((m) => m.findings).filter((f: Finding) => f.rule === 'attribute-duplicate');
    expect(found.map((f) => f.severity)).toEqual(['error']);
    expect(found[0]!.message).toContain('Acme portal reads only the first');
  });

  it("gives Keycloak's own setting as the Keycloak fix, with its source", () => {
    const fix = fixFor(attributeDuplicate.fix, 'keycloak');
    expect(fix.first.product).toBe('keycloak');
    expect(fix.first.text).toMatch(/Single Role Attribute/);
    expect(fix.first.sources.every((s) => s.startsWith('https://github.com/keycloak/keycloak/'))).toBe(true);
  });
});
