// Issue 15: the Firefox build checked like the Chromium one, in Debian's firefox-esr (headless, no display
// server): capture of the demo flows, the panel page, the toolbar badge, the popup, a browser restart with
// "keep captures across restarts" on and off, and the same findings as Chromium for the same flows.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { looksLikeSaml } from '../../lib/core/binding';
import type { TraceEntry } from '../../lib/core/model';
import { SCENARIOS } from '../../lib/demo/scenarios';
import { startDemo, type Demo } from '../../lib/demo/servers';
import { ensureBuilt } from './build';
import {
  clearCaptures, FIREFOX_SKIP_MESSAGE, FirefoxExtension, hasFirefox, signIn, signOut, storageKeys, storedEntries, type Tab, until,
  writeSettings,
} from './firefox/harness';
import {
  clearCaptures as chromiumClear, hasChromium, launchExtension, resultsDir, settingsFor, signIn as chromiumSignIn, storedEntries as chromiumStored,
  writeSettings as chromiumWriteSettings, E2E_SUITE } from './harness';
import { expectCleanSignInAndOut, expectKeptAcrossRestart, expectNothingLeft, judged, withErrors, type JudgedMessage } from './flow-checks';

if (!hasFirefox) console.warn(FIREFOX_SKIP_MESSAGE);

/** Firefox starts slowly on a loaded 2-core machine (10-20 s a start). */
const FIREFOX_TIMEOUT = 240_000;

/** Waits until `count` SAML messages are stored and none still waits for its response. */
async function captured(extPage: Tab, count: number): Promise<TraceEntry[]> {
  return until(`${count} captured SAML messages`, async () => {
    const all = await storedEntries(extPage);
    const saml = all.filter(looksLikeSaml);
    return saml.length >= count && saml.every((e) => e.responseStatus !== undefined) ? all : undefined;
  });
}

/** Kind, binding and findings: message IDs differ between two runs of the same flow. */
const comparable = (messages: JudgedMessage[]) => messages.map(({ kind, binding, findings }) => ({ kind, binding, findings }));

describe.skipIf(!hasFirefox)('the Firefox build in firefox-esr', E2E_SUITE, () => {
  let demo: Demo;
  let ext: FirefoxExtension;
  let site: Tab;
  let panel: Tab;
  /** Each scenario's judged capture in Firefox, compared with Chromium's below. */
  const firefoxJudged = new Map<string, JudgedMessage[]>();
  const settings = () => settingsFor(demo);

  /** The slugs the panel shows for the (only) Response of the capture. */
  const panelSlugsForResponse = async (requestId: string | undefined): Promise<string[]> => {
    // The panel re-judges asynchronously: wait until it shows this flow, not the previous one.
    if (requestId) await until(`the panel to show ${requestId}`, async () => (await panel.text()).includes(requestId));
    const responseRow = `[...document.querySelectorAll('.sl-row-msg')].find((r) => r.querySelector('.sl-kind')?.textContent === 'Response')`;
    await until('a Response row', () => panel.run<boolean>(`return !!${responseRow}`));
    await panel.run(`${responseRow}.click()`);
    await panel.waitFor('.sl-finding .sl-slug, .sl-no-findings, .sl-findings');
    return panel.run<string[]>(`return [...document.querySelectorAll('.sl-finding .sl-slug')].map((e) => e.textContent)`);
  };

  /** Signs in with one scenario and judges what Firefox stored (kept for the comparison with Chromium). */
  const captureInFirefox = async (scenario: string): Promise<JudgedMessage[]> => {
    await clearCaptures(panel);
    await signIn(site, demo, scenario);
    const messages = await judged(await captured(panel, 2), settings());
    firefoxJudged.set(scenario, messages);
    return messages;
  };

  beforeAll(async () => {
    await ensureBuilt('firefox');
    demo = await startDemo({ idleTimeoutMs: 15 * 60_000 });
    ext = await FirefoxExtension.launch();
    site = await ext.firstTab();
    panel = await ext.openExtensionPage('devtools-panel.html');
    await writeSettings(panel, settings());
  }, FIREFOX_TIMEOUT);

  afterAll(async () => {
    await ext?.quit();
    await demo?.close();
  });

  it('captures every message of a sign-in and a sign-out, in order', { timeout: FIREFOX_TIMEOUT }, async () => {
    await clearCaptures(panel);
    await signIn(site, demo, 'ok');
    await signOut(site);
    await expectCleanSignInAndOut(await captured(panel, 4), settings());
  });

  for (const s of SCENARIOS) {
    it(`shows ${s.expect.join(', ') || 'no expected finding'} in the panel for "${s.title}"`, { timeout: FIREFOX_TIMEOUT }, async () => {
      const messages = await captureInFirefox(s.id);
      const slugs = await panelSlugsForResponse(messages[0]?.id);
      if (s.id === 'tampered') {
        mkdirSync(resultsDir, { recursive: true });
        await panel.screenshot(join(resultsDir, 'firefox-panel.png'));
      }
      for (const slug of s.expect) expect(slugs).toContain(slug);
      // The panel shows what the core finds on the message Firefox captured, no more, no less.
      const response = messages.find((m) => m.kind === 'Response');
      expect([...new Set(slugs)].sort()).toEqual([...new Set(response?.findings.map((f) => f.split(' ')[1]))].sort());
    });
  }

  it('counts the messages with errors on the toolbar badge, and the popup shows, pauses and clears', { timeout: FIREFOX_TIMEOUT }, async () => {
    await clearCaptures(panel);
    for (const id of ['unsigned', 'ok', 'tampered']) await signIn(site, demo, id);
    const entries = await captured(panel, 6);
    const expected = withErrors(await judged(entries, settings()));
    expect(expected).toBe(2);
    // The badge is debounced in the background: wait for it, through the add-on API and on the toolbar.
    const badgeText = () => panel.run<string>('return browser.browserAction.getBadgeText({})');
    await until(`badge "${expected}"`, async () => (await badgeText()) === String(expected));
    const drawn = await ext.toolbarBadge();
    console.log(`[e2e firefox] badge: ${entries.filter(looksLikeSaml).length} SAML messages, ${expected} with errors; browserAction badge "${await badgeText()}", toolbar draws "${drawn}"`);
    expect(drawn).toBe(String(expected));

    mkdirSync(resultsDir, { recursive: true });
    await ext.windowScreenshot(join(resultsDir, 'firefox-toolbar-badge.png'));

    // The popup, opened from the toolbar button: it counts what is kept, pauses and clears.
    const popup = await ext.openPopup(panel);
    const status = () => popup.status();
    // Requests that are not SAML (a favicon) may still come in: compare with storage as it is at each look.
    const stored = await until('the popup to count what is stored', async () => {
      const count = (await storedEntries(panel)).length;
      return (await status()).endsWith(` ${count} requests kept`) && count;
    });
    expect(await status()).toMatch(/^Recording every tab/);
    console.log(`[e2e firefox] popup: "${await status()}" with ${stored} requests stored`);

    // Pause: a sign-in is not captured; Record again: it is.
    await popup.click('[data-testid="toggle-recording"]');
    await until('"Paused"', async () => (await status()).startsWith('Paused'));
    await signIn(site, demo, 'ok');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await storedEntries(panel)).filter(looksLikeSaml).length).toBe(6);
    await popup.click('[data-testid="toggle-recording"]');
    await until('"Recording"', async () => (await status()).startsWith('Recording'));
    await signIn(site, demo, 'ok');
    await captured(panel, 8);

    // Clear: nothing kept, and the badge goes blank.
    await popup.click('[data-testid="clear"]');
    await until('the popup to count 0 requests', async () => (await status()).endsWith(' 0 requests kept'));
    expect(await storedEntries(panel)).toEqual([]);
    await until('a blank badge', async () => (await badgeText()) === '');
    expect(await ext.toolbarBadge()).toBe('');
    await popup.close();
  });

  it.skipIf(!hasChromium)('finds the same in Firefox as in Chromium for the same flows', { timeout: FIREFOX_TIMEOUT }, async () => {
    for (const s of SCENARIOS) if (!firefoxJudged.has(s.id)) await captureInFirefox(s.id);
    await ensureBuilt('chrome');
    const chromium = await launchExtension();
    try {
      const chromiumPanel = await chromium.openPanel();
      const page = await chromium.context.newPage();
      await chromiumWriteSettings(chromiumPanel, settings());
      let messages = 0;
      let findings = 0;
      const perFlow: string[] = [];
      for (const s of SCENARIOS) {
        await chromiumClear(chromiumPanel);
        await chromiumSignIn(page, demo, s.id);
        await chromium.settle();
        const inChromium = await judged(await chromiumStored(chromiumPanel), settings());
        const inFirefox = firefoxJudged.get(s.id)!;
        expect(comparable(inFirefox), `scenario ${s.id}`).toEqual(comparable(inChromium));
        messages += inFirefox.length;
        findings += inFirefox.reduce((n, m) => n + m.findings.length, 0);
        perFlow.push(`${s.id}: ${inFirefox.map((m) => `${m.kind} [${m.findings.join(', ')}]`).join(' ')}`);
      }
      console.log(`[e2e firefox] same as Chromium: ${SCENARIOS.length} flows, ${messages} SAML messages, ${findings} findings, identical kinds, bindings and findings in both browsers:\n  ${perFlow.join('\n  ')}`);
    } finally {
      await chromium.close();
    }
  });
});

describe.skipIf(!hasFirefox)('captures across a Firefox restart', E2E_SUITE, () => {
  let demo: Demo;
  const open: FirefoxExtension[] = [];
  const settings = () => settingsFor(demo);

  /** Signs in and out with the setting on or off, quits Firefox and starts it again on the same profile. */
  const captureAndRestart = async (keep: boolean) => {
    const ext = await FirefoxExtension.launch();
    open.push(ext);
    const panel = await ext.openExtensionPage('devtools-panel.html');
    await writeSettings(panel, { ...settings(), keepAcrossRestart: keep });
    const site = await ext.firstTab();
    await signIn(site, demo, 'namespaced-claims');
    await signOut(site);
    const before = await captured(panel, 4);
    await ext.quit({ keepProfile: true });
    open.pop();
    const again = await FirefoxExtension.launch(ext.profileDir);
    open.push(again);
    return { before, again };
  };

  beforeAll(async () => {
    await ensureBuilt('firefox');
    demo = await startDemo({ idleTimeoutMs: 15 * 60_000 });
  }, FIREFOX_TIMEOUT);

  afterAll(async () => {
    for (const ext of open) await ext.quit();
    await demo?.close();
  });

  it('keeps every message, judged the same, when "keep captures across restarts" is on', { timeout: FIREFOX_TIMEOUT }, async () => {
    const { before, again } = await captureAndRestart(true);
    const panel = await again.openExtensionPage('devtools-panel.html');
    const after = await storedEntries(panel);
    await expectKeptAcrossRestart(before, after, settings(), 'firefox');
    // The panel shows them too, not only storage.
    await until('the Response row in the panel', () =>
      panel.run<boolean>(`return [...document.querySelectorAll('.sl-row-msg .sl-kind')].some((k) => k.textContent === 'Response')`),
    );
  });

  it('leaves nothing captured in storage when it is off', { timeout: FIREFOX_TIMEOUT }, async () => {
    const { before, again } = await captureAndRestart(false);
    expectNothingLeft(before, await storageKeys(await again.openExtensionPage('devtools-panel.html')), 'firefox');
  });
});
