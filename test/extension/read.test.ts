// Reading a big capture (issue 9): the panel asks for the SAML entries first and then for the rest, a few hundred
// values a call, so that it can show the answer before Chromium has handed over 5,000 other requests.
import { beforeEach, describe, expect, it, vi } from 'vitest';

// As in settings.test.ts: the fake browser must be installed before webextension-polyfill loads.
const { fakeBrowser } = await vi.hoisted(async () => {
  const m = await import('wxt/testing/fake-browser');
  (globalThis as { chrome?: unknown }).chrome = m.fakeBrowser;
  (globalThis as { browser?: unknown }).browser = m.fakeBrowser;
  return m;
});
const { readEntries, readSamlFirst } = await import('../../lib/extension/store/read');
const { entryKey, unconfirmedKey } = await import('../../lib/extension/store/keys');
const { analyze } = await import('../../lib/core/analyze');
const { OUTCOME_LOOKAHEAD } = await import('../../lib/core/outcome');
const { at, cleanFlow, TRUST } = await import('../core/rules/build');
import type { TraceEntry } from '../../lib/core/model';

type Area = typeof fakeBrowser.storage.session;
const key = (n: number, saml = false) => entryKey({ micros: n, tabId: 1, saml, requestId: String(n), hop: 0 });
const other = (n: number, extra: Partial<TraceEntry> = {}): TraceEntry => ({
  id: `o${n}`, source: 'webrequest', method: 'GET', url: `https://app.example.test/x?n=${n}`, tabId: 1, requestHeaders: [], responseHeaders: [], capturedAt: at(3), ...extra,
});

/** Chromium 130+ lists keys without reading values; the fake browser does not, so it is added here. */
function withGetKeys(area: Area, calls: string[][] = []): void {
  const get = area.get.bind(area);
  Object.assign(area, {
    getKeys: async () => Object.keys(await get(null)),
    get: async (keys: unknown) => {
      if (Array.isArray(keys)) calls.push(keys as string[]);
      return get(keys as null);
    },
  });
}

/** 300 other requests, a sign-in that lands on /home, then 600 more other requests. */
async function busyCapture(): Promise<void> {
  const [request, response] = cleanFlow();
  const items: Record<string, unknown> = {};
  let n = 0;
  for (let i = 0; i < 300; i++, n++) items[key(n)] = other(n);
  items[key(n++, true)] = { ...request!, tabId: 1 };
  items[key(n++, true)] = { ...response!, tabId: 1, responseStatus: 302, redirectUrl: 'https://sp.example.test/home' };
  items[key(n)] = other(n++, { url: 'https://sp.example.test/home', responseStatus: 200, resourceType: 'main_frame' });
  for (let i = 0; i < 600; i++, n++) items[key(n)] = other(n);
  await fakeBrowser.storage.session.set(items);
}

beforeEach(() => {
  fakeBrowser.reset();
  for (const area of [fakeBrowser.storage.session, fakeBrowser.storage.local]) delete (area as { getKeys?: unknown }).getKeys;
});

describe('reading the capture by key', () => {
  it('reads the same entries as one full read, never more than 250 values a call', async () => {
    await busyCapture();
    // A copy in local wins over the session one; an entry written before the settings were known is left out while paused.
    await fakeBrowser.storage.local.set({ [key(5)]: other(5, { url: 'https://app.example.test/kept-locally' }), recording: false });
    await fakeBrowser.storage.session.set({ [unconfirmedKey(key(7))]: 1 });
    const whole = await readEntries();
    const calls: string[][] = [];
    withGetKeys(fakeBrowser.storage.session, calls);
    withGetKeys(fakeBrowser.storage.local, calls);
    const byKey = await readEntries();
    expect(byKey).toEqual(whole);
    expect(byKey).toHaveLength(902);
    expect(byKey.map((e) => e.url)).toContain('https://app.example.test/kept-locally');
    expect(byKey.map((e) => e.id)).not.toContain('o7');
    expect(Math.max(...calls.map((c) => c.length))).toBeLessThanOrEqual(250);
  });

  it('gives the SAML entries and what follows them first, judged as the whole capture judges them', async () => {
    await busyCapture();
    withGetKeys(fakeBrowser.storage.session);
    withGetKeys(fakeBrowser.storage.local);
    const first = (await readSamlFirst())!;
    const all = await readEntries();
    // Nothing before the first SAML message; the window the outcome reads after the last one.
    expect(first).toEqual(all.slice(300, 300 + 2 + OUTCOME_LOOKAHEAD));
    const [quick, whole] = await Promise.all([analyze(first, TRUST), analyze(all, TRUST)]);
    expect(whole.flows.map((f) => f.outcome)).toEqual(['signed-in']);
    expect(quick.flows).toEqual(whole.flows);
    expect(quick.messages).toEqual(whole.messages);
  });

  it('says it cannot where the browser cannot list keys (the panel then reads everything at once)', async () => {
    await busyCapture();
    expect(await readSamlFirst()).toBeUndefined();
    expect(await readEntries()).toHaveLength(903);
  });
});
