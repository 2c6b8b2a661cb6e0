import { describe, expect, it } from 'vitest';
import type { MessageReport, Report } from '../../../lib/core/model';
import { reportHtml, reportMarkdown } from '../../../lib/core/trace';
import { buildResponse, NAMEID } from '../../../lib/samlgen';
import { PERSONAL } from './flow';

const HOSTILE = `"><script>alert(1)</script><img src=https://evil.example/x.png onerror=alert(2)>![t](https://evil.example/t.png)`;

function message(over: Partial<MessageReport> = {}): MessageReport {
  const xml = buildResponse({
    nameId: { value: PERSONAL.nameId, format: NAMEID.email },
    attributes: [
      { name: 'displayName', values: [PERSONAL.displayName] },
      { name: 'note', values: [HOSTILE] },
    ],
  });
  return {
    index: 0,
    source: 'webrequest',
    entry: 'e4',
    kind: 'Response',
    binding: 'HTTP-POST',
    parameter: 'SAMLResponse',
    method: 'POST',
    url: `https://sp.example.test/acs?hint=${encodeURIComponent(PERSONAL.otherEmail)}&access_token=tok-8f7e6d5c4b3a`,
    capturedAt: '2026-01-15T10:00:03.000Z',
    flow: 'f1',
    direction: 'to-sp',
    issuer: 'https://idp.example.test/metadata',
    nameId: { value: PERSONAL.nameId, format: NAMEID.email },
    attributes: [
      { name: 'displayName', values: [PERSONAL.displayName] },
      { name: 'note', values: [HOSTILE] },
    ],
    signatures: [{ target: '/Response', targetKind: 'Response', form: 'xml', status: 'invalid', reason: 'digest mismatch', failure: 'digest' }],
    findings: [
      { rule: 'signature-invalid', severity: 'error', message: 'the Response signature does not verify (digest mismatch)', location: '/Response/Signature' },
      { rule: 'nameid-format', severity: 'warning', message: `NameID ${PERSONAL.nameId} is not in the format the SP expects ${HOSTILE}` },
    ],
    steps: [],
    xml,
    ...over,
  };
}

function report(messages: MessageReport[] = [message()]): Report {
  return {
    schemaVersion: 1,
    messages,
    findings: [],
    flows: [{ id: 'f1', messages: messages.filter((m) => m.flow === 'f1').map((m) => m.index), kind: 'idp-initiated', worst: 'error' }],
    summary: { entries: 1, messages: messages.length, flows: 1, errors: 1, warnings: 1, infos: 0, profile: 'generic', at: 'capture' },
  };
}

describe('HTML report', () => {
  const html = reportHtml(report(), { generatedAt: '2026-01-15T12:00:00.000Z' });

  it('is one self-contained file: no script, no resource or link to load, a CSP that forbids any', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(img|link|iframe|object|embed|a)\b/i);
    const tags = html.match(/<[^>]*>/g) ?? [];
    expect(tags.filter((tag) => /\s(src|href|action|srcset|on\w+)\s*=/i.test(tag))).toEqual([]);
    expect(html).not.toMatch(/url\(|@import/i);
    // No URL in any tag: captured URLs appear only as escaped text.
    expect(tags.filter((tag) => /https?:/i.test(tag))).toEqual([]);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toMatch(/^<!DOCTYPE html>/);
  });

  it('escapes hostile captured values in attributes, findings and the XML excerpt', () => {
    expect(html).not.toContain('"><script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=https://evil.example/x.png onerror=alert(2)&gt;');
  });

  it('explains each finding with the rule metadata: title and fix', () => {
    expect(html).toContain('Signature does not verify');
    expect(html).toMatch(/certificate rollover|IdP certificate/i);
  });

  it('redacts with support by default (tokens go, the NameID a support engineer needs stays) and with share on request', () => {
    expect(html).not.toContain('tok-8f7e6d5c4b3a');
    expect(html).toContain(PERSONAL.nameId);
    const shared = reportHtml(report(), { profile: 'share' });
    for (const v of [PERSONAL.nameId, PERSONAL.displayName, PERSONAL.otherEmail, encodeURIComponent(PERSONAL.otherEmail), 'tok-8f7e6d5c4b3a']) {
      expect(shared).not.toContain(v);
    }
    expect(shared).toContain('user1@example.invalid');
    expect(shared).toContain('Person 1');
  });
});

describe('Markdown report', () => {
  it('neutralises Markdown in captured text and fences the XML', () => {
    const md = reportMarkdown(report(), { generatedAt: '2026-01-15T12:00:00.000Z' });
    // Inside a code fence Markdown is not rendered; everywhere else the image syntax must be escaped.
    const outsideFences = md.replace(/```xml\n[\s\S]*?\n```/g, '');
    expect(outsideFences).not.toContain('![t](https://evil.example/t.png)');
    // Escaped where Markdown could start (the brackets), and nowhere else (issue 9).
    expect(md).toContain('!\\[t\\](https://evil.example/t.png)');
    expect(md).toMatch(/```xml\n<samlp:Response/);
    expect(md).toContain('**error** `signature-invalid` (Signature does not verify)');
    expect(md).toContain('**1 error, 1 warning, 0 info.**');
  });

  it('reports one flow when asked, and nothing of the others', () => {
    const other = message({ index: 1, flow: 'f2', entry: 'e9', nameId: { value: 'bob@else.example' }, url: 'https://other.example/acs', xml: '<x/>' });
    const r = report([message(), other]);
    r.flows.push({ id: 'f2', messages: [1], kind: 'sp-initiated' });
    const md = reportMarkdown(r, { flow: 'f1' });
    expect(md).toContain('## Flow f1');
    expect(md).not.toContain('other.example');
    expect(md).not.toContain('bob@else.example');
  });
});
