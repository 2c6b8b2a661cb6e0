import { beforeEach, describe, expect, it, vi } from 'vitest';

// As in settings.test.ts: the fake browser must be installed before webextension-polyfill loads.
const { fakeBrowser } = await vi.hoisted(async () => {
  const m = await import('wxt/testing/fake-browser');
  (globalThis as { chrome?: unknown }).chrome = m.fakeBrowser;
  (globalThis as { browser?: unknown }).browser = m.fakeBrowser;
  return m;
});
const { readStoredDrops, moveEntries, clearEntries, settleUnconfirmed, EntryWriter } = await import('../../lib/extension/store/entries');
const { readEntries } = await import('../../lib/extension/store/read');
const { entryKey, unconfirmedKey } = await import('../../lib/extension/store/keys');
const { DROPS_KEY } = await import('../../lib/extension/store/drops');
const { describeDrops } = await import('../../lib/ui/state/drops');

const entry = (url: string, extra: object = {}) => ({ id: url, source: 'webrequest' as const, method: 'GET', url, requestHeaders: [], responseHeaders: [], ...extra });
const k = (t: number, saml = true) => entryKey({ micros: t, tabId: 1, saml, requestId: String(t), hop: 0 });

// Tests below replace storage.session.set to watch or fail it; each starts from the real one.
const realSet = fakeBrowser.storage.session.set;
beforeEach(() => {
  fakeBrowser.storage.session.set = realSet;
  fakeBrowser.reset();
});

describe('capture storage (issue 15)', () => {
  it('sends a SAML entry to storage within the call, before any timer or await', async () => {
    const calls: string[] = [];
    const set = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    fakeBrowser.storage.session.set = (items: Record<string, unknown>) => {
      calls.push(...Object.keys(items));
      return set(items);
    };
    const writer = new EntryWriter(async () => 'session', () => [], () => undefined);
    void writer.now('session', { [k(1)]: entry('http://x/?SAMLRequest=a') });
    expect(calls).toEqual([k(1)]);
    await writer.flush();
    expect((await readEntries()).map((e) => e.url)).toEqual(['http://x/?SAMLRequest=a']);
  });

  it('counts what the quota made it drop, SAML messages included, and the panel says so', async () => {
    fakeBrowser.storage.session.set = async () => {
      throw new Error('Session storage quota bytes exceeded');
    };
    const drops: object[] = [];
    const writer = new EntryWriter(async () => 'session', () => [k(5, false), k(6, false)], () => undefined, 0, (d) => drops.push(d));
    expect(await writer.now('session', { [k(7)]: entry('http://x/?SAMLResponse=b') })).toBe(false);
    expect(drops).toContainEqual({ quota: 2 });
    expect(drops).toContainEqual({ saml: 1 });
    expect(describeDrops({ window: 3, quota: 2, saml: 1 })).toBe(
      "Dropped: 1 SAML message could not be stored because the browser's storage quota is full (export what you need, then Clear); " +
        '2 older non-SAML requests removed to make room when the storage quota was reached; 3 older non-SAML requests dropped by the capture window.',
    );
    expect(describeDrops({ window: 0, quota: 0, saml: 0 })).toBeUndefined();
  });

  it('sums the drop counts of both areas, and Clear resets them', async () => {
    await fakeBrowser.storage.session.set({ [DROPS_KEY]: { window: 4, quota: 0, saml: 0 } });
    await fakeBrowser.storage.local.set({ [DROPS_KEY]: { window: 1, quota: 2, saml: 'x' } });
    expect(await readStoredDrops()).toEqual({ window: 5, quota: 2, saml: 0 });
    await clearEntries();
    expect(await readStoredDrops()).toEqual({ window: 0, quota: 0, saml: 0 });
  });

  it('moving entries keeps the newer copy already in the destination', async () => {
    await fakeBrowser.storage.session.set({ [k(1)]: entry('http://x/1', { incomplete: 'no response' }), [k(2)]: entry('http://x/2') });
    await fakeBrowser.storage.local.set({ [k(1)]: entry('http://x/1', { responseStatus: 200 }) });
    await moveEntries('local');
    const local = await fakeBrowser.storage.local.get(null);
    expect(local[k(1)]).toMatchObject({ responseStatus: 200 });
    expect(local[k(1)]).not.toHaveProperty('incomplete');
    expect(local[k(2)]).toBeDefined();
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual([]);
  });

  it('an entry written before the worker knew recording was paused is hidden, then removed', async () => {
    await fakeBrowser.storage.session.set({ [k(1)]: entry('http://x/?SAMLRequest=a'), [unconfirmedKey(k(1))]: 1, [k(2)]: entry('http://x/?SAMLRequest=b') });
    await fakeBrowser.storage.local.set({ recording: false });
    expect((await readEntries()).map((e) => e.url)).toEqual(['http://x/?SAMLRequest=b']);
    await settleUnconfirmed(false);
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual([k(2)]);
  });

  it('keeps such an entry when recording was on', async () => {
    await fakeBrowser.storage.session.set({ [k(1)]: entry('http://x/?SAMLRequest=a'), [unconfirmedKey(k(1))]: 1 });
    await settleUnconfirmed(true);
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual([k(1)]);
    expect((await readEntries()).map((e) => e.url)).toEqual(['http://x/?SAMLRequest=a']);
  });
});
