import { describe, expect, it } from 'vitest';
import { extractMessages } from '../../../lib/core/binding';
import { fromWebRequest, type WebRequestDetails } from '../../../lib/core/input';
import { buildResponse, encodePostValue } from '../../../lib/samlgen';

const xml = buildResponse({});
const base: WebRequestDetails = {
  requestId: '4711',
  url: 'https://sp.example.test/acs',
  method: 'post',
  tabId: 7,
  timeStamp: Date.UTC(2026, 0, 15, 10, 0, 5, 250),
};

describe('fromWebRequest', () => {
  it('keeps the capture facts: method, URL, tab, time, status, redirect, headers', () => {
    const e = fromWebRequest({
      ...base,
      requestHeaders: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }, { name: 'X-Bin' }],
      statusCode: 302,
      statusLine: 'HTTP/1.1 302 Found',
      responseHeaders: [{ name: 'Location', value: 'https://sp.example.test/app' }],
      redirectUrl: 'https://sp.example.test/app',
    });
    expect(e).toMatchObject({
      source: 'webrequest',
      method: 'POST',
      url: 'https://sp.example.test/acs',
      tabId: 7,
      capturedAt: '2026-01-15T10:00:05.250Z',
      responseStatus: 302,
      responseStatusText: 'Found',
      redirectUrl: 'https://sp.example.test/app',
    });
    expect(e.requestHeaders).toEqual([
      { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
      { name: 'X-Bin', value: '' },
    ]);
  });

  it('gives each redirect hop of one requestId its own entry id', () => {
    const a = fromWebRequest(base);
    const b = fromWebRequest({ ...base, timeStamp: base.timeStamp + 40 });
    expect(a.id).not.toBe(b.id);
  });

  it('uses formData as given', () => {
    const e = fromWebRequest({ ...base, requestBody: { formData: { SAMLResponse: [encodePostValue(xml)], RelayState: ['r'] } } });
    expect(e.formFields).toEqual([
      ['SAMLResponse', encodePostValue(xml)],
      ['RelayState', 'r'],
    ]);
    expect(extractMessages(e)[0]?.xml).toBe(xml);
  });

  it('parses raw url-encoded bytes into form fields when formData is missing (large posts)', () => {
    const body = `SAMLResponse=${encodeURIComponent(encodePostValue(xml))}&RelayState=a%20b`;
    const bytes = new TextEncoder().encode(body);
    const half = bytes.length >> 1;
    const e = fromWebRequest({
      ...base,
      requestBody: { raw: [{ bytes: bytes.slice(0, half).buffer }, { bytes: bytes.slice(half) }] },
    });
    expect(e.formFields).toEqual([
      ['SAMLResponse', encodePostValue(xml)],
      ['RelayState', 'a b'],
    ]);
    expect(e.body).toBeUndefined();
  });

  it('keeps a raw non-form body (SOAP) as text', () => {
    const soap = '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body/></soap:Envelope>';
    const e = fromWebRequest({
      ...base,
      requestHeaders: [{ name: 'content-type', value: 'text/xml; charset=utf-8' }],
      requestBody: { raw: [{ bytes: new TextEncoder().encode(soap) }] },
    });
    expect(e.body).toBe(soap);
    expect(e.formFields).toBeUndefined();
  });
});
