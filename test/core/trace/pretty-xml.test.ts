import { describe, expect, it } from 'vitest';
import { prettyXml } from '../../../lib/core/trace/pretty-xml';
import { reportMarkdown } from '../../../lib/core/trace';
import { analyzeText } from '../../../lib/core/analyze';
import { buildResponse } from '../../../lib/samlgen';

describe('XML excerpts in ticket reports', () => {
  it('indents a one-line message, one element per line, keeping names, attributes and text', () => {
    const xml = buildResponse({ issueInstant: '2027-03-01T10:00:00Z' });
    const pretty = prettyXml(xml);
    const lines = pretty.split('\n');
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.find((l) => l.includes('<saml:NameID'))).toMatch(/^ {4,}<saml:NameID Format="urn:oasis:names:tc:SAML:1\.1:nameid-format:emailAddress">alice@example\.test<\/saml:NameID>$/);
    expect(pretty.replace(/\s+/g, '')).toBe(xml.replace(/\s+/g, '').replace(/><\/saml:Audience>/g, '></saml:Audience>'));
  });

  it('keeps comments, CDATA and entities as written', () => {
    const pretty = prettyXml('<a><b>x &amp; y</b><!-- note --><c><![CDATA[<raw>]]></c></a>');
    expect(pretty).toContain('x &amp; y');
    expect(pretty).toContain('<!-- note -->');
    expect(pretty).toContain('<![CDATA[<raw>]]>');
  });

  it('shows a DOCTYPE document or broken XML as it was sent', () => {
    const bomb = '<!DOCTYPE a [<!ENTITY x "xx">]><a>&x;</a>';
    expect(prettyXml(bomb)).toBe(bomb);
    expect(prettyXml('<a><b></a>')).toBe('<a><b></a>');
  });

  it('is what the Markdown report shows', async () => {
    const { report } = await analyzeText(buildResponse({ issueInstant: '2027-03-01T10:00:00Z' }));
    expect(reportMarkdown(report, { profile: 'none' })).toMatch(/\n {2,}<saml:Issuer>https:\/\/idp\.example\.test\/metadata<\/saml:Issuer>\n/);
  });
});
