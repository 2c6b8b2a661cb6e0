import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { extractMessages, DEFAULT_DECODE_LIMITS } from '../../../lib/core/binding';
import { buildAuthnRequest, encodeRedirectQuery, loadTestKey } from '../../../lib/samlgen';
import { b64, deflated, entry, LOGOUT_RESPONSE } from './helpers';

const xml = buildAuthnRequest({});

describe('HTTP-Redirect', () => {
  it('inflates SAMLRequest and reports each step', () => {
    const query = encodeRedirectQuery(xml, { param: 'SAMLRequest', relayState: 'https://sp/after?x=1' });
    const [m, ...rest] = extractMessages(entry({ url: `https://idp.example.test/sso?${query}` }));
    expect(rest).toEqual([]);
    expect(m?.binding).toBe('HTTP-Redirect');
    expect(m?.parameter).toBe('SAMLRequest');
    expect(m?.xml).toBe(xml);
    expect(m?.relayState).toBe('https://sp/after?x=1');
    expect(m?.problems).toEqual([]);
    expect(m?.steps.map((s) => s.name)).toEqual([
      'query parameter SAMLRequest',
      'url-decode',
      'base64',
      'inflate (raw DEFLATE)',
      'utf-8',
    ]);
    expect(m?.steps[3]?.note).toMatch(/^\d+ B -> \d+ B$/);
    expect(m?.redirectSignature).toBeUndefined();
  });

  it('signedOctets are the exact raw octets the samlgen signer signed', () => {
    const query = encodeRedirectQuery(xml, { param: 'SAMLRequest', relayState: 'rs 1/2', key: loadTestKey('sp') });
    const [m] = extractMessages(entry({ url: `https://idp.example.test/sso?${query}` }));
    const signed = query.slice(0, query.indexOf('&Signature='));
    expect(m?.redirectSignature?.signedOctets).toBe(signed);
    expect(m?.redirectSignature?.sigAlg).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    const sigRaw = query.slice(query.indexOf('&Signature=') + '&Signature='.length);
    expect(m?.redirectSignature?.signature).toBe(decodeURIComponent(sigRaw));
  });

  it('builds signedOctets in spec order from the URL as received, without re-encoding', () => {
    // Lower-case escapes and a parameter order that differs from §3.4.4.1: both must survive as sent.
    const value = encodeURIComponent(deflated(xml)).replace(/%2B/g, '%2b');
    const url =
      `https://idp/sso?Signature=abc%2b%2f&SigAlg=http%3a%2f%2fwww.w3.org%2f2000%2f09%2fxmldsig%23rsa-sha1` +
      `&extra=1&RelayState=a%20b&SAMLRequest=${value}#frag`;
    const [m] = extractMessages(entry({ url }));
    expect(m?.xml).toBe(xml);
    expect(m?.redirectSignature).toEqual({
      signedOctets:
        `SAMLRequest=${value}&RelayState=a%20b&SigAlg=http%3a%2f%2fwww.w3.org%2f2000%2f09%2fxmldsig%23rsa-sha1`,
      sigAlg: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
      signature: 'abc+/',
    });
  });

  it('omits RelayState from the signed octets when absent and keeps a Signature without SigAlg visible', () => {
    const value = encodeURIComponent(deflated(xml));
    const [m] = extractMessages(entry({ url: `https://idp/sso?SAMLRequest=${value}&Signature=c2ln` }));
    expect(m?.redirectSignature).toEqual({ signedOctets: `SAMLRequest=${value}`, signature: 'c2ln' });
  });

  it('falls back to plain base64 for a GET SAMLResponse that was not deflated, and says so', () => {
    const [m] = extractMessages(entry({ url: `https://sp/slo?SAMLResponse=${encodeURIComponent(b64(LOGOUT_RESPONSE))}` }));
    expect(m?.xml).toBe(LOGOUT_RESPONSE);
    expect(m?.problems).toEqual([]);
    expect(m?.steps.map((s) => s.name)).toContain('not deflated');
    expect(m?.steps.map((s) => s.name)).not.toContain('inflate (raw DEFLATE)');
  });

  it('reports corrupt DEFLATE data as decode-failed, naming the parameter', () => {
    const bad = Buffer.from(deflateRawSync(Buffer.from(xml)));
    bad[0] = 0xff; // block type 3 (reserved)
    const [m] = extractMessages(entry({ url: `https://idp/sso?SAMLRequest=${encodeURIComponent(bad.toString('base64'))}` }));
    expect(m?.xml).toBeUndefined();
    expect(m?.problems).toHaveLength(1);
    expect(m?.problems[0]).toMatchObject({ rule: 'decode-failed', severity: 'error' });
    expect(m?.problems[0]?.message).toMatch(/^SAMLRequest: inflate failed: DEFLATE data is corrupt/);
  });

  it('reports a DEFLATE stream cut short as truncated', () => {
    const cut = deflateRawSync(Buffer.from(xml + xml)).subarray(0, 40);
    const [m] = extractMessages(entry({ url: `https://idp/sso?SAMLRequest=${encodeURIComponent(b64(cut))}` }));
    expect(m?.problems[0]?.rule).toBe('decode-failed');
    expect(m?.problems[0]?.message).toMatch(/SAMLRequest: inflate failed/);
  });

  it('stops a DEFLATE bomb at the inflate cap, early, with sizes', () => {
    const bomb = deflateRawSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const started = Date.now();
    const [m] = extractMessages(entry({ url: `https://idp/sso?SAMLRequest=${encodeURIComponent(b64(bomb))}` }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(m?.xml).toBeUndefined();
    expect(m?.problems[0]?.rule).toBe('decode-failed');
    // Stopped past 10 MB, long before the 64 MB the stream holds.
    expect(m?.problems[0]?.message).toMatch(/inflating stopped after 1\d\.\d MB .* over the 10\.0 MB limit/);
  });

  it('honours smaller caps given by the caller', () => {
    const query = encodeRedirectQuery(xml, { param: 'SAMLRequest' });
    const [m] = extractMessages(entry({ url: `https://idp/sso?${query}` }), { ...DEFAULT_DECODE_LIMITS, maxInflatedBytes: 100 });
    expect(m?.problems[0]?.message).toMatch(/over the 100 B limit/);
  });

  it('rejects inflated bytes that are not UTF-8', () => {
    const latin1 = Buffer.from('<samlp:AuthnRequest ID="_\xe9"/>', 'latin1');
    const [m] = extractMessages(entry({ url: `https://idp/sso?SAMLRequest=${encodeURIComponent(deflated(latin1))}` }));
    expect(m?.xml).toBeUndefined();
    expect(m?.problems[0]?.rule).toBe('decode-failed');
    expect(m?.problems[0]?.message).toBe('SAMLRequest: the bytes are not UTF-8 text (invalid sequence at byte 25).');
  });
});

describe('HTTP-Redirect parameters repeated or re-cased', () => {
  const signed = encodeRedirectQuery(xml, { param: 'SAMLRequest', relayState: 'home', key: loadTestKey('sp') });
  const other = encodeRedirectQuery(buildAuthnRequest({ id: '_other' }), { param: 'SAMLRequest' });
  const read = (query: string) => extractMessages(entry({ url: `https://idp.example.test/sso?${query}` }));
  const duplicates = (query: string) => read(query).map((m) => m.problems.filter((p) => p.rule === 'redirect-parameter-duplicate'));

  it('leaves a query that sends each parameter once alone, whatever other parameters it has', () => {
    const [m] = read(`${signed}&extra=1&Extra=2`);
    expect(m?.problems).toEqual([]);
    expect(m?.redirectSignature?.refused).toBeUndefined();
  });

  for (const [name, query, says] of [
    ['a RelayState appended after the signed ones', `${signed}&RelayState=elsewhere`, /RelayState 2 times/],
    ['a RelayState before the signed ones', `RelayState=elsewhere&${signed}`, /RelayState 2 times/],
    ['a second SigAlg', `${signed}&SigAlg=${encodeURIComponent('http://www.w3.org/2000/09/xmldsig#rsa-sha1')}`, /SigAlg 2 times/],
    ['a second Signature before the first', `Signature=AAAA&${signed}`, /Signature 2 times/],
    ['a re-cased RelayState', `${signed}&relaystate=elsewhere`, /RelayState 2 times \(RelayState, relaystate\).*"relaystate", which differs from RelayState only by case/],
  ] as const) {
    it(`refuses the signature, with an error, for ${name}`, () => {
      const [m, ...rest] = read(query);
      expect(rest).toEqual([]);
      expect(m?.problems.map((p) => [p.rule, p.severity])).toEqual([['redirect-parameter-duplicate', 'error']]);
      expect(m?.problems[0]?.message).toMatch(says);
      expect(m?.problems[0]?.message).toMatch(/the query signature is not counted/);
      expect(m?.redirectSignature?.refused).toMatch(/^refused: the query /);
    });
  }

  it("reads a message behind a ';' in another parameter (old Python and Django parsers split there) and refuses the signature", () => {
    const ms = read(`${signed}&utm=1;${other}`);
    expect(ms.map((m) => m.xml?.includes('ID="_other"'))).toEqual([false, true]);
    expect(ms[0]?.problems.map((p) => p.rule)).toEqual(['redirect-parameter-duplicate']);
    expect(ms[0]?.problems[0]?.message).toMatch(/"SAMLRequest" behind a ';' in utm/);
    expect(ms[0]?.redirectSignature?.refused).toMatch(/^refused: /);
    // A ';' that only separates other parameters changes nothing.
    expect(read(`${signed}&a=1;b=2`)[0]?.problems).toEqual([]);
  });

  it('keeps the first RelayState for display and never takes the appended one silently', () => {
    const [m] = read(`${signed}&RelayState=elsewhere`);
    expect(m?.relayState).toBe('home');
    expect(m?.problems[0]?.rule).toBe('redirect-parameter-duplicate');
  });

  it('decodes every copy of the message, each carrying the finding, SAMLRequest and SAMLResponse alike', () => {
    for (const query of [`${signed}&${other}`, `${other}&${signed}`, `${signed}&${other.replace('SAMLRequest=', 'SAMLResponse=')}`]) {
      const ms = read(query);
      expect(ms.map((m) => m.xml === undefined)).toEqual([false, false]);
      expect(duplicates(query).map((d) => d.length)).toEqual([1, 1]);
      expect(duplicates(query)[0]?.[0]?.message).toMatch(/SAML message 2 times|SAMLRequest 2 times/);
    }
  });

  it('reads a message parameter that differs only by case (some SPs read it), and says so even alone', () => {
    const withSigned = read(`${signed}&${other.replace('SAMLRequest=', 'samlrequest=')}`);
    expect(withSigned.map((m) => m.parameter)).toEqual(['SAMLRequest', 'samlrequest']);
    expect(withSigned[1]?.xml).toContain('ID="_other"');
    expect(withSigned[0]?.problems[0]?.message).toMatch(/SAML message 2 times \(SAMLRequest, samlrequest\)/);
    const [alone] = read(other.replace('SAMLRequest=', 'samlRequest='));
    expect(alone?.parameter).toBe('samlRequest');
    expect(alone?.problems.map((p) => p.message)).toEqual([expect.stringMatching(/"samlRequest", which differs from SAMLRequest only by case/)]);
    // Unsigned: nothing to refuse, and the message does not claim a signature.
    expect(alone?.redirectSignature).toBeUndefined();
    expect(alone?.problems[0]?.message).not.toMatch(/signature/);
  });
});

