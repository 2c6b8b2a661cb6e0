import { describe, expect, it } from 'vitest';
import { fixFor, messageIdp, traceIdp, IDP_PRODUCTS, type IdpFix } from '../../../lib/core/idp';
import { getRule } from '../../../lib/core/rules';
import { msg, report } from '../../ui/fixtures';

const fix: IdpFix = {
  general: 'General steps.',
  okta: 'Okta steps.',
  adfs: 'AD FS steps.',
  'entra-id': 'Entra steps.',
  sources: { okta: ['https://okta.example/doc'], adfs: ['https://adfs.example/doc'], 'entra-id': ['https://entra.example/doc'] },
};

describe('fixFor: one order of fixes for every surface', () => {
  it('puts the recognised IdP first, then the general fix, then the other documented IdPs in product order', () => {
    const f = fixFor(fix, 'adfs');
    expect(f.first).toEqual({ product: 'adfs', name: 'AD FS', text: 'AD FS steps.', sources: ['https://adfs.example/doc'] });
    expect(f.firstLabel).toBe('Fix (AD FS)');
    expect(f.others.map((e) => e.product)).toEqual(['general', 'entra-id', 'okta']);
    expect(f.othersLabel).toBe('General fix and other IdPs');
  });

  it('with an unknown IdP: the general fix first and every documented IdP behind the disclosure', () => {
    for (const idp of ['unknown', undefined] as const) {
      const f = fixFor(fix, idp);
      expect(f.first).toMatchObject({ product: 'general', name: 'General', text: 'General steps.' });
      expect(f.firstLabel).toBe('Fix');
      expect(f.others.map((e) => e.product)).toEqual(['entra-id', 'adfs', 'okta']);
      expect(f.othersLabel).toBe('Other IdPs');
    }
  });

  it('falls back to the general fix when the recognised IdP has no documented steps for this rule', () => {
    const f = fixFor(fix, 'keycloak');
    expect(f.first.product).toBe('general');
    expect(f.others.map((e) => e.product)).toEqual(['entra-id', 'adfs', 'okta']);
  });

  it('has nothing to disclose for a rule without per-IdP steps', () => {
    expect(fixFor({ general: 'Only this.' }, 'okta')).toMatchObject({ first: { product: 'general' }, others: [] });
  });

  it('orders a real rule: the AD FS cmdlet first for an AD FS flow, and no fix text is lost', () => {
    const rule = getRule('response-unsigned')!;
    const f = fixFor(rule.fix, 'adfs');
    expect(f.first.text).toContain('SamlResponseSignature MessageAndAssertion');
    const all = [f.first, ...f.others].map((e) => e.product);
    expect(all.sort()).toEqual(['general', ...IDP_PRODUCTS.filter((p) => rule.fix[p])].sort());
  });
});

describe('which IdP a finding is about', () => {
  const adfs = { product: 'adfs' as const, evidence: ['Issuer http://adfs.example.test/adfs/services/trust'] };
  const okta = { product: 'okta' as const, evidence: ['Issuer http://www.okta.com/exk1'] };

  it('takes the message\'s recognition, else its flow\'s, else unknown', () => {
    const own = msg(0, { idp: okta });
    const viaFlow = msg(1, { flow: 'f1' });
    const loose = msg(2, { flow: 'f2' });
    const r = report([own, viaFlow, loose], [
      { id: 'f1', messages: [0, 1], kind: 'sp-initiated', idp: adfs },
      { id: 'f2', messages: [2], kind: 'other' },
    ]);
    expect(messageIdp(r, own)).toBe('okta');
    expect(messageIdp(r, viaFlow)).toBe('adfs');
    expect(messageIdp(r, loose)).toBe('unknown');
  });

  it('gives trace findings the one IdP of the trace, and unknown when flows disagree or none is recognised', () => {
    const one = report([msg(0)], [{ id: 'f1', messages: [0], kind: 'sp-initiated', idp: adfs }]);
    expect(traceIdp(one)).toBe('adfs');
    const two = report([msg(0), msg(1, { flow: 'f2', idp: okta })], [{ id: 'f1', messages: [0], kind: 'sp-initiated', idp: adfs }, { id: 'f2', messages: [1], kind: 'sp-initiated' }]);
    expect(traceIdp(two)).toBe('unknown');
    expect(traceIdp(report([msg(0)], [{ id: 'f1', messages: [0], kind: 'other', idp: { product: 'unknown', evidence: [] } }]))).toBe('unknown');
  });
});
