// Per-IdP fixes are console paths and settings a person will follow: each must name the public page it comes from.
import { describe, expect, it } from 'vitest';
import { IDP_PRODUCTS, type IdpFix } from '../../../lib/core/idp';
import { RULES } from '../../../lib/core/rules';
import { STATUS_CODES } from '../../../lib/core/status-codes';

const fixes: Array<[string, IdpFix]> = [
  ...RULES.map((r): [string, IdpFix] => [`rule ${r.slug}`, r.fix]),
  ...Object.values(STATUS_CODES).flatMap((s): Array<[string, IdpFix]> => (s.fix ? [[`status ${s.name}`, s.fix]] : [])),
];

describe('per-IdP fix catalogue', () => {
  it.each(fixes)('%s: every per-IdP text cites https sources, and every source belongs to a text', (_name, fix) => {
    const known = new Set<string>(['general', 'sources', ...IDP_PRODUCTS]);
    expect(Object.keys(fix).filter((k) => !known.has(k)), 'keys other than product ids (e.g. the old `entra`)').toEqual([]);
    for (const p of IDP_PRODUCTS) {
      const text = fix[p];
      const sources = fix.sources?.[p] ?? [];
      if (text === undefined) {
        expect(sources, `${p}: sources without a text`).toEqual([]);
        continue;
      }
      expect(text.trim().length, `${p}: empty text`).toBeGreaterThan(20);
      expect(sources.length, `${p}: no source`).toBeGreaterThan(0);
      for (const url of sources) expect(url, p).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
    }
  });

  it('covers the products beyond Entra ID, Okta and AD FS on the rules people hit most', () => {
    const top = ['response-unsigned', 'assertion-unsigned', 'signature-invalid', 'certificate-expired', 'nameid-format', 'attribute-namespaced', 'attribute-missing', 'audience-mismatch', 'destination-mismatch', 'issuer-mismatch', 'assertion-encrypted', 'weak-algorithm'];
    const covered = new Set(top.flatMap((slug) => IDP_PRODUCTS.filter((p) => RULES.find((r) => r.slug === slug)?.fix[p])));
    for (const p of ['google', 'onelogin', 'keycloak', 'shibboleth', 'auth0', 'jumpcloud', 'simplesamlphp', 'ping']) expect(covered, p).toContain(p);
  });
});
