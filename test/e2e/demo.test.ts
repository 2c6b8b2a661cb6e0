// The demo as a newcomer meets it after `npm start`: the start page's one button offers its settings to the
// extension, which opens its settings page and applies them only when Apply is clicked; the demo answers
// the favicon request; the id the demo computes for the unpacked extension is the one Chromium gives it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackedExtensionId } from '../../lib/demo/extension-id';
import { startDemo, type Demo } from '../../lib/demo/servers';
import { E2E_TIMEOUT, ensureBuilt, extensionDir, type Extension, hasChromium, launchExtension, resultsDir, SKIP_MESSAGE, E2E_SUITE } from './harness';

if (!hasChromium) console.warn(SKIP_MESSAGE);

/** The options page's storage, read the way the extension itself does. */
async function storedSettings(page: Page): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(async () => {
    const area = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local;
    return (await area.get('settings')).settings as Record<string, unknown> | undefined;
  });
}

describe.skipIf(!hasChromium)('demo start page (Chromium)', E2E_SUITE, () => {
  let ext: Extension;
  let demo: Demo;

  beforeAll(async () => {
    await ensureBuilt();
    ext = await launchExtension();
    demo = await startDemo({ idleTimeoutMs: 120_000, extensionId: unpackedExtensionId(extensionDir) });
  }, E2E_TIMEOUT);

  afterAll(async () => {
    await demo?.close();
    await ext?.close();
  });

  it('computes the id Chromium gives the unpacked extension', () => {
    expect(unpackedExtensionId(extensionDir)).toBe(ext.id);
  });

  it('serves a favicon', async () => {
    const res = await fetch(`${demo.spUrl}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
  });

  it(
    'offers its settings with one button; the extension applies them only on Apply',
    async () => {
      const page = await ext.context.newPage();
      await page.goto(demo.startUrl);
      const optionsOpened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/options.html'), timeout: 15_000 });
      await page.click('#apply-settings');
      const options = await optionsOpened;
      await options.waitForSelector('.sl-offer');
      await options.screenshot({ path: `${resultsDir}/demo-settings-offer.png` });
      const offered = await options.locator('.sl-offer').innerText();
      expect(offered).toContain(demo.sp.entityId);
      expect(offered).toContain(demo.idp.entityId);
      expect(offered).toContain('twilio-flex');
      // Nothing is applied before the click.
      expect((await storedSettings(options))?.spEntityId).toBeUndefined();
      await options.click('.sl-offer-apply');
      // Apply reloads the settings page to show the new values: a read during the reload is retried.
      let after: Record<string, unknown> | undefined;
      for (let i = 0; i < 50 && !after?.spEntityId; i++) {
        await new Promise((r) => setTimeout(r, 100));
        after = await storedSettings(options).catch(() => undefined);
      }
      expect(after).toMatchObject({ profile: 'twilio-flex', spEntityId: demo.sp.entityId, idpEntityId: demo.idp.entityId, acsUrl: demo.sp.acsUrl });
      expect(after?.trustedCertificates).toEqual([demo.idp.certificatePem]);
      await page.waitForFunction(() => document.getElementById('apply-status')?.textContent?.includes('opened its settings'));
    },
    E2E_TIMEOUT,
  );
});
