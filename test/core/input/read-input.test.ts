import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractMessages } from '../../../lib/core/binding';
import { readInput } from '../../../lib/core/input';
import { buildAuthnRequest, buildResponse, encodePostValue, encodeRedirectQuery, loadTestKey } from '../../../lib/samlgen';

const response = buildResponse({});
const request = buildAuthnRequest({});

function single(text: string) {
  const result = readInput(text, { capturedAt: '2026-01-15T10:00:00Z' });
  expect(result.problems).toEqual([]);
  expect(result.entries).toHaveLength(1);
  const entry = result.entries[0]!;
  expect(entry).toMatchObject({ source: 'pasted', capturedAt: '2026-01-15T10:00:00Z' });
  return { format: result.format, entry, messages: extractMessages(entry) };
}

describe('readInput on pasted messages', () => {
  it('raw XML -> binding Pasted, XML as pasted', () => {
    const { format, entry, messages } = single(`\n  ${response}\n`);
    expect(format).toBe('xml');
    expect(entry.url).toBe('');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ binding: 'Pasted', parameter: 'pasted', xml: response });
  });

  it('base64 of a Response -> SAMLResponse, binding Pasted', () => {
    const { format, messages } = single(encodePostValue(response));
    expect(format).toBe('base64');
    expect(messages[0]).toMatchObject({ binding: 'Pasted', parameter: 'SAMLResponse', xml: response });
  });

  it('deflated base64 of an AuthnRequest (Redirect encoding) -> SAMLRequest', () => {
    const { entry, messages } = single(deflateRawSync(Buffer.from(request)).toString('base64'));
    expect(entry.method).toBe('GET');
    expect(messages[0]).toMatchObject({ binding: 'Pasted', parameter: 'SAMLRequest', xml: request });
  });

  it('a whole Redirect URL keeps its raw query for the signature', () => {
    const query = encodeRedirectQuery(request, { param: 'SAMLRequest', relayState: 'r', key: loadTestKey('sp') });
    const url = `https://idp.example.test/sso?${query}`;
    const { format, entry, messages } = single(url);
    expect(format).toBe('url');
    expect(entry).toMatchObject({ method: 'GET', url });
    expect(messages[0]).toMatchObject({ binding: 'HTTP-Redirect', xml: request, relayState: 'r' });
    expect(messages[0]?.redirectSignature?.signedOctets).toBe(query.slice(0, query.indexOf('&Signature=')));
  });

  it('a bare signed query (no host) is kept as a query too', () => {
    const query = encodeRedirectQuery(request, { param: 'SAMLRequest', key: loadTestKey('sp') });
    const { entry, messages } = single(query);
    expect(entry.url).toBe(`?${query}`);
    expect(messages[0]?.redirectSignature?.signedOctets).toBe(query.slice(0, query.indexOf('&Signature=')));
  });

  it('a form body -> form fields', () => {
    const body = `SAMLResponse=${encodeURIComponent(encodePostValue(response))}&RelayState=abc`;
    const { format, entry, messages } = single(body);
    expect(format).toBe('form');
    expect(entry.formFields?.[1]).toEqual(['RelayState', 'abc']);
    expect(messages[0]).toMatchObject({ parameter: 'SAMLResponse', xml: response, relayState: 'abc' });
  });
});

describe('readInput refusals', () => {
  const refused = (text: string) => {
    const r = readInput(text);
    expect(r.entries).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.rule).toBe('input-unrecognised');
    return r;
  };

  it('malformed JSON', () => {
    const r = refused('{"log": {"entries": [ {');
    expect(r.problems[0]?.message).toMatch(/^The input looks like JSON but is not valid JSON \(/);
  });

  it('JSON that is neither HAR nor SAML-tracer', () => {
    expect(refused('{"hello": 1}').problems[0]?.message).toMatch(/neither a HAR file .* nor a SAML-tracer export/);
  });

  it('a SAML Lens trace is read as a trace (an empty one has no entries and says why nothing is there)', () => {
    const r = readInput(JSON.stringify({ format: 'saml-lens-trace', version: 1, createdAt: '2026-01-15T10:00:00Z', entries: [] }));
    expect(r.format).toBe('saml-lens-trace');
    expect(r.entries).toEqual([]);
  });

  it('empty input and prose', () => {
    expect(refused('   \n').problems[0]?.message).toBe('The input is empty.');
    expect(refused('Hello, my login is broken!').problems[0]?.message).toMatch(/^Not a HAR file, .* \(it starts with "Hello, my login is broke"\.\.\.\)\.$/);
  });

  it('never throws, whatever it is given', () => {
    for (const t of ['[1,2', '[]', 'null', '{"log": 5}', '{"requests": "x"}', '\u0000', '<', 'SAMLResponse=', undefined as unknown as string]) {
      expect(() => readInput(t)).not.toThrow();
    }
  });
});

describe('a capture cut off before its end keeps what was written before the cut', () => {
  const value = encodePostValue(response);
  const harEntry = (i: number) => ({
    startedDateTime: `2026-01-15T10:00:0${i}Z`,
    request: { method: 'POST', url: `https://sp.example.test/acs?n=${i}`, headers: [], postData: { mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'SAMLResponse', value }] } },
    response: { status: 200, headers: [], content: { mimeType: 'text/html', text: '<p>ok "quoted" {braces} [brackets]</p>' } },
  });
  const har = JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, entries: [0, 1, 2].map(harEntry) } }, null, 2);

  it('a HAR cut inside its third entry: the first two are read, with a warning saying the rest is lost', () => {
    const cut = har.slice(0, har.lastIndexOf('"SAMLResponse"') + 40);
    const result = readInput(cut);
    expect(result.format).toBe('har');
    expect(result.entries.map((e) => e.url)).toEqual(['https://sp.example.test/acs?n=0', 'https://sp.example.test/acs?n=1']);
    expect(result.problems.map((p) => [p.rule, p.severity])).toEqual([['input-unrecognised', 'warning']]);
    expect(result.problems[0]!.message).toMatch(/not valid JSON after its first 2 complete entries .*cut off/);
  });

  it('a SAML-tracer export cut off the same way', () => {
    const requests = [0, 1].map((i) => ({ method: 'POST', url: `https://sp.example.test/acs?n=${i}`, timestamp: 1768471200000 + i, requestHeaders: [], responseHeaders: [], post: [['SAMLResponse', value]], protocol: 'SAML-P' }));
    const text = JSON.stringify({ requests, timestamp: 1768471200000 });
    const result = readInput(text.slice(0, text.length - 30));
    expect(result.entries).toHaveLength(1);
    expect(result.problems[0]!.severity).toBe('warning');
  });

  it('JSON that is broken from the start is still refused as such', () => {
    expect(readInput('{"log": {"entries": [ {"request": ').problems.map((p) => p.severity)).toEqual(['error']);
  });
});
