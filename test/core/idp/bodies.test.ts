// Where bodies come from and where they go: the HAR reader keeps every request, the response content of pages and
// API answers (bounded), exports keep bodies where the format can hold them, and
// redaction covers them.
import { describe, expect, it } from 'vitest';
import { readInput } from '../../../lib/core/input';
import { analyzeText } from '../../../lib/core/analyze';
import { exportEntries } from '../../../lib/core/trace';
import type { TraceEntry } from '../../../lib/core/model';
import { RESPONSE_BODY_MAX_CHARS } from '../../../lib/core/input/body';
import { encodePostValue } from '../../../lib/samlgen';
import { ACS, at, authnRequest, redirectEntry, response } from '../rules/build';

const NOW = () => new Date('2027-03-01T12:00:00Z');
const SSO = 'https://login.microsoftonline.com/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/saml2';

function harEntry(url: string, status: number, body: { text: string; mimeType: string; encoding?: string } | undefined, extra: Record<string, unknown> = {}) {
  return {
    startedDateTime: at(1),
    request: { method: 'GET', url, headers: [], queryString: [] },
    response: { status, headers: [], redirectURL: '', content: { size: body?.text.length ?? 0, mimeType: body?.mimeType ?? 'x-unknown', ...(body ? { text: body.text } : {}), ...(body?.encoding ? { encoding: body.encoding } : {}) } },
    ...extra,
  };
}

const har = (entries: unknown[]) => JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, entries } });
const requestUrl = () => redirectEntry('SAMLRequest', authnRequest({ destination: SSO }), SSO, at(-2)).url;

describe('HAR reader', () => {
  it('keeps every request (issue 9: the context stays), with response bodies only for pages and API answers', () => {
    const url = requestUrl();
    const text = har([
      harEntry('https://cdn.example.test/lib.js', 200, { text: 'var a', mimeType: 'application/javascript' }),
      harEntry(url, 302, undefined, { response: { status: 302, headers: [{ name: 'location', value: '/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/login' }], redirectURL: '', content: { size: 0, mimeType: 'x-unknown' } } }),
      harEntry('https://aadcdn.example.test/logo.png', 200, { text: 'iVBORw0KGgo=', mimeType: 'image/png', encoding: 'base64' }),
      harEntry('https://login.microsoftonline.com/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/login', 200, { text: '<p>AADSTS50105: not assigned</p>', mimeType: 'text/html' }),
      harEntry('https://login.microsoftonline.com/common/GetCredentialType', 200, { text: '{"x":1}', mimeType: 'application/json' }),
      harEntry('https://unrelated.example.test/', 200, { text: '<p>other site</p>', mimeType: 'text/html' }),
    ]);
    const input = readInput(text);
    expect(input.entries).toHaveLength(6);
    const bodyOf = (u: string) => input.entries.find((e) => e.url.startsWith(u))!.responseBody;
    expect(bodyOf('https://login.microsoftonline.com/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/login')).toEqual({ text: '<p>AADSTS50105: not assigned</p>', mimeType: 'text/html' });
    expect(bodyOf('https://cdn.example.test/lib.js')).toBeUndefined();
    expect(bodyOf('https://aadcdn.example.test/logo.png')).toBeUndefined();
  });

  it('decodes base64 content, caps the body and says it was cut', () => {
    const big = `<html>${'x'.repeat(RESPONSE_BODY_MAX_CHARS)}</html>`;
    const input = readInput(har([harEntry(requestUrl(), 200, { text: Buffer.from(big).toString('base64'), mimeType: 'text/html', encoding: 'base64' })]));
    const body = input.entries[0]!.responseBody!;
    expect(body.text.startsWith('<html>xxx')).toBe(true);
    expect(body.text.length).toBeLessThanOrEqual(RESPONSE_BODY_MAX_CHARS);
    expect(body.truncated).toBe(true);
  });

  it('bad content never costs the entry: a number, a binary body, an unknown encoding', () => {
    const bad = [
      { ...harEntry(requestUrl(), 200, undefined), response: { status: 200, content: { text: 42, mimeType: 'text/html' } } },
      harEntry(requestUrl(), 200, { text: '\u0000\u0001\u0002', mimeType: 'text/html' }),
      harEntry(requestUrl(), 200, { text: '@@@', mimeType: 'text/html', encoding: 'base64' }),
    ];
    const input = readInput(har(bad));
    expect(input.entries).toHaveLength(3);
    expect(input.entries.map((e) => e.responseBody)).toEqual([undefined, undefined, undefined]);
  });

  it('keeps a bounded number of other requests of a 20,000-entry HAR and says how many were left out', () => {
    const pages = Array.from({ length: 20_000 }, (_, i) => harEntry(`https://login.microsoftonline.com/page${i}`, 200, { text: '<p>x</p>', mimeType: 'text/html' }));
    const input = readInput(har([harEntry(requestUrl(), 200, undefined), ...pages]));
    expect(input.entries.length).toBeLessThanOrEqual(1 + 5_000 + 24);
    expect(input.problems.filter((p) => p.rule === 'input-limit').map((p) => p.message)).toEqual([expect.stringMatching(/^Kept 5,0\d\d of 20,001 entries/)]);
  });

  it('an Entra ID capture ending on AADSTS700016 reads as a refusal with the fix (end to end from HAR text)', async () => {
    const { report } = await analyzeText(har([harEntry(requestUrl(), 200, { text: "<p>AADSTS700016: Application with identifier 'https://sp.example.test/metadata' was not found</p>", mimeType: 'text/html' })]));
    expect(report.flows[0]!.outcome).toBe('refused-by-idp');
    expect(report.messages[0]!.findings.find((f) => f.rule === 'idp-refused')!.message).toContain('Basic SAML Configuration');
  });
});

/** An IdP auto-post page carrying the whole SAMLResponse, and a sign-in page with a password and a token. */
function withPages(): TraceEntry[] {
  const xml = response({ nameId: { value: 'alice.private@example.test' } });
  const autopost = `<html><body><form method="POST" action="${ACS}"><input type="hidden" name="SAMLResponse" value="${encodePostValue(xml)}" /><input type="hidden" name="RelayState" value="/app"/></form><p>Signed in as alice.private@example.test</p></body></html>`;
  const signin = '<form><input name="loginfmt" value="alice.private@example.test"><input type="password" name="passwd" value="Hunter2-Secret"><input type="hidden" name="flowToken" value="AQABtokenvalue123"></form>';
  const request = redirectEntry('SAMLRequest', authnRequest({ destination: SSO }), SSO, at(-2));
  return [
    { ...request, responseStatus: 200, responseBody: { text: signin, mimeType: 'text/html' } },
    { id: 'kmsi', source: 'har', method: 'POST', url: 'https://login.microsoftonline.com/kmsi', requestHeaders: [], responseHeaders: [], responseStatus: 200, capturedAt: at(1), responseBody: { text: autopost, mimeType: 'text/html', truncated: true } },
  ];
}

describe('exports and redaction of captured bodies', () => {
  it('native trace and HAR keep the body; SAML-tracer says it cannot', async () => {
    for (const format of ['trace', 'har'] as const) {
      const out = exportEntries(withPages(), { format, profile: 'none', now: NOW });
      const back = readInput(out.text).entries;
      expect(back.find((e) => e.url.endsWith('/kmsi'))!.responseBody!.text, format).toContain('name="SAMLResponse"');
    }
    const tracer = exportEntries(withPages(), { format: 'saml-tracer', profile: 'none', now: NOW });
    expect(tracer.notes.map((n) => n.message).join(' ')).toContain('no place for response bodies');
    expect(exportEntries(withPages(), { format: 'har', profile: 'none', now: NOW }).notes.map((n) => n.message).join(' ')).toContain('captured only in part');
  });

  it('support removes the password and tokens in captured pages; share also the personal data inside the posted SAMLResponse', () => {
    const support = exportEntries(withPages(), { format: 'trace', profile: 'support', now: NOW }).text;
    expect(support).not.toContain('Hunter2-Secret');
    expect(support).toContain('alice.private@example.test'); // support keeps identities
    const share = exportEntries(withPages(), { format: 'trace', profile: 'share', now: NOW });
    expect(share.text).not.toContain('Hunter2-Secret');
    expect(share.text).not.toContain('alice.private@example.test');
    const kmsi = readInput(share.text).entries.find((e) => e.url.endsWith('/kmsi'))!;
    const posted = /name="SAMLResponse" value="([^"]+)"/.exec(kmsi.responseBody!.text)![1]!;
    const decoded = Buffer.from(posted.replace(/&#43;/g, '+').replace(/&#61;/g, '='), 'base64').toString('utf8');
    expect(decoded).toContain('<samlp:Response');
    expect(decoded).not.toContain('alice.private');
    expect(decoded).toContain('user1@example.invalid');
  });
});
