import { beforeEach, describe, expect, it, vi } from 'vitest';

// webextension-polyfill (and WXT's storage) read the globals when first imported: install the fake before
// the modules load. With `browser` present the polyfill hands it back unwrapped, as in Firefox.
const { fakeBrowser } = await vi.hoisted(async () => {
  const m = await import('wxt/testing/fake-browser');
  (globalThis as { chrome?: unknown }).chrome = m.fakeBrowser;
  (globalThis as { browser?: unknown }).browser = m.fakeBrowser;
  return m;
});
const { getSettings, setSettings, sanitizeSettings, settingsItem, DEFAULT_SETTINGS } = await import('../../lib/extension/settings');
const { moveEntries, EntryWriter } = await import('../../lib/extension/store/entries');
const { readEntries } = await import('../../lib/extension/store/read');
const { entryKey } = await import('../../lib/extension/store/keys');

const PEM = '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----';

beforeEach(() => fakeBrowser.reset());

describe('settings storage', () => {
  it('keeps the SP private key in memory-only session storage unless the user opts in', async () => {
    await setSettings({ ...DEFAULT_SETTINGS, spEntityId: 'https://sp.example.test', spPrivateKeyPem: PEM });
    expect(((await fakeBrowser.storage.local.get('settings')).settings as Record<string, unknown>).spPrivateKeyPem).toBeUndefined();
    expect((await fakeBrowser.storage.session.get('spKey')).spKey).toBe(PEM);
    expect(await getSettings()).toMatchObject({ spEntityId: 'https://sp.example.test', spPrivateKeyPem: PEM });

    await setSettings({ ...(await getSettings()), rememberSpKey: true });
    expect(((await fakeBrowser.storage.local.get('settings')).settings as Record<string, unknown>).spPrivateKeyPem).toBe(PEM);
    expect((await fakeBrowser.storage.session.get('spKey')).spKey).toBeUndefined();
  });

  it('turns whatever is stored into valid settings', async () => {
    await fakeBrowser.storage.local.set({ settings: { keepAcrossRestart: 'yes', clockSkewSeconds: -5, trustedCertificates: ['', 7, 'MIIC'], theme: 'neon', bogus: 1 } });
    const s = await getSettings();
    expect(s).toMatchObject({ version: 2, keepAcrossRestart: false, clockSkewSeconds: 180, trustedCertificates: ['MIIC'], theme: 'auto', profile: 'generic' });
    expect('bogus' in s).toBe(false);
    expect(sanitizeSettings(null)).toEqual(sanitizeSettings({}));
  });

  it('version 1 settings are migrated to version 2 with everything kept', async () => {
    await fakeBrowser.storage.local.set({ settings: { version: 1, keepAcrossRestart: true, rememberSpKey: false, profile: 'twilio-flex', accountSid: 'AC0123456789abcdef0123456789abcdef', clockSkewSeconds: 60 }, settings$: { v: 1 } });
    // WXT migrates when the extension starts (the item is defined); here the module is already loaded.
    await settingsItem.migrate();
    expect(await getSettings()).toMatchObject({ version: 2, keepAcrossRestart: true, profile: 'twilio-flex', accountSid: 'AC0123456789abcdef0123456789abcdef', clockSkewSeconds: 60 });
    expect(((await fakeBrowser.storage.local.get('settings$'))['settings$'] as { v: number }).v).toBe(2);
  });

  it('keeps a profile document, and drops one that is not an object or is huge, without losing the rest', async () => {
    const doc = { name: 'Acme HR portal', extends: 'generic', requiredAttributes: ['email'] };
    await setSettings({ ...DEFAULT_SETTINGS, spEntityId: 'https://sp.example.test', profileDocument: doc });
    expect(await getSettings()).toMatchObject({ spEntityId: 'https://sp.example.test', profileDocument: doc });
    for (const bad of ['{"name":"x"}', [doc], { name: 'x', requiredAttributes: Array(100_000).fill('attribute') }]) {
      const s = sanitizeSettings({ spEntityId: 'https://sp.example.test', profileDocument: bad });
      expect('profileDocument' in s).toBe(false);
      expect(s.spEntityId).toBe('https://sp.example.test');
    }
  });
});

describe('entry storage', () => {
  const entry = (url: string) => ({ id: url, source: 'webrequest' as const, method: 'GET', url, requestHeaders: [], responseHeaders: [] });
  const k = (t: number) => entryKey({ micros: t, tabId: 1, saml: true, requestId: String(t), hop: 0 });

  it('stores entries written together without losing any, in capture order, across both areas', async () => {
    const writer = new EntryWriter(async () => 'session', () => [], (m) => { throw new Error(m); }, 0);
    for (let t = 50; t > 0; t--) writer.put(k(t), entry(`http://x/${t}`));
    await writer.flush();
    await fakeBrowser.storage.local.set({ [k(100)]: entry('http://x/100') });
    const all = await readEntries();
    expect(all).toHaveLength(51);
    expect(all.map((e) => e.url)).toEqual([...Array.from({ length: 50 }, (_, i) => `http://x/${i + 1}`), 'http://x/100']);
  });

  it('moves entries when the user switches "keep across restarts"', async () => {
    await fakeBrowser.storage.session.set({ [k(1)]: entry('http://x/1'), settings: 'not an entry' });
    await moveEntries('local');
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual([k(1)]);
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['settings']);
  });

  it('makes room by dropping other traffic when storage is full', async () => {
    let calls = 0;
    const set = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    fakeBrowser.storage.session.set = async (items: Record<string, unknown>) => {
      if (calls++ === 0) throw new Error('Session storage quota bytes exceeded');
      return set(items);
    };
    const dropped = [k(1)];
    const writer = new EntryWriter(async () => 'session', () => dropped.splice(0), () => undefined, 0);
    writer.put(k(1), entry('http://x/other'));
    writer.put(k(2), entry('http://x/saml'));
    await writer.flush();
    expect((await readEntries()).map((e) => e.url)).toEqual(['http://x/saml']);
  });
});
