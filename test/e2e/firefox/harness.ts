// The Firefox counterpart of ../harness.ts: Debian's firefox-esr, headless, with the Firefox build installed
// as a permanent add-on (as a user has it, so it survives a restart), driven over Marionette.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TraceEntry } from '../../../lib/core/model';
import type { Demo } from '../../../lib/demo/servers';
import { firefoxXpi } from '../build';
import { removeProfile } from '../harness';
import { ADDON_ID, ADDON_UUID, FIREFOX, startFirefox, type RunningFirefox } from './launch';

export { FIREFOX } from './launch';
export const hasFirefox = existsSync(FIREFOX);
export const FIREFOX_SKIP_MESSAGE = `Firefox end-to-end tests skipped: ${FIREFOX} is absent (apt-get install -y firefox-esr)`;

const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `probe` until it returns something other than undefined/false, or fails with `what`. */
export async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await sleep(150);
  }
}

/** One tab of the Firefox under test. Marionette drives one tab at a time: each call switches to this one. */
export class Tab {
  constructor(
    private readonly firefox: FirefoxExtension,
    readonly handle: string,
  ) {}

  /** Runs `script` (an async function's body; `arguments` are `args`) in the page and resolves with its result. */
  async run<T>(script: string, ...args: unknown[]): Promise<T> {
    const body = `return (async function () {\n${script}\n}).apply(this, arguments);`;
    return (await this.firefox.on(this)).send<T>('WebDriver:ExecuteScript', { script: body, args });
  }

  async goto(url: string): Promise<void> {
    await (await this.firefox.on(this)).send('WebDriver:Navigate', { url });
  }

  async url(): Promise<string> {
    return (await this.firefox.on(this)).send<string>('WebDriver:GetCurrentURL');
  }

  /** A real click (WebDriver Element Click) on the first element `selector` matches, once it exists. */
  async click(selector: string): Promise<void> {
    const client = await this.firefox.on(this);
    const found = await until(`"${selector}" in ${await this.url()}`, () =>
      client.send<Record<string, string>>('WebDriver:FindElement', { using: 'css selector', value: selector }),
    );
    await client.send('WebDriver:ElementClick', { id: found[ELEMENT] });
  }

  async waitFor(selector: string, timeoutMs = 15_000): Promise<void> {
    await until(`"${selector}"`, () => this.run<boolean>('return document.querySelector(arguments[0]) !== null', selector), timeoutMs);
  }

  async text(selector = 'body'): Promise<string> {
    return this.run<string>('return document.querySelector(arguments[0])?.innerText ?? ""', selector);
  }

  async screenshot(path: string): Promise<void> {
    const png = await (await this.firefox.on(this)).send<string>('WebDriver:TakeScreenshot', { full: false, hash: false });
    writeFileSync(path, Buffer.from(png, 'base64'));
  }

  async close(): Promise<void> {
    await (await this.firefox.on(this)).send('WebDriver:CloseWindow');
    this.firefox.forget(this);
  }
}

export class FirefoxExtension {
  private current: string | undefined;

  private constructor(
    private readonly firefox: RunningFirefox,
    readonly profileDir: string,
  ) {}

  /** Starts firefox-esr on `profileDir` (a fresh profile when absent) and installs the add-on if it is not yet. */
  static async launch(profileDir?: string): Promise<FirefoxExtension> {
    const dir = profileDir ?? mkdtempSync(join(tmpdir(), 'saml-lens-firefox-'));
    const running = await startFirefox(dir);
    const ext = new FirefoxExtension(running, dir);
    if (!profileDir) await running.client.send('Addon:Install', { path: firefoxXpi, temporary: false });
    return ext;
  }

  get client() {
    return this.firefox.client;
  }

  /** Makes `tab` Marionette's current browsing context. */
  async on(tab: Tab) {
    if (this.current !== tab.handle) {
      await this.client.send('WebDriver:SwitchToWindow', { handle: tab.handle, focus: true });
      this.current = tab.handle;
    }
    return this.client;
  }

  forget(tab: Tab): void {
    if (this.current === tab.handle) this.current = undefined;
  }

  /** The tab Firefox opened at start. */
  async firstTab(): Promise<Tab> {
    const [handle] = await this.client.send<string[]>('WebDriver:GetWindowHandles');
    return new Tab(this, handle!);
  }

  /**
   * Opens one of the add-on's pages in a new tab. Marionette refuses to navigate content to moz-extension://
   * ("not allowed in this context"), so the tab is opened from the browser's own chrome, as the add-on's
   * "Open captures in a tab" does through tabs.create.
   */
  async openExtensionPage(path: string): Promise<Tab> {
    const before = new Set(await this.client.send<string[]>('WebDriver:GetWindowHandles'));
    await this.inChrome(
      `const tab = gBrowser.addTab(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
       gBrowser.selectedTab = tab;`,
      `${EXTENSION_ORIGIN}/${path}`,
    );
    const handle = await until('the new tab', async () => (await this.client.send<string[]>('WebDriver:GetWindowHandles')).find((h) => !before.has(h)));
    const tab = new Tab(this, handle);
    await until(`${path} to load`, async () => (await tab.url()).startsWith(EXTENSION_ORIGIN) && (await tab.run<string>('return document.readyState')) === 'complete');
    return tab;
  }

  async newTab(): Promise<Tab> {
    const { handle } = await this.client.send<{ handle: string }>('WebDriver:NewWindow', { type: 'tab' });
    return new Tab(this, handle);
  }

  /** Runs `script` with the browser's chrome privileges (the toolbar, the add-on manager). */
  async inChrome<T>(script: string, ...args: unknown[]): Promise<T> {
    await this.client.send('Marionette:SetContext', { value: 'chrome' });
    try {
      return await this.client.send<T>('WebDriver:ExecuteScript', { script, args });
    } finally {
      await this.client.send('Marionette:SetContext', { value: 'content' });
    }
  }

  /**
   * The badge on the add-on's toolbar button as Firefox draws it. Firefox puts a new add-on's button in the
   * extensions menu; it is pinned to the toolbar first, as a person does to see the badge at all.
   */
  async toolbarBadge(): Promise<string> {
    return this.inChrome<string>(
      `const { CustomizableUI } = window;
       const widgetId = arguments[0].toLowerCase().replace(/[^a-z0-9_-]/g, '_') + '-browser-action';
       if (CustomizableUI.getPlacementOfWidget(widgetId)?.area !== CustomizableUI.AREA_NAVBAR) CustomizableUI.addWidgetToArea(widgetId, CustomizableUI.AREA_NAVBAR);
       const node = CustomizableUI.getWidget(widgetId)?.forWindow(window)?.node;
       if (!node?.isConnected || !document.getElementById('nav-bar').contains(node)) return 'no button on the toolbar';
       return node.querySelector('.webextension-browser-action')?.getAttribute('badge') ?? '';`,
      ADDON_ID,
    );
  }

  /**
   * Opens the add-on's real popup by clicking its toolbar button, and reads it through `host` (any add-on page:
   * they share one process, where runtime's getViews hands out the popup's window).
   */
  async openPopup(host: Tab): Promise<PopupView> {
    await this.toolbarBadge(); // pins the button
    await this.inChrome(`document.getElementById(arguments[0].toLowerCase().replace(/[^a-z0-9_-]/g, '_') + '-BAP').click()`, ADDON_ID);
    const popup = new PopupView(host);
    await until('the popup to open', () => popup.run<boolean>(`return view.document.readyState === 'complete' && !!view.document.querySelector('.status')`));
    return popup;
  }

  /** A screenshot of the whole browser window: the toolbar with the badge, and the page. */
  async windowScreenshot(path: string): Promise<void> {
    await this.client.send('Marionette:SetContext', { value: 'chrome' });
    try {
      writeFileSync(path, Buffer.from(await this.client.send<string>('WebDriver:TakeScreenshot', { full: false, hash: false }), 'base64'));
    } finally {
      await this.client.send('Marionette:SetContext', { value: 'content' });
    }
  }

  /** Quits Firefox as a person does; `keepProfile` leaves the profile on disk for a relaunch (a restart). */
  async quit(opts: { keepProfile?: boolean } = {}): Promise<void> {
    await this.firefox.quit();
    if (!opts.keepProfile) removeProfile(this.profileDir);
  }
}

/** The open popup, seen from another add-on page. */
export class PopupView {
  constructor(private readonly host: Tab) {}

  /** Runs `script` with `view`, the popup's window (fails while no popup is open). */
  run<T>(script: string, ...args: unknown[]): Promise<T> {
    return this.host.run<T>(`const view = browser.extension.getViews({ type: 'popup' })[0]; if (!view) throw new Error('no popup is open');\n${script}`, ...args);
  }

  status(): Promise<string> {
    return this.run<string>(`return view.document.querySelector('.status').textContent`);
  }

  async click(selector: string): Promise<void> {
    await this.run(`view.document.querySelector(arguments[0]).click()`, selector);
  }

  async close(): Promise<void> {
    await this.run('view.close()');
  }
}

/** What the background stored, read from an add-on page (storage is the source of truth). */
export async function storedEntries(extPage: Tab): Promise<TraceEntry[]> {
  return extPage.run<TraceEntry[]>(`
    const out = [];
    for (const area of [browser.storage.session, browser.storage.local]) {
      for (const [k, v] of Object.entries(await area.get(null))) if (k.startsWith('e:')) out.push([k, v]);
    }
    return out.sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, v]) => v);`);
}

/** Every key in both storage areas, to see what is left behind. */
export async function storageKeys(extPage: Tab): Promise<{ session: string[]; local: string[] }> {
  return extPage.run(`return { session: Object.keys(await browser.storage.session.get(null)), local: Object.keys(await browser.storage.local.get(null)) };`);
}

export async function clearCaptures(extPage: Tab): Promise<void> {
  await extPage.run(`
    for (const area of [browser.storage.session, browser.storage.local]) {
      const keys = Object.keys(await area.get(null)).filter((k) => k.startsWith('e:'));
      if (keys.length) await area.remove(keys);
    }`);
}

/** Writes settings the way the options page does (the versioned item in storage.local). */
export async function writeSettings(extPage: Tab, settings: Record<string, unknown>): Promise<void> {
  await extPage.run(`await browser.storage.local.set({ settings: { version: 1, keepAcrossRestart: false, rememberSpKey: false, ...arguments[0] } })`, settings);
}

/** An SP-initiated sign-in with one IdP misconfiguration, ending on the SP's ACS page (as ../harness.ts). */
export async function signIn(tab: Tab, demo: Demo, scenario: string): Promise<void> {
  await tab.goto(demo.startUrl);
  await tab.click(`a[data-scenario="${scenario}"]`);
  await tab.waitFor('#sign-in');
  await tab.click('#sign-in');
  await until('the ACS page', async () => /\/acs$/.test(await tab.url()));
}

export async function signOut(tab: Tab): Promise<void> {
  await tab.click('a[data-action="logout"]');
  await until('the SLO page', async () => /\/slo\?/.test(await tab.url()));
}
