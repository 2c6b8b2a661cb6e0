import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeText } from '../../../lib/core/analyze';
import { RULES, getRule } from '../../../lib/core/rules';
import type { Report } from '../../../lib/core/model';
import { CASES, type Case } from './cases';
import { findingsOf } from './find';

const RULES_DIR = fileURLToPath(new URL('../../../lib/core/rules/', import.meta.url));
/** Files in lib/core/rules that are machinery, not rules. */
const NOT_RULES = new Set(['rule', 'context', 'helpers', 'time', 'attribute-match', 'registry', 'reference', 'index', 'engine']);

async function run(c: Case): Promise<Report> {
  if (c.text) return (await analyzeText(c.text(), c.options)).report;
  return analyze(c.entries?.() ?? [], c.options);
}

describe('rule catalogue', () => {
  it('registers every rule file, under the slug the file is named for', () => {
    const files = readdirSync(RULES_DIR)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3))
      .filter((f) => !NOT_RULES.has(f));
    expect(files.sort()).toEqual(RULES.map((r) => r.slug).sort());
  });

  it('has unique slugs and complete metadata', () => {
    expect(new Set(RULES.map((r) => r.slug)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.slug, r.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(['error', 'warning', 'info']).toContain(r.severity);
      expect(r.title.length, `${r.slug} title`).toBeGreaterThan(8);
      expect(r.why.length, `${r.slug} why`).toBeGreaterThan(60);
      expect(r.fix.general.length, `${r.slug} fix`).toBeGreaterThan(30);
      expect(r.spec, `${r.slug} spec`).toBeTruthy();
      const isCheck = 'check' in r && typeof (r as { check?: unknown }).check === 'function';
      expect(isCheck !== !!r.raisedBy, `${r.slug}: either a check or raised by a stage`).toBe(true);
    }
  });

  it('covers the minimum catalogue of VALIDATION.md and the agreed extras', () => {
    const required = [
      'decode-failed', 'xml-doctype', 'message-unsigned', 'response-unsigned', 'assertion-unsigned', 'signature-invalid',
      'signature-untrusted', 'signature-wrapping', 'weak-algorithm', 'nameid-missing', 'nameid-format', 'nameid-not-email',
      'nameid-comment', 'attribute-namespaced', 'attribute-missing', 'attribute-duplicate', 'issuer-missing', 'issuer-mismatch',
      'issuer-inconsistent', 'audience-mismatch', 'destination-mismatch', 'recipient-mismatch', 'in-response-to-mismatch',
      'unsolicited-response', 'assertion-expired', 'assertion-not-yet-valid', 'clock-skew', 'status-error', 'assertion-encrypted',
      'assertion-missing', 'assertion-multiple', 'xml-refused', 'not-saml', 'base64-lenient', 'input-unrecognised',
      'relaystate-too-long', 'redirect-signature-missing-sigalg', 'encryption-failed', 'certificate-expired',
    ];
    for (const slug of required) expect(getRule(slug), slug).toBeDefined();
  });

  it('has a firing and a quiet case for every rule', () => {
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((r) => r.slug).sort());
  });
});

describe.each(RULES.map((r) => r.slug))('%s', (slug) => {
  const c = CASES[slug]!;
  it('fires on its case, with the expected severity and a specific message', async () => {
    const found = findingsOf(await run(c.fires), slug);
    expect(found.length, `${slug} should fire`).toBeGreaterThan(0);
    expect(found.map((f) => f.severity)).toContain(c.severity);
    if (c.says) expect(found.map((f) => f.message).join('\n')).toMatch(c.says);
  });

  it('stays quiet on the close case', async () => {
    expect(findingsOf(await run(c.quiet), slug)).toEqual([]);
  });
});
