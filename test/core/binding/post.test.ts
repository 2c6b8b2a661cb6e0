import { describe, expect, it } from 'vitest';
import { extractMessages } from '../../../lib/core/binding';
import { buildResponse, encodePostValue } from '../../../lib/samlgen';
import { b64, deflated, entry } from './helpers';

const xml = buildResponse({ attributes: [{ name: 'email', values: ['ana@example.com'] }] });
const value = encodePostValue(xml);
const post = (fields: Array<[string, string]>, url = 'https://sp.example.test/acs') =>
  extractMessages(entry({ method: 'POST', url, formFields: fields }));

describe('HTTP-POST', () => {
  it('decodes SAMLResponse and carries RelayState', () => {
    const [m, ...rest] = post([['SAMLResponse', value], ['RelayState', 'token-1']]);
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ entryId: 'e1', binding: 'HTTP-POST', parameter: 'SAMLResponse', relayState: 'token-1', xml });
    expect(m?.problems).toEqual([]);
    expect(m?.steps.map((s) => s.name)).toEqual(['form field SAMLResponse', 'base64', 'utf-8']);
  });

  it('decodes a POSTed SAMLRequest too', () => {
    const req = '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r" Version="2.0"/>';
    const [m] = post([['SAMLRequest', b64(req)]], 'https://idp/sso');
    expect(m).toMatchObject({ parameter: 'SAMLRequest', xml: req });
  });

  it('inflates a POST value that was deflated and notes that it is unusual', () => {
    const [m] = post([['SAMLResponse', deflated(xml)]]);
    expect(m?.xml).toBe(xml);
    expect(m?.steps.find((s) => s.name === 'inflate (raw DEFLATE)')?.note).toMatch(/which this binding does not do/);
  });

  it('keeps the UTF-8 text exactly, non-ASCII included', () => {
    const withAccents = buildResponse({ attributes: [{ name: 'name', values: ['Zoë Ångström 東京'] }] });
    const [m] = post([['SAMLResponse', b64(withAccents)]]);
    expect(m?.xml).toBe(withAccents);
  });
});

describe('lenient base64', () => {
  const lenient = (v: string) => {
    const [m] = post([['SAMLResponse', v]]);
    return { xml: m?.xml, problems: m?.problems ?? [], steps: m?.steps ?? [] };
  };

  it.each([
    ['line-wrapped at 76 with CRLF and indentation', value.replace(/(.{76})/g, '$1\r\n    '), /line breaks removed/],
    ['base64url alphabet', value.replace(/\+/g, '-').replace(/\//g, '_'), /base64url alphabet/],
    ['missing padding', value.replace(/=+$/, ''), /missing padding added/],
    ["'+' turned into spaces", value.replace(/\+/g, ' '), /spaces read as '\+'/],
    ['still percent-encoded', encodeURIComponent(value), /percent-escapes decoded/],
  ])('%s: decodes the same XML and reports an info base64-lenient problem', (_name, input, repair) => {
    expect(input).not.toBe(value);
    const r = lenient(input);
    expect(r.xml).toBe(xml);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ rule: 'base64-lenient', severity: 'info' });
    expect(r.problems[0]?.message).toMatch(repair);
    expect(r.steps.find((s) => s.name === 'base64 (lenient)')?.note).toMatch(repair);
  });

  it('the sample value exercises padding and the + and / characters', () => {
    expect(value.endsWith('=')).toBe(true);
    expect(value).toMatch(/[+/]/);
  });
});

describe('corrupt POST values', () => {
  const failure = (v: string) => {
    const [m] = post([['SAMLResponse', v]]);
    expect(m?.xml).toBeUndefined();
    expect(m?.problems).toHaveLength(1);
    expect(m?.problems[0]).toMatchObject({ rule: 'decode-failed', severity: 'error' });
    return m?.problems[0]?.message ?? '';
  };

  it('truncated base64 (one stray character)', () => {
    const cut = value.replace(/=+$/, '');
    const stray = cut.slice(0, cut.length - (cut.length % 4) + 1);
    expect(failure(stray)).toMatch(/^SAMLResponse: not valid base64: .*one stray character.*truncated/);
  });

  it('a character base64 never has, with its position', () => {
    expect(failure(`${value.slice(0, 10)}!${value.slice(11)}`)).toBe(
      "SAMLResponse: not valid base64: character '!' at position 10 is not base64.",
    );
  });

  it("'=' in the middle", () => {
    expect(failure(`QUJD=${value}`)).toMatch(/'=' at position 4 inside the value/);
  });

  it('base64 of bytes that are neither XML nor DEFLATE', () => {
    expect(failure(b64('hello, this is not SAML at all'))).toMatch(/neither XML nor DEFLATE data/);
  });

  it('XML that is not UTF-8', () => {
    expect(failure(b64(Buffer.from('<Response>caf\xe9</Response>', 'latin1')))).toMatch(/not UTF-8 text \(invalid sequence at byte 13\)/);
  });

  it('UTF-16 XML is named as such', () => {
    expect(failure(b64(Buffer.from('\ufeff<Response/>', 'utf16le')))).toMatch(/UTF-16/);
  });

  it('an empty value', () => {
    expect(failure('')).toBe('SAMLResponse: the value is empty.');
  });

  it('a 50 MB value is refused before decoding, with sizes', () => {
    const huge = 'A'.repeat(50_000_000);
    const started = Date.now();
    expect(failure(huge)).toBe(
      'SAMLResponse: the value is 50,000,000 characters, over the 20,000,000-character limit; not decoded.',
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('several messages in one entry', () => {
  it('a broken query message does not hide the form message, and vice versa', () => {
    const messages = extractMessages(
      entry({
        method: 'POST',
        url: 'https://sp/acs?SAMLRequest=%%%not-base64',
        formFields: [
          ['SAMLResponse', '****'],
          ['SAMLResponse', value],
        ],
      }),
    );
    expect(messages.map((m) => [m.binding, m.parameter, m.xml !== undefined])).toEqual([
      ['HTTP-Redirect', 'SAMLRequest', false],
      ['HTTP-POST', 'SAMLResponse', false],
      ['HTTP-POST', 'SAMLResponse', true],
    ]);
    expect(messages[0]?.problems[0]?.rule).toBe('decode-failed');
    expect(messages[1]?.problems[0]?.rule).toBe('decode-failed');
    expect(messages[2]?.xml).toBe(xml);
  });

  it('never throws on entries with missing or odd fields', () => {
    const odd = { id: 'x', source: 'har', method: 'POST' } as unknown as Parameters<typeof extractMessages>[0];
    expect(extractMessages(odd)).toEqual([]);
    const weird = entry({ url: 'https://a/?SAMLRequest', formFields: [['SAMLResponse', '\u0000\uffff']] });
    const out = extractMessages(weird);
    expect(out).toHaveLength(2);
    expect(out.every((m) => m.problems.some((p) => p.rule === 'decode-failed'))).toBe(true);
  });
});

describe('HTTP-POST message fields some receivers read differently', () => {
  const forged = encodePostValue(buildResponse({ nameId: { value: 'admin@example.test' } }));
  const ambiguous = (ms: ReturnType<typeof post>) => ms.map((m) => m.problems.filter((p) => p.rule === 'post-field-duplicate').map((p) => p.severity));

  it.each([
    ['a leading space (PHP drops it)', ' SAMLResponse'],
    ['a NUL byte (PHP ends the name there)', 'SAMLResponse\u0000'],
    ['array brackets (PHP reads name[] as name)', 'SAMLResponse[]'],
    ['another case (ASP.NET matches without case)', 'samlresponse'],
  ])('%s: both copies are judged, each with an error naming the look-alike', (_why, name) => {
    const ms = post([['SAMLResponse', value], [name, forged]]);
    expect(ms.map((m) => m.parameter)).toEqual(['SAMLResponse', 'SAMLResponse']);
    expect(ms.map((m) => m.xml?.includes('admin@example.test'))).toEqual([false, true]);
    expect(ambiguous(ms)).toEqual([['error'], ['error']]);
    expect(ms[1]!.problems.find((p) => p.rule === 'post-field-duplicate')!.message).toContain(JSON.stringify(name));
  });

  it("a copy behind a ';' in another field (old Python and Django parsers split there) is judged, with an error on both", () => {
    const ms = post([['SAMLResponse', value], ['utm', `1;SAMLResponse=${forged}`]]);
    expect(ms.map((m) => m.xml?.includes('admin@example.test'))).toEqual([false, true]);
    expect(ms[1]!.problems.filter((p) => p.rule === 'base64-lenient')).toEqual([]);
    expect(ambiguous(ms)).toEqual([['error'], ['error']]);
    expect(ms[0]!.problems.find((p) => p.rule === 'post-field-duplicate')!.message).toContain('utm=...;SAMLResponse');
    // A ';' in a RelayState URL (a path parameter) is not a field.
    expect(ambiguous(post([['SAMLResponse', value], ['RelayState', 'https://sp.example.test/app;jsessionid=A1B2']]))).toEqual([[]]);
  });

  it('two SAMLResponse fields with different values are an error on both', () => {
    expect(ambiguous(post([['SAMLResponse', value], ['SAMLResponse', forged]]))).toEqual([['error'], ['error']]);
  });

  it('the same value posted twice under the exact name says nothing (nothing to disagree about)', () => {
    expect(ambiguous(post([['SAMLResponse', value], ['SAMLResponse', value]]))).toEqual([[], []]);
  });

  it('names that only contain the word are not message fields', () => {
    expect(post([['SAMLResponse', value], ['MySAMLResponse', forged], ['SAML_Response', forged]]).map((m) => m.problems)).toEqual([[]]);
  });
});
