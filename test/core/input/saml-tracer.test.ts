import { describe, expect, it } from 'vitest';
import { extractMessages } from '../../../lib/core/binding';
import { fromSamlTracerRequest, readInput } from '../../../lib/core/input';
import { buildAuthnRequest, buildResponse, encodePostValue, encodeRedirectQuery } from '../../../lib/samlgen';

const response = buildResponse({});
const request = buildAuthnRequest({});
const redirectUrl = `https://idp.example.test/sso?${encodeRedirectQuery(request, { param: 'SAMLRequest', relayState: 'r' })}`;

const current = {
  requests: [
    {
      method: 'GET',
      url: redirectUrl,
      requestId: '1201',
      requestHeaders: [{ name: 'Host', value: 'idp.example.test' }],
      get: [['SAMLRequest', '...'], ['RelayState', 'r']],
      protocol: 'SAML-P',
      saml: request,
      responseStatus: 200,
      responseStatusText: 'HTTP/1.1 200 OK',
      responseHeaders: [{ name: 'Content-Type', value: 'text/html' }],
    },
    { method: 'GET', url: 'https://idp.example.test/logo.png', requestId: '1202', requestHeaders: [], responseHeaders: [] },
    {
      method: 'POST',
      url: 'https://sp.example.test/acs',
      requestId: '1203',
      requestHeaders: [],
      post: [['SAMLResponse', encodePostValue(response)], ['RelayState', 'r']],
      postData: { SAMLResponse: [encodePostValue(response)], RelayState: ['r'] },
      protocol: 'SAML-P',
      saml: response,
      responseStatus: 302,
      responseStatusText: 'HTTP/1.1 302 Found',
      responseHeaders: [{ name: 'Location', value: 'https://sp.example.test/app' }],
    },
  ],
  timestamp: '2026-01-15T10:05:00.000Z',
};

describe('SAML-tracer exports', () => {
  it('reads the current format, keeps every request, dates them with the export time', () => {
    const { format, entries, problems, counts } = readInput(JSON.stringify(current));
    expect(format).toBe('saml-tracer');
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.url)).toEqual([redirectUrl, 'https://idp.example.test/logo.png', 'https://sp.example.test/acs']);
    expect(counts).toEqual({ read: 3, kept: 3, saml: 2 });
    expect(entries.every((e) => e.source === 'saml-tracer' && e.capturedAt === '2026-01-15T10:05:00.000Z')).toBe(true);
    const [get, , post] = entries;
    expect(get?.requestHeaders).toEqual([{ name: 'Host', value: 'idp.example.test' }]);
    expect(post).toMatchObject({ responseStatus: 302, responseStatusText: 'Found', redirectUrl: 'https://sp.example.test/app' });
    expect(post?.masked).toBeUndefined();
    // Decoded from the parameters (byte-exact), not from the tool's stored XML.
    expect(extractMessages(get!)[0]).toMatchObject({ binding: 'HTTP-Redirect', xml: request });
    expect(extractMessages(post!)[0]?.steps.map((s) => s.name)).toEqual(['form field SAMLResponse', 'base64', 'utf-8']);
  });

  it('reads the pre-1.0 format: id instead of requestId, headers as [name, value]', () => {
    const legacy = {
      method: 'POST',
      url: 'https://sp.example.test/acs',
      id: 'old-7',
      requestHeaders: [['Content-Type', 'application/x-www-form-urlencoded']],
      responseHeaders: [['Server', 'x']],
      post: [['SAMLResponse', encodePostValue(response)]],
    };
    const e = fromSamlTracerRequest(legacy, 4, '2020-03-01T00:00:00Z');
    expect(e?.requestHeaders).toEqual([{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }]);
    expect(e?.responseHeaders).toEqual([{ name: 'Server', value: 'x' }]);
    expect(e?.capturedAt).toBe('2020-03-01T00:00:00.000Z');
    expect(extractMessages(e!)[0]?.xml).toBe(response);
  });

  it('marks masked exports and takes the XML from `saml`', () => {
    const masked = {
      method: 'POST',
      url: 'https://sp.example.test/acs',
      requestId: '9',
      requestHeaders: [],
      post: [['SAMLResponse', '{hash:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae}']],
      postData: '{overwritten}',
      saml: response,
    };
    const { entries } = readInput(JSON.stringify({ requests: [masked], timestamp: '2026-01-15T10:05:00Z' }));
    expect(entries[0]).toMatchObject({ masked: true, savedXml: response });
    const [m] = extractMessages(entries[0]!);
    expect(m?.xml).toBe(response);
    expect(m?.steps.at(-1)?.name).toBe('saved XML');
  });

  it('takes postData when there is no post array', () => {
    const e = fromSamlTracerRequest(
      { method: 'POST', url: 'https://sp/acs', requestId: '1', postData: { SAMLResponse: [encodePostValue(response)] } },
      0,
    );
    expect(e?.formFields).toEqual([['SAMLResponse', encodePostValue(response)]]);
    expect(e?.capturedAt).toBeUndefined();
  });

  it('skips and reports a request without URL, keeping the rest', () => {
    const { entries, problems } = readInput(JSON.stringify({ ...current, requests: [{ method: 'GET' }, ...current.requests] }));
    expect(entries).toHaveLength(3);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toBe('SAML-tracer request 0 has no URL; skipped.');
  });
});
