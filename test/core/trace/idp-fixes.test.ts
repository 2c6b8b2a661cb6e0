// Ticket reports open with the fix for the IdP in use; the general fix and the other IdPs are folded away.
import { describe, expect, it } from 'vitest';
import type { IdpRecognition } from '../../../lib/core/idp';
import type { Report } from '../../../lib/core/model';
import { getRule } from '../../../lib/core/rules';
import { reportHtml, reportMarkdown } from '../../../lib/core/trace';
import { finding, msg, report } from '../../ui/fixtures';

const rule = getRule('response-unsigned')!;
const opts = { generatedAt: '2026-01-15T12:00:00.000Z', includeXml: false };

function flow(idp?: IdpRecognition): Report {
  const m = msg(0, { findings: [finding('response-unsigned', 'error', 'The Response is not signed')] });
  return report([m], [{ id: 'f1', messages: [0], kind: 'sp-initiated', ...(idp ? { idp } : {}) }]);
}
const adfs: IdpRecognition = { product: 'adfs', evidence: ['Issuer http://adfs.example.test/adfs/services/trust'] };

/** Markdown escapes punctuation in texts; compare on the words. */
const words = (s: string) => s.replace(/\\/g, '');

describe('Markdown report', () => {
  it('puts the AD FS fix inline for an AD FS flow and the rest in one <details>', () => {
    const md = words(reportMarkdown(flow(adfs), opts));
    const inline = md.indexOf(`- Fix (AD FS):\n    ${words(rule.fix.adfs!)}`);
    const details = md.indexOf('<details><summary>General fix and other IdPs</summary>');
    expect(inline).toBeGreaterThan(-1);
    expect(details).toBeGreaterThan(inline);
    expect(md.match(/<details>/g)).toHaveLength(1);
    const folded = md.slice(details, md.indexOf('</details>'));
    expect(folded).toContain(`- General:\n      ${words(rule.fix.general)}`);
    expect(folded).toContain(`- Okta:\n      ${words(rule.fix.okta!)}`);
    expect(folded).not.toContain('AD FS');
  });

  it('puts the general fix inline and every documented IdP in the disclosure when the IdP is unknown', () => {
    const md = words(reportMarkdown(flow(), opts));
    expect(md).toContain(`- Fix:\n    ${words(rule.fix.general)}`);
    const folded = md.slice(md.indexOf('<details><summary>Other IdPs</summary>'), md.indexOf('</details>'));
    expect(folded).toContain(`- AD FS:\n      ${words(rule.fix.adfs!)}`);
    expect(folded).toContain('- Microsoft Entra ID:');
  });
});

describe('HTML report', () => {
  it('opens with the AD FS fix and folds the others into one closed <details>', () => {
    const html = reportHtml(flow(adfs), opts);
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    const first = html.indexOf(`<p><strong>Fix (AD FS):</strong></p><p class="fix">${esc(rule.fix.adfs!)}</p>`);
    const details = html.indexOf('<details class="other-fixes"><summary>General fix and other IdPs</summary>');
    expect(first).toBeGreaterThan(-1);
    expect(details).toBeGreaterThan(first);
    expect(html).not.toMatch(/<details[^>]*\bopen\b/);
    const folded = html.slice(details, html.indexOf('</details>'));
    expect(folded).toContain(esc(rule.fix.general));
    expect(folded).toContain(`<strong>Okta:</strong>`);
  });

  it('opens with the general fix when the IdP is unknown', () => {
    const html = reportHtml(flow(), opts);
    expect(html).toContain('<p><strong>Fix:</strong></p>');
    expect(html).toContain('<summary>Other IdPs</summary>');
    expect(html.indexOf('<strong>AD FS:</strong>')).toBeGreaterThan(html.indexOf('<summary>Other IdPs</summary>'));
  });
});
