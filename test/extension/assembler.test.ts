import { describe, expect, it } from 'vitest';
import { Assembler } from '../../lib/extension/capture/assembler';
import type { Hop } from '../../lib/extension/capture/hop';
import { MAX_BODY_BYTES } from '../../lib/extension/capture/hop';

function record(accept?: (d: { url: string }) => boolean) {
  const started: Hop[] = [];
  const finished: Hop[] = [];
  const orphans: Array<{ requestId: string; patch: Partial<Hop>; final: boolean }> = [];
  const a = new Assembler(
    {
      started: (h) => started.push({ ...h }),
      finished: (h) => finished.push({ ...h }),
      orphan: (requestId, patch, final) => orphans.push({ requestId, patch, final }),
    },
    accept,
  );
  return { a, started, finished, orphans };
}

const SP = 'http://127.0.0.1:7001/login';
const IDP = 'http://127.0.0.1:7002/sso?SAMLRequest=abc&RelayState=%2Fapp';

describe('Assembler', () => {
  it('splits a redirect chain into one hop per URL, keeping the Location and the final status', () => {
    const { a, started, finished } = record();
    a.beforeRequest({ requestId: '7', method: 'get', url: SP, tabId: 3, timeStamp: 1000 });
    a.sendHeaders({ requestId: '7', url: SP, requestHeaders: [{ name: 'Cookie', value: 'sid=1' }] });
    a.headersReceived({ requestId: '7', url: SP, statusCode: 302, statusLine: 'HTTP/1.1 302 Found', responseHeaders: [{ name: 'Location', value: IDP }] });
    a.beforeRedirect({ requestId: '7', url: SP, statusCode: 302, redirectUrl: IDP });
    a.beforeRequest({ requestId: '7', method: 'GET', url: IDP, tabId: 3, timeStamp: 1010 });
    a.completed({ requestId: '7', url: IDP, statusCode: 200, statusLine: 'HTTP/1.1 200 OK' });

    expect(started.map((h) => [h.hop, h.url])).toEqual([[0, SP], [1, IDP]]);
    expect(finished).toHaveLength(2);
    expect(finished[0]).toMatchObject({ hop: 0, method: 'GET', statusCode: 302, redirectUrl: IDP, tabId: 3 });
    expect(finished[0]?.requestHeaders).toEqual([{ name: 'Cookie', value: 'sid=1' }]);
    expect(finished[1]).toMatchObject({ hop: 1, url: IDP, statusCode: 200, timeStamp: 1010 });
    expect(a.pending()).toHaveLength(0);
  });

  it('keeps form fields and cuts raw bodies at the limit', () => {
    const { a, finished } = record();
    a.beforeRequest({
      requestId: '1', method: 'POST', url: 'http://sp/acs', tabId: 1, timeStamp: 1,
      requestBody: { formData: { SAMLResponse: ['PHNhbWw+'], RelayState: ['/app'] } },
    });
    a.completed({ requestId: '1', url: 'http://sp/acs', statusCode: 200 });
    expect(finished[0]?.formData).toEqual({ SAMLResponse: ['PHNhbWw+'], RelayState: ['/app'] });

    const big = new Uint8Array(MAX_BODY_BYTES + 10).fill(65);
    a.beforeRequest({ requestId: '2', method: 'POST', url: 'http://idp/soap', tabId: 1, timeStamp: 2, requestBody: { raw: [{ bytes: big.buffer }] } });
    a.errorOccurred({ requestId: '2', url: 'http://idp/soap', error: 'net::ERR_ABORTED' });
    expect(finished[1]?.rawBytes?.byteLength).toBe(MAX_BODY_BYTES);
    expect(finished[1]?.error).toBe('net::ERR_ABORTED');
  });

  it('reports late events of a request it never saw start (the worker restarted), and ignores refused ones', () => {
    const { a, finished, orphans } = record((d) => !d.url.includes('skip'));
    a.headersReceived({ requestId: '9', url: IDP, statusCode: 200 });
    a.completed({ requestId: '9', url: IDP, statusCode: 200 });
    expect(orphans.map((o) => [o.requestId, o.final])).toEqual([['9', false], ['9', true]]);

    a.beforeRequest({ requestId: '10', method: 'GET', url: 'http://x/skip', tabId: 1, timeStamp: 1 });
    a.completed({ requestId: '10', url: 'http://x/skip', statusCode: 200 });
    expect(orphans).toHaveLength(2);
    expect(finished).toHaveLength(0);
  });

  it('gives an orphan event its method, tab, type and time (to rebuild a Redirect message whose start was missed), but never overwrites a known hop\'s start time', () => {
    const { a, finished, orphans } = record();
    a.sendHeaders({ requestId: '21', url: IDP, method: 'GET', tabId: 5, type: 'sub_frame', timeStamp: 2000, requestHeaders: [] });
    a.completed({ requestId: '21', url: IDP, method: 'GET', tabId: 5, type: 'sub_frame', timeStamp: 2050, statusCode: 200 });
    expect(orphans.map((o) => o.patch)).toEqual([
      { method: 'GET', tabId: 5, type: 'sub_frame', timeStamp: 2000, url: IDP, requestHeaders: [] },
      { method: 'GET', tabId: 5, type: 'sub_frame', timeStamp: 2050, url: IDP, statusCode: 200 },
    ]);
    expect(orphans.map((o) => o.final)).toEqual([false, true]);

    a.beforeRequest({ requestId: '22', method: 'GET', url: IDP, tabId: 5, timeStamp: 3000 });
    a.completed({ requestId: '22', url: IDP, method: 'GET', tabId: 5, timeStamp: 3090, statusCode: 200 });
    expect(finished.at(-1)).toMatchObject({ timeStamp: 3000, statusCode: 200 });
  });
});

