import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SummaryCard, AttributesTable } from '../../lib/ui/components/SummaryCard';
import { HttpView } from '../../lib/ui/components/HttpView';
import { XmlLines } from '../../lib/ui/components/XmlLines';
import { FindingCard } from '../../lib/ui/components/Findings';
import { MessageRowView, OtherRowView } from '../../lib/ui/components/MessageRows';
import { CopyButton } from '../../lib/ui/components/CopyButton';
import { buildTree } from '../../lib/ui/xml/tree';
import { expand, allHosts, allText, type HostNode } from './expand';
import { entry, finding, msg } from './fixtures';

const IMG = '<img src=x onerror=alert(1)>';
const JS_URL = 'javascript:alert(document.domain)';
const leaves = new Set<unknown>([CopyButton]);

/** No element may carry decoded content anywhere but in a text child. */
function assertInert(nodes: Array<HostNode | string>) {
  for (const h of allHosts(nodes)) {
    expect(h.tag).not.toMatch(/^(img|script|iframe|a|object|embed)$/);
    for (const [k, v] of Object.entries(h.props)) {
      expect(k).not.toBe('dangerouslySetInnerHTML');
      expect(k).not.toMatch(/^(href|src|srcset|action|formaction)$/i);
      if (h.tag.startsWith('<')) continue; // a stateful child's props (e.g. the text CopyButton copies) are not DOM
      if (typeof v === 'string' && k !== 'title' && k !== 'data-path') {
        expect(v).not.toContain('<img');
        expect(v).not.toContain('javascript:');
      }
    }
  }
}

describe('decoded content is rendered as text', () => {
  it('shows a hostile attribute value and a javascript: URL as text in the summary card', () => {
    const m = msg(0, {
      issuer: JS_URL,
      destination: JS_URL,
      nameId: { value: IMG, format: IMG },
      attributes: [{ name: IMG, values: [IMG, JS_URL] }],
      relayState: JS_URL,
      status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Requester', subCodes: [IMG], message: IMG },
      signatures: [{ target: '/Response', targetKind: 'Response', form: 'xml', status: 'untrusted', reason: IMG, keyInfoCertificate: { sha256: 'AB', sha1: 'CD', subject: IMG, trusted: false } }],
    });
    const out = expand(<SummaryCard m={m} time={{ at: m.capturedAt, name: 'capture' }} />, leaves);
    assertInert(out);
    const text = allText(out);
    expect(text).toContain(IMG);
    expect(text).toContain(JS_URL);
    expect(text).toContain('intact, signer not verified');
  });

  it('keeps attribute values as separate text lines in the attributes table', () => {
    const out = expand(<AttributesTable attributes={[{ name: 'role', values: [IMG, 'agent'] }]} />, leaves);
    assertInert(out);
    const cells = allHosts(out).filter((h) => h.props['class'] === 'sl-attr-value');
    expect(cells.map((c) => c.children)).toEqual([[IMG], ['agent']]);
  });

  it('shows a javascript: request URL, headers and form fields as text, not links', () => {
    const e = entry('e1', { url: `https://sp.example.com/acs?next=${encodeURIComponent(JS_URL)}`, formFields: [['RelayState', JS_URL], ['x', IMG]], requestHeaders: [{ name: 'Referer', value: JS_URL }], redirectUrl: JS_URL, responseStatus: 302 });
    const out = expand(<HttpView entry={e} message={msg(0, { relayState: JS_URL })} />, leaves);
    assertInert(out);
    expect(allText(out)).toContain(JS_URL);
    expect(allText(out)).toContain(IMG);
  });

  it('folds long form values (a SAMLResponse) behind a summary, keeping the whole value as text', () => {
    const long = `${IMG}${'A'.repeat(5000)}`;
    const out = expand(<HttpView entry={entry('e1', { method: 'POST', formFields: [['SAMLResponse', long]] })} />, leaves);
    assertInert(out);
    const details = allHosts(out).find((h) => h.tag === 'details');
    expect(details).toBeDefined();
    expect(allText(details!.children.filter((c) => typeof c === 'string'))).toBe(long);
    expect(allText(allHosts(details!.children).filter((h) => h.tag === 'summary'))).toContain('5028 characters');
  });

  it('renders highlighted XML as spans of text, with search marks as text too', () => {
    const tree = buildTree(`<r><v a="${JS_URL}">&lt;img src=x onerror=alert(1)&gt;</v><w><![CDATA[${IMG}]]></w></r>`);
    const ctx = { collapsed: new Set<number>(), forceOpen: new Set<number>(), toggle: () => {}, query: 'img' };
    const out = expand(<XmlLines roots={tree.roots} ctx={ctx} />, leaves);
    assertInert(out);
    expect(allHosts(out).every((h) => ['div', 'span', 'mark', 'button'].includes(h.tag))).toBe(true);
    expect(allText(out)).toContain(`<![CDATA[${IMG}]]>`);
    expect(allHosts(out).filter((h) => h.tag === 'mark').map((h) => allText(h.children))).toEqual(['img', 'img']);
  });

  it('renders finding messages and row cells as text', () => {
    assertInert(expand(<FindingCard finding={finding('x', 'error', IMG, '/Response')} onLocate={() => {}} />, leaves));
    const row = expand(<MessageRowView m={msg(0, { url: JS_URL })} grouped={false} />, leaves);
    assertInert(row);
    expect(allText(row)).toContain(JS_URL);
    assertInert(expand(<OtherRowView e={entry('o', { url: JS_URL })} />, leaves));
  });

  it('never uses innerHTML, dangerouslySetInnerHTML, outerHTML, insertAdjacentHTML or document.write in lib/ui', () => {
    const dir = join(__dirname, '../../lib/ui');
    const files: string[] = [];
    const walk = (d: string) => readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : /\.tsx?$/.test(f) && files.push(join(d, f))));
    walk(dir);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      expect(readFileSync(f, 'utf8'), f).not.toMatch(/innerHTML|dangerouslySetInnerHTML|outerHTML|insertAdjacentHTML|document\.write|\bhref=/);
    }
  });
});
