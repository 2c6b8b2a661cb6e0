import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// As in store.test.ts: the fake browser must be installed before webextension-polyfill loads.
const { fakeBrowser } = await vi.hoisted(async () => {
  const m = await import('wxt/testing/fake-browser');
  (globalThis as { chrome?: unknown }).chrome = m.fakeBrowser;
  (globalThis as { browser?: unknown }).browser = m.fakeBrowser;
  return m;
});
const { PageIntake } = await import('../../lib/extension/page-capture/intake');
const { fromWebRequest } = await import('../../lib/core/input');
import type { TraceEntry } from '../../lib/core/model';

const ACS = 'https://sp.example.test/acs';
const post = (value: string, at = Date.now() - 2000) => ({ url: ACS, method: 'POST', fields: [['SAMLResponse', value], ['RelayState', 'r']], at });
const network = (value: string) => fromWebRequest({ requestId: '5', url: ACS, method: 'POST', tabId: 2, timeStamp: Date.now(), requestBody: { formData: { SAMLResponse: [value] } } });

function intake(opts: { recording?: boolean; keep?: boolean } = {}) {
  const stored = new Map<string, TraceEntry>();
  const removed: string[] = [];
  const pages = new PageIntake({
    recording: () => opts.recording ?? true,
    keepAcrossRestart: () => opts.keep ?? false,
    store: async (key, entry) => stored.set(key, entry),
    remove: (key) => removed.push(key),
  });
  return { pages, stored, removed };
}

const waiting = async () => Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith('p:'));

beforeEach(() => {
  fakeBrowser.reset();
  // The worker started half a minute ago (this browser session's first): the records below are of this session.
  vi.spyOn(performance, 'timeOrigin', 'get').mockReturnValue(Date.now() - 30_000);
});
afterEach(() => vi.restoreAllMocks());

describe('messages seen in a page (issue 15: the path a worker stop cannot break)', () => {
  it('become an entry when webRequest missed them, and leave storage.local', async () => {
    await fakeBrowser.storage.local.set({ 'p:1:a': post('AAA') });
    const { pages, stored } = intake();
    await pages.start();
    await pages.flush();
    expect([...stored.values()].map((e) => [e.id, e.url, e.formFields?.[0]])).toEqual([['pg-1-a', ACS, ['SAMLResponse', 'AAA']]]);
    expect(await waiting()).toEqual([]);
  });

  it('are dropped when webRequest caught the same message first, and replaced when it catches it later: one entry either way', async () => {
    await fakeBrowser.storage.local.set({ 'p:1:a': post('AAA'), 'p:1:b': post('BBB') });
    const { pages, stored, removed } = intake();
    pages.noteWebRequest(network('AAA'));
    await pages.start();
    await pages.flush();
    expect([...stored.values()].map((e) => e.formFields?.[0]?.[1])).toEqual(['BBB']);
    pages.noteWebRequest(network('BBB'));
    expect(removed).toEqual([...stored.keys()]);
    expect(await waiting()).toEqual([]);
  });

  it('are not kept while recording is paused, nor when invalid', async () => {
    await fakeBrowser.storage.local.set({ 'p:1:a': post('AAA'), 'p:1:b': { url: 3 } });
    const { pages, stored } = intake({ recording: false });
    await pages.start();
    await pages.flush();
    expect(stored.size).toBe(0);
    expect(await waiting()).toEqual([]);
  });

  it('left over from before a browser restart are dropped unless captures are kept across restarts', async () => {
    const old = post('OLD', Date.now() - 60_000);
    await fakeBrowser.storage.local.set({ 'p:1:a': old });
    const off = intake({ keep: false });
    await off.pages.start();
    await off.pages.flush();
    expect(off.stored.size).toBe(0);

    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ 'p:1:a': old });
    const on = intake({ keep: true });
    await on.pages.start();
    await on.pages.flush();
    expect(on.stored.size).toBe(1);
  });

  it('left by a browser quit and started again within seconds are dropped too (Firefox restarts that fast)', async () => {
    vi.spyOn(performance, 'timeOrigin', 'get').mockReturnValue(Date.now());
    await fakeBrowser.storage.local.set({ 'p:1:a': post('QUICK', Date.now() - 3000), 'p:1:b': post('NEW', Date.now()) });
    const { pages, stored } = intake({ keep: false });
    await pages.start();
    await pages.flush();
    expect([...stored.values()].map((e) => e.formFields?.[0]?.[1])).toEqual(['NEW']);
  });
});
