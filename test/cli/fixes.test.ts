// The fix a person reads first is the one for their IdP; the others are one line (text) or the general fix only (JSON).
import { describe, expect, it } from 'vitest';
import { ruleDoc } from '../../lib/cli/core-api';
import { formatHuman } from '../../lib/cli/format-human';
import { formatJson } from '../../lib/cli/format-json';
import { getRule } from '../../lib/core/rules';
import type { IdpRecognition } from '../../lib/core/idp';
import type { Report } from '../../lib/core/model';
import { finding, msg, report } from '../ui/fixtures';

const adfs: IdpRecognition = { product: 'adfs', evidence: ['Issuer http://adfs.example.test/adfs/services/trust'] };
const rule = getRule('response-unsigned')!;

function flow(idp?: IdpRecognition): Report {
  const m = msg(0, { findings: [finding('response-unsigned', 'error', 'The Response is not signed')] });
  return report([m], [{ id: 'f1', messages: [0], kind: 'sp-initiated', ...(idp ? { idp } : {}) }], [finding('signature-untrusted', 'warning')]);
}

const text = (r: Report, verbose = false) => formatHuman(r, ruleDoc, { color: false, fixes: true, verbose });

describe('CLI text: fixes for the recognised IdP', () => {
  it('shows the AD FS fix first for an AD FS flow and names the other IdPs on one line', () => {
    const out = text(flow(adfs));
    const block = out.slice(out.indexOf('response-unsigned'), out.indexOf('Spec:'));
    expect(block).toContain(`Fix (AD FS): ${rule.fix.adfs}`);
    expect(block).not.toContain(rule.fix.general);
    expect(block).not.toContain(rule.fix.okta!);
    const others = block.split('\n').filter((l) => l.includes('Other IdPs'));
    expect(others).toHaveLength(1);
    expect(others[0]).toMatch(/Other IdPs: Microsoft Entra ID, Okta, .*Keycloak.* \(and the general fix\); --verbose shows their steps/);
    expect(others[0]).not.toContain('AD FS');
    expect(block.indexOf('Fix (AD FS)')).toBeLessThan(block.indexOf('Other IdPs'));
  });

  it('shows the general fix first with an unknown IdP, every documented IdP named on the one line', () => {
    const block = text(flow());
    expect(block).toContain(`Fix: ${rule.fix.general}`);
    expect(block).not.toContain(rule.fix.adfs!);
    expect(block).toMatch(/Other IdPs: Microsoft Entra ID, AD FS, Okta, .*; --verbose shows their steps/);
  });

  it('--verbose prints every IdP\'s steps, the recognised one first', () => {
    const out = text(flow(adfs), true);
    const at = (s: string) => out.indexOf(s);
    expect(at(`Fix (AD FS): ${rule.fix.adfs}`)).toBeGreaterThan(-1);
    expect(at(`General: ${rule.fix.general}`)).toBeGreaterThan(at('Fix (AD FS)'));
    expect(at(`Okta: ${rule.fix.okta}`)).toBeGreaterThan(at('General:'));
    expect(out).not.toContain('--verbose shows');
  });
});

describe("CLI text: a finding's own fix", () => {
  it('is shown instead of the IdP steps for the rule (the SP signs what the SP sends)', () => {
    const r = flow(adfs);
    r.messages[0]!.findings = [{ ...finding('message-unsigned', 'warning', 'The LogoutRequest is not signed'), ownFix: { product: 'general', text: 'Turn on signing of logout messages in the SP.' } }];
    const out = text(r);
    expect(out).toContain('Fix: Turn on signing of logout messages in the SP.');
    expect(out).not.toContain(getRule('message-unsigned')!.fix.adfs ?? '@@none@@');
  });
});

describe('--json: each finding carries its fix', () => {
  it('gives fix.general and the recognised IdP\'s fix.idp', () => {
    const doc = JSON.parse(formatJson(flow(adfs), { includeXml: false, inputs: ['x.har'], rule: ruleDoc }));
    expect(doc.messages[0].findings[0].fix).toEqual({ general: rule.fix.general, idp: { product: 'adfs', text: rule.fix.adfs } });
    // Trace findings: the trace's one recognised IdP.
    const untrusted = getRule('signature-untrusted')!;
    expect(doc.findings[0].fix).toEqual({ general: untrusted.fix.general, idp: { product: 'adfs', text: untrusted.fix.adfs } });
  });

  it('gives only fix.general when the IdP is unknown or has no steps for the rule', () => {
    const doc = JSON.parse(formatJson(flow(), { includeXml: false, inputs: ['x.har'], rule: ruleDoc }));
    expect(doc.messages[0].findings[0].fix).toEqual({ general: rule.fix.general });
    // clock-skew has AD FS steps only: a Keycloak flow gets the general fix.
    const keycloak = flow({ product: 'keycloak', evidence: [] });
    keycloak.messages[0]!.findings = [finding('clock-skew', 'warning')];
    expect(JSON.parse(formatJson(keycloak, { includeXml: false, inputs: [], rule: ruleDoc })).messages[0].findings[0].fix).toEqual({ general: getRule('clock-skew')!.fix.general });
  });

  it('gives a finding\'s own general steps (an SP\'s signature) as fix.general, without the rule\'s IdP steps', () => {
    const r = flow(adfs);
    const own = { product: 'general' as const, text: "This is the SP's own signature: give SAML Lens the SP metadata." };
    r.messages[0]!.findings = [{ ...finding('signature-untrusted', 'info'), ownFix: own }];
    expect(JSON.parse(formatJson(r, { includeXml: false, inputs: [], rule: ruleDoc })).messages[0].findings[0].fix).toEqual({ general: own.text });
  });

  it('leaves a finding of an unknown rule without a fix', () => {
    const r = flow(adfs);
    r.messages[0]!.findings = [finding('no-such-rule', 'error')];
    expect(JSON.parse(formatJson(r, { includeXml: false, inputs: [], rule: ruleDoc })).messages[0].findings[0].fix).toBeUndefined();
  });
});
