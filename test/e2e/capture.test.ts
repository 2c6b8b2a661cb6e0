// The built extension in Debian Chromium against the demo SP and IdP: capture, findings, restarts, hostile content.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../lib/core/analyze';
import { looksLikeSaml } from '../../lib/core/binding';
import { SCENARIOS, HOSTILE_URL } from '../../lib/demo/scenarios';
import { startDemo, type Demo } from '../../lib/demo/servers';
import {
  captureBurst, clearCaptures, E2E_TIMEOUT, ensureBuilt, type Extension, hasChromium, launchExtension, resultsDir, signIn, signOut,
  settingsFor, SKIP_MESSAGE, stopServiceWorker, storedEntries, timePanel, writeSettings, E2E_SUITE } from './harness';
import { expectCleanSignInAndOut } from './flow-checks';

if (!hasChromium) console.warn(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('extension end to end (Chromium)', E2E_SUITE, () => {
  let demo: Demo;
  let ext: Extension;
  let site: Page;
  let panel: Page;
  const extensionOrigins: string[] = [];

  /** The settings a person copies from the demo's start page. */
  const demoSettings = () => settingsFor(demo);

  /** The slugs the panel shows for the (only) Response in the capture. */
  const panelSlugsForResponse = async (): Promise<string[]> => {
    // The panel re-judges captures asynchronously: wait until it shows this flow (its AuthnRequest ID), not
    // the previous scenario's rows it may still be showing right after the clear.
    const [request] = (await analyze((await storedEntries(panel)).filter(looksLikeSaml), demoSettings())).messages;
    if (request?.id) await panel.getByText(request.id).first().waitFor({ timeout: 15_000 });
    const row = panel.locator('.sl-row-msg', { has: panel.locator('.sl-kind', { hasText: /^Response$/ }) }).first();
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await panel.locator('.sl-finding .sl-slug, .sl-no-findings, .sl-findings').first().waitFor({ timeout: 10_000 });
    return panel.locator('.sl-finding .sl-slug').allTextContents();
  };

  beforeAll(async () => {
    await ensureBuilt();
    demo = await startDemo({
      idleTimeoutMs: 15 * 60_000,
      onRequest: (req) => {
        const origin = String(req.headers.origin ?? '');
        if (/^(chrome|moz)-extension:/.test(origin)) extensionOrigins.push(`${req.method} ${req.url} from ${origin}`);
      },
    });
    ext = await launchExtension();
    site = await ext.context.newPage();
    panel = await ext.openPanel();
    await writeSettings(panel, demoSettings());
  }, E2E_TIMEOUT);

  afterAll(async () => {
    await ext?.close();
    await demo?.close();
  });

  it('captures every message of a sign-in and a sign-out, in order, without opening anything first', { timeout: E2E_TIMEOUT }, async () => {
    await clearCaptures(panel);
    await signIn(site, demo, 'ok');
    await signOut(site);
    await ext.settle();
    await expectCleanSignInAndOut(await storedEntries(panel), demoSettings());
  });

  for (const s of SCENARIOS.filter((x) => x.expect.length > 0)) {
    it(`shows ${s.expect.join(', ')} in the panel for "${s.title}"`, { timeout: E2E_TIMEOUT }, async () => {
      await clearCaptures(panel);
      await signIn(site, demo, s.id);
      await ext.settle();
      const slugs = await panelSlugsForResponse();
      for (const slug of s.expect) expect(slugs).toContain(slug);
    });
  }

  it('loses nothing when the service worker is stopped in the middle of a flow', { timeout: E2E_TIMEOUT }, async () => {
    await clearCaptures(panel);
    // Stopped while the user looks at the IdP's sign-in page (AuthnRequest captured, Response not yet sent)...
    await signIn(site, demo, 'ok', { beforeSignIn: () => stopServiceWorker(ext, panel) });
    // ...and again between sign-in and sign-out. Chromium stops an idle worker after 30 s, so the
    // capture of the sign-in has been written by then: wait for that instead of racing it.
    await ext.settle();
    await stopServiceWorker(ext, panel);
    await signOut(site);
    await ext.worker();
    await ext.settle();
    const stored = await storedEntries(panel);
    const report = await analyze(stored.filter(looksLikeSaml), demoSettings());
    expect(report.messages.map((m) => m.kind), stored.map((e) => `${e.method} ${e.url.slice(0, 60)}`).join('\n')).toEqual(['AuthnRequest', 'Response', 'LogoutRequest', 'LogoutResponse']);
    const response = report.messages[1];
    expect(response?.inResponseTo).toBe(report.messages[0]?.id);
  });

  it('shows hostile attribute values as text and runs nothing', { timeout: E2E_TIMEOUT }, async () => {
    await clearCaptures(panel);
    await signIn(site, demo, 'hostile');
    await ext.settle();
    await panelSlugsForResponse();
    const text = await panel.locator('body').innerText();
    expect(text).toContain('<img src=x onerror=');
    expect(text).toContain(HOSTILE_URL);
    const state = await panel.evaluate(() => ({
      xss: (window as { __samlLensXss?: number }).__samlLensXss,
      title: document.title,
      injectedImages: document.querySelectorAll('img[src="x"]').length,
      javascriptLinks: [...document.querySelectorAll('[href], [src], [action], [formaction]')].filter((el) =>
        /^\s*javascript:/i.test(el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? el.getAttribute('formaction') ?? ''),
      ).length,
    }));
    expect(state).toEqual({ xss: undefined, title: 'SAML', injectedImages: 0, javascriptLinks: 0 });
    // Hostile content is not a misconfiguration: the scenario expects no finding, so no error either.
    expect(SCENARIOS.find((x) => x.id === 'hostile')?.expect).toEqual([]);
    const report = await analyze((await storedEntries(panel)).filter(looksLikeSaml), demoSettings());
    const errors = report.messages.flatMap((m) => m.findings.filter((f) => f.severity === 'error').map((f) => `${m.kind}: ${f.rule}`));
    expect(errors).toEqual([]);
  });

  it('makes no network request of its own', { timeout: E2E_TIMEOUT }, async () => {
    const own = `chrome-extension://${ext.id}/`;
    const foreign: string[] = [];
    ext.context.on('request', (r) => {
      const frameUrl = (() => {
        try {
          return r.frame().url();
        } catch {
          return '';
        }
      })();
      const fromExtension = frameUrl.startsWith(own) || r.serviceWorker()?.url().startsWith(own) === true;
      if (fromExtension && !r.url().startsWith(own)) foreign.push(r.url());
    });
    const fresh = await ext.openPanel();
    await fresh.waitForSelector('.sl-app');
    // The CSP forbids it outright: a fetch from an extension page is refused before it leaves.
    const blocked = await fresh.evaluate(async (url) => {
      try {
        await fetch(url);
        return false;
      } catch {
        return true;
      }
    }, `${demo.spUrl}/app`);
    expect(blocked).toBe(true);
    await fresh.close();
    expect(foreign).toEqual([]);
    expect(extensionOrigins).toEqual([]);
  });

  it('saves screenshots of the panel in light and dark themes', { timeout: E2E_TIMEOUT }, async () => {
    await clearCaptures(panel);
    await signIn(site, demo, 'namespaced-claims');
    await signOut(site);
    await ext.settle();
    mkdirSync(resultsDir, { recursive: true });
    for (const theme of ['light', 'dark'] as const) {
      const page = await ext.openPanel(`?theme=${theme}`);
      const row = page.locator('.sl-row-msg', { has: page.locator('.sl-kind', { hasText: /^Response$/ }) }).first();
      await row.click();
      await page.locator('.sl-finding').first().waitFor();
      const drawn = await page.locator('.sl-app').getAttribute('data-theme');
      expect(drawn).toBe(theme);
      await page.screenshot({ path: join(resultsDir, `panel-${theme}.png`) });
      await page.close();
    }
  });

  // The burst alone takes two minutes when the machine is shared: more headroom than the other tests.
  it('stays responsive with 5,000 captured requests', { timeout: 2 * E2E_TIMEOUT }, async () => {
    await clearCaptures(panel);
    // Issue 9's numbers (first render under 1 s, a filter under 150 ms) are met in `npm run bench -- --panel`,
    // which times the same steps on a quiet machine; here they are printed and only bounded generously.
    const burst = await captureBurst(ext, site, demo, 5000);
    expect(burst.stats.entries).toBeGreaterThanOrEqual(5000);
    expect(burst.stats.saml).toBe(2);
    const t = await timePanel(ext, 5000);
    const ms = (x: number) => `${Math.round(x)} ms`;
    console.log(
      `[e2e] 5,000-request burst: the page made them in ${burst.burstMs} ms; all ${burst.stats.entries} entries stored ${burst.captureMs} ms after the start; ` +
        `panel first render ${ms(t.firstRenderMs)} (seen by Playwright after ${ms(t.firstRenderSeenMs)}), everything read and judged after ${ms(t.completeMs)}; ` +
        `"other requests" shown in ${ms(t.showAllMs)} with ${t.rowsInDom} rows in the DOM (virtualised); filter answered in ${ms(t.filterMs)}; ` +
        `long tasks during interaction: ${t.longTasks.length} (longest ${Math.round(Math.max(0, ...t.longTasks))} ms)`,
    );
    // The answer first: the SAML rows are drawn while the 5,000 other requests are still being read and judged.
    expect(t.firstRenderMs).toBeLessThan(t.completeMs);
    expect(t.rowsInDom).toBeLessThan(500);
    expect(t.firstRenderMs).toBeLessThan(10_000);
    expect(t.filterMs).toBeLessThan(3_000);
  });

});
