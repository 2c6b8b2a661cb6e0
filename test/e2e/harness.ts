// Shared by the end-to-end tests: build once, launch Debian Chromium with the built extension, drive the demo.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { extensionDir, root } from './build';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { TraceEntry } from '../../lib/core/model';
import type { Demo } from '../../lib/demo/servers';

/** The extension API as the page functions below use it (they run in an extension page, not in Node). */
interface StorageArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}
declare const chrome: { storage: { session: StorageArea; local: StorageArea } };

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SKIP_MESSAGE = `end-to-end tests skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`;

export { ensureBuilt, extensionDir, root } from './build';
export const resultsDir = join(root, 'test-results');

/** A generous per-test time limit: a browser on a 2-core machine. */
export const E2E_TIMEOUT = 180_000;

export interface Extension {
  context: BrowserContext;
  id: string;
  profileDir: string;
  /** The running background worker (restarted by Chromium on the next event if it was stopped). */
  worker(timeoutMs?: number): Promise<Worker>;
  /** Resolves when every captured request so far is in storage. */
  settle(): Promise<void>;
  /** The panel page opened as an ordinary tab (all tabs' captures). */
  openPanel(query?: string): Promise<Page>;
  /** Closes the browser; `keepProfile` leaves the profile on disk for a relaunch (a browser restart). */
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

export async function launchExtension(opts: { devtools?: boolean; profileDir?: string } = {}): Promise<Extension> {
  const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'saml-lens-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    headless: false,
    executablePath: CHROMIUM,
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless=new',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(opts.devtools ? ['--auto-open-devtools-for-tabs'] : []),
    ],
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const id = new URL(first.url()).host;
  const isOurs = (w: Worker) => w.url().startsWith(`chrome-extension://${id}/`);

  const worker = async (timeoutMs = 15_000): Promise<Worker> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const w = context.serviceWorkers().find(isOurs);
      if (w) {
        const ready = await w.evaluate(() => (globalThis as { samlLens?: { ready: boolean } }).samlLens?.ready === true).catch(() => false);
        if (ready) return w;
      }
      if (Date.now() > deadline) throw new Error('the background service worker did not become ready');
      await sleep(100);
    }
  };
  await worker(30_000);

  return {
    context,
    id,
    profileDir,
    worker,
    async settle() {
      const w = context.serviceWorkers().find(isOurs);
      if (w) await w.evaluate(() => (globalThis as { samlLens?: { flush(): Promise<void> } }).samlLens?.flush()).catch(() => undefined);
      else await sleep(300);
    },
    async openPanel(query = '') {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/devtools-panel.html${query}`);
      return page;
    },
    async close(closing = {}) {
      await context.close().catch(() => undefined);
      if (!closing.keepProfile) removeProfile(profileDir);
    },
  };
}

/** The settings a person copies from the demo's start page. */
export function settingsFor(demo: Demo) {
  return {
    profile: 'twilio-flex',
    idpEntityId: demo.idp.entityId,
    spEntityId: demo.sp.entityId,
    acsUrl: demo.sp.acsUrl,
    trustedCertificates: [demo.idp.certificatePem],
  };
}

/** An SP-initiated sign-in with one IdP misconfiguration, ending on the SP's ACS page. */
export async function signIn(page: Page, demo: Demo, scenario: string, opts: { beforeSignIn?: () => Promise<void> } = {}): Promise<void> {
  await page.goto(demo.startUrl);
  await page.click(`a[data-scenario="${scenario}"]`);
  await page.waitForSelector('#sign-in');
  await opts.beforeSignIn?.();
  await page.click('#sign-in');
  await page.waitForURL(/\/acs$/);
}

export async function signOut(page: Page): Promise<void> {
  await page.click('a[data-action="logout"]');
  await page.waitForURL(/\/slo\?/);
}

/** What the background stored, read from an extension page (storage is the source of truth). */
export async function storedEntries(extPage: Page): Promise<TraceEntry[]> {
  return extPage.evaluate(async () => {
    const out: Array<[string, TraceEntry]> = [];
    for (const area of [chrome.storage.session, chrome.storage.local]) {
      for (const [k, v] of Object.entries(await area.get(null))) if (k.startsWith('e:')) out.push([k, v as TraceEntry]);
    }
    return out.sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, v]) => v);
  });
}

export async function clearCaptures(extPage: Page): Promise<void> {
  await extPage.evaluate(async () => {
    for (const area of [chrome.storage.session, chrome.storage.local]) {
      const keys = Object.keys(await area.get(null)).filter((k) => k.startsWith('e:'));
      if (keys.length) await area.remove(keys);
    }
  });
}

/** Writes settings the way the options page does (the versioned item in storage.local). */
export async function writeSettings(extPage: Page, settings: Record<string, unknown>): Promise<void> {
  await extPage.evaluate(async (s) => chrome.storage.local.set({ settings: { version: 1, keepAcrossRestart: false, rememberSpKey: false, ...s } }), settings);
}

/** Stops the extension's service worker over CDP, as Chromium does after 30 s idle, and waits until it is stopped. */
export async function stopServiceWorker(ext: Extension, extPage: Page): Promise<void> {
  const cdp = await ext.context.newCDPSession(extPage);
  const status = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: Array<{ scriptURL: string; runningStatus: string }> }) => {
    for (const v of e.versions) if (v.scriptURL.startsWith(`chrome-extension://${ext.id}/`)) status.set(v.scriptURL, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const deadline = Date.now() + 10_000;
  while ([...status.values()].some((s) => s !== 'stopped') || status.size === 0) {
    if (Date.now() > deadline) throw new Error(`service worker did not stop: ${JSON.stringify([...status])}`);
    await sleep(50);
  }
  await cdp.detach();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** What `captureBurst` measured: how long the page took to make its requests and the capture to store them. */
export interface BurstCapture {
  burstMs: number;
  captureMs: number;
  stats: { entries: number; saml: number };
}

/**
 * A busy page, as issue 9's numbers assume: `count` plain requests from the demo SP's app page (`/app?burst=N`),
 * then one SAML sign-in (the `unsigned` scenario: AuthnRequest and Response), all stored before it returns.
 */
export async function captureBurst(ext: Extension, site: Page, demo: Demo, count = 5000): Promise<BurstCapture> {
  await site.goto(`${demo.spUrl}/app`);
  const start = Date.now();
  await site.evaluate(async (n) => {
    const all: Array<Promise<unknown>> = [];
    for (let i = 0; i < n; i++) {
      all.push(fetch(`/app?burst=${i}`, { cache: 'no-store' }).then((r) => r.text()));
      if (all.length >= 50) await Promise.all(all.splice(0));
    }
    await Promise.all(all);
  }, count);
  const burstMs = Date.now() - start;
  await signIn(site, demo, 'unsigned');
  await ext.settle();
  const captureMs = Date.now() - start;
  const stats = await (await ext.worker()).evaluate(() => (globalThis as unknown as { samlLens: { stats(): { entries: number; saml: number } } }).samlLens.stats());
  return { burstMs, captureMs, stats };
}

/** What a person waits for in the panel over a big capture (`timePanel`), in ms. */
export interface PanelTimes {
  /** From the panel page's navigation start until the frame that first shows a SAML message row (the page's clock). */
  firstRenderMs: number;
  /** The same moment as Playwright sees it from outside, from before it opens the tab (its own overhead included). */
  firstRenderSeenMs: number;
  /** From the navigation start until every captured request is read and judged (the SAML rows shown, the busy mark off). */
  completeMs: number;
  /** From ticking "other requests" until the first of them is listed (seen from outside). */
  showAllMs: number;
  /** Rows in the DOM with every request listed (the list is virtualised). */
  rowsInDom: number;
  /** From the input event of a filter typed into the search box until the frame that shows only the one request it names. */
  filterMs: number;
  /** Long tasks (over 50 ms) while showing every request and filtering. */
  longTasks: number[];
}

declare global {
  interface Window {
    /** timePanel's init script: the frame time when a SAML row was first drawn. */
    __slFirstRow?: Promise<number>;
    /** timePanel's init script: the frame time when SAML rows were shown and nothing was being read or judged any more. */
    __slComplete?: Promise<number>;
    /** timePanel's init script: the time of the first frame drawn after `test` holds. */
    __slFrameWhen?: (test: () => boolean) => Promise<number>;
  }
}

/** Installed in the panel page before its own code runs (a string: the page must not see the test's transpiled helpers). */
const PANEL_CLOCK = `
window.__slFrameWhen = (test) => new Promise((resolve) => {
  const check = () => {
    if (!test()) return false;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now()));
    return true;
  };
  const observer = new MutationObserver(check);
  if (!check()) observer.observe(document, { childList: true, subtree: true, attributes: true });
});
window.__slFirstRow = window.__slFrameWhen(() => document.querySelector('.sl-row-msg') !== null);
window.__slComplete = window.__slFrameWhen(() => document.querySelector('.sl-row-msg') !== null && document.querySelector('.sl-counts[aria-busy="false"]') !== null);
`;

/**
 * Opens the panel over a capture made by `captureBurst(…, count)`, times it, and closes it again. The times that
 * issue 9 sets targets for are taken by the page's own clock: Playwright's polling competes with the panel for the
 * page's thread while the panel reads the rest of the capture, and would add its own delays to the figure.
 */
export async function timePanel(ext: Extension, count = 5000): Promise<PanelTimes> {
  const t0 = Date.now();
  const page = await ext.context.newPage();
  try {
    await page.addInitScript(PANEL_CLOCK);
    await page.goto(`chrome-extension://${ext.id}/devtools-panel.html`);
    await page.locator('.sl-row-msg').first().waitFor({ timeout: 60_000 });
    const firstRenderSeenMs = Date.now() - t0;
    const firstRenderMs = await page.evaluate(() => window.__slFirstRow!);
    // The SAML rows come first; the other requests are read and judged after them (the busy mark is on meanwhile).
    const completeMs = await page.evaluate(() => window.__slComplete!);
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const t1 = Date.now();
    await page.click('.sl-menu-open');
    await page.getByLabel(/other requests/i).check();
    await page.locator('.sl-row-other').first().waitFor();
    const showAllMs = Date.now() - t1;
    const rowsInDom = await page.locator('.sl-row').count();
    const search = page.getByPlaceholder(/filter/i);
    await search.focus();
    const filterMs = await search.evaluate((input: HTMLInputElement, text: string) => {
      const start = performance.now();
      input.value = text;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, data: text, inputType: 'insertText' }));
      return window.__slFrameWhen!(() => document.querySelectorAll('.sl-row-other').length === 1).then((frame) => frame - start);
    }, `burst=${count - 1}`);
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    return { firstRenderMs, firstRenderSeenMs, completeMs, showAllMs, rowsInDom, filterMs, longTasks };
  } finally {
    await page.close();
  }
}

/**
 * Options for every end-to-end suite. A real browser on a shared CI machine can be slow to start or see a late
 * request once; a test that fails is run once more, so what fails is what fails twice.
 */
export const E2E_SUITE = { retry: 1 } as const;

/**
 * Removes a browser profile after the browser quit. Its helper processes can still be writing into it for a
 * moment (ENOTEMPTY while it is removed): retried, and a leftover temporary folder never fails a test.
 */
export function removeProfile(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch {
    // The system cleans its temporary folder.
  }
}
