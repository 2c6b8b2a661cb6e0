// Issue 15: "keep captures across restarts". On: every captured message is there after Chromium is closed and
// relaunched with the same profile, judged the same. Off: nothing captured is left in storage.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startDemo, type Demo } from '../../lib/demo/servers';
import { E2E_TIMEOUT, ensureBuilt, type Extension, hasChromium, launchExtension, settingsFor, signIn, signOut, SKIP_MESSAGE, storedEntries, writeSettings, E2E_SUITE } from './harness';
import { expectKeptAcrossRestart, expectNothingLeft } from './flow-checks';

if (!hasChromium) console.warn(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('captures across a browser restart (Chromium)', E2E_SUITE, () => {
  let demo: Demo;
  const open: Extension[] = [];

  const demoSettings = () => settingsFor(demo);

  /** Every key in both storage areas, to see what is left behind. */
  const allKeys = async (ext: Extension) => {
    const page = await ext.openPanel();
    const keys = await page.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: Record<'session' | 'local', { get(k: null): Promise<Record<string, unknown>> }> } }).chrome;
      return { session: Object.keys(await c.storage.session.get(null)), local: Object.keys(await c.storage.local.get(null)) };
    });
    await page.close();
    return keys;
  };

  const capture = async (keep: boolean) => {
    const ext = await launchExtension();
    open.push(ext);
    const panel = await ext.openPanel();
    await writeSettings(panel, { ...demoSettings(), keepAcrossRestart: keep });
    await ext.worker();
    const site = await ext.context.newPage();
    await signIn(site, demo, 'namespaced-claims');
    await signOut(site);
    await ext.settle();
    const before = await storedEntries(panel);
    await ext.close({ keepProfile: true });
    const again = await launchExtension({ profileDir: ext.profileDir });
    open.push(again);
    return { before, again };
  };

  beforeAll(async () => {
    await ensureBuilt();
    demo = await startDemo({ idleTimeoutMs: 15 * 60_000 });
  }, E2E_TIMEOUT);

  afterAll(async () => {
    for (const ext of open) await ext.close();
    await demo?.close();
  });

  it('keeps every message, judged the same, when "keep captures across restarts" is on', { timeout: E2E_TIMEOUT }, async () => {
    const { before, again } = await capture(true);
    const panel = await again.openPanel();
    const after = await storedEntries(panel);
    await expectKeptAcrossRestart(before, after, demoSettings(), 'chromium');
    // The panel shows them too, not only storage.
    await panel.locator('.sl-row-msg', { has: panel.locator('.sl-kind', { hasText: /^Response$/ }) }).first().waitFor({ timeout: 15_000 });
  });

  it('leaves nothing captured in storage when it is off', { timeout: E2E_TIMEOUT }, async () => {
    const { before, again } = await capture(false);
    expectNothingLeft(before, await allKeys(again), 'chromium');
  });
});
