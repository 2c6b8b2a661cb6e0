// Response bodies read in the DevTools panel: matched to the entries the background captured (by method, URL
// and time), kept in the panel only, and handed to the UI with the capture.
import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../../lib/core/model';
import { attachBodies, MATCH_WINDOW_MS, type CapturedBody } from '../../lib/extension/bodies/match';
import { collectBodies, wantsBody, type FinishedRequestLike } from '../../lib/extension/bodies/collector';
import { withBodies } from '../../lib/extension/bodies/source';
import type { DataSource } from '../../lib/ui/data-source';

const T = Date.parse('2026-11-23T09:41:03.000Z');
const IDP = 'https://login.microsoftonline.com/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/saml2?SAMLRequest=abc';

function entry(id: string, url: string, atMs: number, extra: Partial<TraceEntry> = {}): TraceEntry {
  return { id, source: 'webrequest', method: 'GET', url, requestHeaders: [], responseHeaders: [], capturedAt: new Date(atMs).toISOString(), ...extra };
}

function body(url: string, atMs: number, text: string, extra: Partial<CapturedBody> = {}): CapturedBody {
  return { method: 'GET', url, startedMs: atMs, body: { text, mimeType: 'text/html' }, ...extra };
}

describe('matching DevTools bodies to captured entries', () => {
  it('attaches a body to the entry with the same method and URL, started within the window', () => {
    const entries = [entry('e1', 'https://sp.example.test/app', T - 500), entry('e2', IDP, T, { responseStatus: 200 })];
    const out = attachBodies(entries, [body(IDP, T + 35, 'AADSTS700016', { status: 200 })]);
    expect(out[1]!.responseBody?.text).toBe('AADSTS700016');
    expect(out[0]!.responseBody).toBeUndefined();
    expect(entries[1]!.responseBody).toBeUndefined(); // the capture itself is not changed
  });

  it('does not attach across methods, outside the time window, to another status or to another tab', () => {
    const e = entry('e2', IDP, T, { responseStatus: 200, tabId: 7 });
    expect(attachBodies([e], [body(IDP, T, 'x', { method: 'POST' })])[0]!.responseBody).toBeUndefined();
    expect(attachBodies([e], [body(IDP, T + MATCH_WINDOW_MS + 1, 'x')])[0]!.responseBody).toBeUndefined();
    expect(attachBodies([e], [body(IDP, T, 'x', { status: 500 })])[0]!.responseBody).toBeUndefined();
    expect(attachBodies([e], [body(IDP, T, 'x')], 8)[0]!.responseBody).toBeUndefined();
    expect(attachBodies([e], [body(IDP, T, 'x')], 7)[0]!.responseBody?.text).toBe('x');
  });

  it('gives the same URL loaded twice the body nearest in time, one body per entry', () => {
    const entries = [entry('a', IDP, T), entry('b', IDP, T + 2000)];
    const out = attachBodies(entries, [body(IDP, T + 1900, 'second'), body(IDP, T + 100, 'first')]);
    expect(out.map((e) => e.responseBody?.text)).toEqual(['first', 'second']);
  });

  it('keeps a body the capture already has (a HAR import)', () => {
    const e = entry('e', IDP, T, { responseBody: { text: 'from the HAR' } });
    expect(attachBodies([e], [body(IDP, T, 'from DevTools')])[0]!.responseBody?.text).toBe('from the HAR');
  });
});

function fakeNetwork() {
  let listener: ((r: FinishedRequestLike) => void) | undefined;
  return {
    network: { onRequestFinished: { addListener: (fn: (r: FinishedRequestLike) => void) => (listener = fn) } },
    finish: (r: FinishedRequestLike) => listener?.(r),
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function finished(url: string, mimeType: string, content: unknown, extra: Partial<FinishedRequestLike> = {}): FinishedRequestLike {
  return {
    request: { method: 'GET', url },
    response: { status: 200, content: { mimeType } },
    startedDateTime: new Date(T).toISOString(),
    getContent: () => Promise.resolve(content),
    ...extra,
  };
}

describe('collecting bodies while the panel is open', () => {
  it('reads pages and errors only, never scripts, images or fonts', () => {
    expect(wantsBody(finished(IDP, 'text/html', ''))).toBe(true);
    expect(wantsBody(finished(IDP, 'application/json', ''))).toBe(true);
    expect(wantsBody(finished(IDP, 'image/png', '', { response: { status: 403, content: { mimeType: 'image/png' } } }))).toBe(true);
    expect(wantsBody(finished('https://x.test/app.js', 'application/javascript', ''))).toBe(false);
    expect(wantsBody(finished('https://x.test/a.png', 'image/png', ''))).toBe(false);
    expect(wantsBody(finished('https://x.test/a.css', 'text/css', ''))).toBe(false);
  });

  it('keeps what getContent gives (string or [content, encoding]), decoded and capped, and says so', async () => {
    const { network, finish } = fakeNetwork();
    const collector = collectBodies(network);
    let changes = 0;
    collector.subscribe(() => (changes += 1));
    let asked = 0;
    finish(finished('https://x.test/app.js', 'application/javascript', 'var x', { getContent: () => ((asked += 1), Promise.resolve('var x')) }));
    finish(finished(IDP, 'text/html', ['PGh0bWw+QUFEU1RTNzAwMDE2PC9odG1sPg==', 'base64']));
    finish(finished('https://x.test/broken', 'text/html', undefined, { getContent: () => Promise.reject(new Error('gone')) }));
    await flush();
    expect(asked).toBe(0);
    expect(collector.bodies().map((b) => b.body.text)).toEqual(['<html>AADSTS700016</html>']);
    expect(changes).toBe(1);
  });
});

describe('the panel data source with bodies', () => {
  it('loads the capture with matched bodies and tells the UI when a new body arrives', async () => {
    const captured: TraceEntry[] = [entry('e2', IDP, T, { responseStatus: 200 })];
    const source: DataSource = {
      load: async () => captured,
      subscribe: () => () => undefined,
      clear: async () => undefined,
      getRecording: async () => true,
      setRecording: async () => undefined,
      getSettings: async () => ({ version: 1, keepAcrossRestart: false, rememberSpKey: false }),
      setSettings: async () => undefined,
      inspectedTabId: 7,
    };
    const { network, finish } = fakeNetwork();
    const panel = withBodies(source, collectBodies(network));
    expect((await panel.load())[0]!.responseBody).toBeUndefined();
    finish(finished(IDP, 'text/html', '<p>AADSTS50011</p>'));
    await flush();
    expect((await panel.load())[0]!.responseBody?.text).toBe('<p>AADSTS50011</p>');
    expect(panel.inspectedTabId).toBe(7);
  });
});
