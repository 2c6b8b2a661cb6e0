// Drag and drop of a HAR onto the panel and onto the viewer imports it, as DevTools' Network panel does: every
// request is kept (the other ones filterable by type), and a file dropped on the panel is judged with the generic
// profile, not with the panel's saved settings.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mixedHar } from '../core/input/mixed-har';
import { E2E_TIMEOUT, ensureBuilt, type Extension, hasChromium, launchExtension, resultsDir, SKIP_MESSAGE, writeSettings, E2E_SUITE } from './harness';

if (!hasChromium) console.warn(SKIP_MESSAGE);

/** What a person's drag does: dragenter, dragover and drop carrying one file, on the element under the mouse. */
async function dropFile(page: Page, selector: string, name: string, text: string): Promise<void> {
  await page.evaluate(
    ({ selector, name, text }) => {
      const target = document.querySelector(selector);
      if (!target) throw new Error(`${selector} is not on the page`);
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    },
    { selector, name, text },
  );
}

describe.skipIf(!hasChromium)('drag and drop import (Chromium)', E2E_SUITE, () => {
  let ext: Extension;
  // 20 other requests (4 of each type: XHR, script, image, stylesheet, document) around a sign-in of 4 pages.
  const { text, total } = mixedHar({ before: 10, after: 10 });

  beforeAll(async () => {
    await ensureBuilt();
    ext = await launchExtension();
  }, E2E_TIMEOUT);

  afterAll(async () => {
    await ext?.close();
  });

  it('a HAR dropped on the panel is shown with every request, judged with the generic profile, until "back to live"', { timeout: E2E_TIMEOUT }, async () => {
    const panel = await ext.openPanel();
    // The panel's own settings: another profile and an IdP the dropped file has nothing to do with.
    await writeSettings(panel, { profile: 'twilio-flex', idpEntityId: 'https://other-idp.example.test/' });
    await panel.waitForSelector('.sl-list');
    await dropFile(panel, '.sl-main', 'day.har', text);

    const banner = panel.locator('.sl-imported');
    await banner.locator('.sl-import-summary').waitFor({ timeout: 30_000 });
    expect(await banner.innerText()).toContain('Showing day.har');
    expect(await banner.locator('.sl-import-summary').innerText()).toBe(`Added ${total} requests (2 with a SAML message) from day.har (har).`);
    // On a timeout, what the panel shows instead (an analysis error, the counts) is in the failure.
    await panel.waitForFunction(() => document.querySelectorAll('.sl-row-msg').length === 2, undefined, { timeout: 30_000 }).catch(async (e: unknown) => {
      const shown = await panel.evaluate(() => ({
        rows: document.querySelectorAll('.sl-row-msg').length,
        counts: document.querySelector('.sl-counts')?.textContent,
        errors: Array.from(document.querySelectorAll('.sl-error-text'), (n) => n.textContent),
      }));
      throw new Error(`${e instanceof Error ? e.message : String(e)}; the panel shows ${JSON.stringify(shown)}`);
    });
    await panel.waitForFunction(() => !document.querySelector('.sl-counts')?.textContent?.includes('analysing'), undefined, { timeout: 30_000 });
    // Judged against the generic profile, never the panel's saved Twilio Flex settings.
    expect(await panel.locator('.sl-judged').innerText()).toContain('profile Generic');
    // Parsed by the import worker (it loads under the extension CSP), not on the page.
    expect(await banner.locator('.sl-note').count()).toBe(0);

    // The requests around the sign-in, by type.
    await panel.click('.sl-menu-open');
    await panel.locator('label.sl-check', { hasText: 'Other requests' }).locator('input').check();
    const bar = panel.locator('.sl-typebar');
    await bar.waitFor();
    expect(await bar.locator('[data-type="all"] .sl-type-count').innerText()).toBe(String(total - 2));
    await panel.waitForFunction((n) => document.querySelectorAll('.sl-row-other').length === n, total - 2, { timeout: 10_000 });
    await bar.locator('[data-type="fetch"]').click();
    await panel.waitForFunction(() => document.querySelectorAll('.sl-row-other').length === 4, undefined, { timeout: 10_000 });
    expect(await panel.locator('.sl-row-other .sl-path').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^\/api\/items/)]));
    expect(await panel.locator('.sl-row-msg').count()).toBe(2);
    await panel.screenshot({ path: join(resultsDir, 'drop-import-panel.png') });

    await banner.locator('.sl-imported-close').click();
    await banner.waitFor({ state: 'detached' });
    await panel.waitForFunction(() => document.querySelectorAll('.sl-row-msg').length === 0, undefined, { timeout: 10_000 });
    await panel.close();
  });

  it('a HAR dropped anywhere on the viewer is added with every request', { timeout: E2E_TIMEOUT }, async () => {
    const viewer = await ext.context.newPage();
    await viewer.goto(`chrome-extension://${ext.id}/viewer.html`);
    await viewer.waitForSelector('.sl-paste');
    await dropFile(viewer, '.sl-main', 'day.har', text);
    await viewer.waitForFunction(() => document.querySelectorAll('.sl-row-msg').length === 2, undefined, { timeout: 30_000 });
    await viewer.locator('.sl-import-progress').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await viewer.locator('.sl-import-summary').innerText()).toBe(`Added ${total} requests (2 with a SAML message) from day.har (har).`);
    await viewer.click('.sl-menu-open');
    await viewer.locator('label.sl-check', { hasText: 'Other requests' }).locator('input').check();
    await viewer.locator('.sl-typebar [data-type="image"]').click();
    await viewer.waitForFunction(() => document.querySelectorAll('.sl-row-other').length === 4, undefined, { timeout: 10_000 });

    // A right-to-left override in a file name (or any captured text) would show it reversed, "day.har" for a
    // name that ends otherwise: the UI shows the character as its escape.
    await dropFile(viewer, '.sl-main', 'login\u202Erah.json', text);
    await viewer.waitForFunction(() => document.querySelectorAll('.sl-row-msg').length === 4, undefined, { timeout: 30_000 });
    await viewer.locator('.sl-import-progress').waitFor({ state: 'detached', timeout: 30_000 });
    const summary = await viewer.locator('.sl-import-summary').innerText();
    expect(summary).toContain('from login\\u202erah.json (har)');
    expect(summary).not.toContain('\u202E');
    await viewer.close();
  });
});
