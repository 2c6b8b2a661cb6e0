// Issue 9: the Markdown and HTML reports start with the verdict; Markdown escapes only what could become
// Markdown; the HTML report has a dark style.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import { reportHtml, reportMarkdown } from '../../../lib/core/trace/reports';
import { mdText } from '../../../lib/core/trace/report-markdown';
import { FLEX_FLOW, FLEX_OPTIONS } from './flex';

describe('reports: the verdict first', () => {
  it('Markdown: the verdict right under the title, plurals, the grouped instances listed once', async () => {
    const report = await analyze(FLEX_FLOW(), FLEX_OPTIONS);
    const md = reportMarkdown(report, { generatedAt: '2027-03-01T12:00:00Z', profile: 'none' });
    const lines = md.split('\n');
    expect(lines[0]).toBe('# SAML Lens report');
    expect(lines[2]).toMatch(/^> \*\*✗ Error: 2 required claims are namespaced \(emailaddress → email; displayname, name → full_name\)\. Fix in Microsoft Entra ID: /);
    expect(md).toContain('**2 errors, 1 warning, 0 info.**');
    expect(md.match(/looks like/g)).toHaveLength(3);
    expect(md).toMatch(/- also `attribute-missing` \(error\), same cause: /);
  });

  it('HTML: the verdict before any section, and a dark style', async () => {
    const report = await analyze(FLEX_FLOW(), FLEX_OPTIONS);
    const html = reportHtml(report, { generatedAt: '2027-03-01T12:00:00Z', profile: 'none' });
    const verdictAt = html.indexOf('<div class="verdict error">');
    expect(verdictAt).toBeGreaterThan(html.indexOf('<h1>'));
    expect(verdictAt).toBeLessThan(html.indexOf('<h2>'));
    expect(html).toContain('@media (prefers-color-scheme:dark)');
    expect(html).toContain('2 errors');
  });

  it('Markdown escapes what could start Markdown, and nothing else', () => {
    expect(mdText('full_name (e.g. email) #1 + 2 = 3!')).toBe('full_name (e.g. email) #1 + 2 = 3!');
    expect(mdText('![x](https://evil.test/p.png)')).toBe('!\\[x\\](https://evil.test/p.png)');
    expect(mdText('<img src=x> *bold* `code` _em_ snake_case')).toBe('\\<img src=x\\> \\*bold\\* \\`code\\` \\_em\\_ snake_case');
    expect(mdText('# heading')).toBe('\\# heading');
  });
});
