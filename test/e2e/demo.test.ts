// The demo as a newcomer meets it after `npm start`: the start page's one button offers its settings to the
// extension, which opens its settings page and applies them only when Apply is clicked; the demo answers
// the favicon request; the id the demo computes for the unpacked extension is the one Chromium gives it;
// stopping `npm start` (Ctrl+C, SIGTERM) leaves no browser profile behind and prints no stack trace.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackedExtensionId } from '../../lib/demo/extension-id';
import { startDemo, type Demo } from '../../lib/demo/servers';
import { CHROMIUM, E2E_TIMEOUT, ensureBuilt, extensionDir, type Extension, hasChromium, launchExtension, resultsDir, root, SKIP_MESSAGE, E2E_SUITE } from './harness';

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

describe.skipIf(!hasChromium)('npm start stopped (Chromium)', E2E_SUITE, () => {
  // start.ts makes its profile in TMPDIR: a folder of this test's own shows what it leaves behind.
  const tmp = mkdtempSync(join(tmpdir(), 'saml-lens-demo-test-'));
  const profiles = () => readdirSync(tmp).filter((name) => name.startsWith('saml-lens-demo-'));
  // What the demo or its browser left there (the wrapper below and tsx's compile cache are this test's own).
  const leftovers = () => readdirSync(tmp).filter((name) => name !== 'chromium-headless' && !name.startsWith('tsx-'));
  // The demo opens a headed browser; this one runs headless so that the test needs no display.
  const headless = join(tmp, 'chromium-headless');
  writeFileSync(headless, `#!/bin/sh\nexec ${CHROMIUM} --headless=new --disable-gpu "$@"\n`);
  chmodSync(headless, 0o755);
  const started: number[] = [];

  beforeAll(() => ensureBuilt(), E2E_TIMEOUT);
  afterAll(() => {
    for (const pid of started) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone, as it should be.
      }
    }
    rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  });

  /** Runs `npm start` as a terminal would (tsx, its own process group), sends `stop` once the browser writes its profile. */
  async function startThenStop(stop: (pid: number) => void): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(join(root, 'node_modules/.bin/tsx'), ['lib/demo/start.ts', '--no-build', '--port=0'], {
      cwd: root,
      detached: true,
      env: { ...process.env, TMPDIR: tmp, SAML_LENS_BROWSER: headless, DISPLAY: process.env.DISPLAY ?? ':0' },
    });
    started.push(child.pid!);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (const deadline = Date.now() + 60_000; !profiles().some((name) => existsSync(join(tmp, name, 'Default'))); ) {
      if (Date.now() > deadline) throw new Error(`the browser did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    // Stopped while the browser is still busy writing its new profile: when the profile was most often left behind.
    await new Promise((r) => setTimeout(r, 2_000));
    stop(child.pid!);
    return { code: await exited, stderr };
  }

  it(
    'Ctrl+C (SIGINT to the process group, pressed twice) removes the profile and exits cleanly',
    async () => {
      const { code, stderr } = await startThenStop((pid) => {
        process.kill(-pid, 'SIGINT');
        setTimeout(() => {
          try {
            process.kill(-pid, 'SIGINT');
          } catch {
            // Already stopped.
          }
        }, 100);
      });
      expect(stderr).not.toMatch(/Error|^\s+at /m);
      expect(code).toBe(0);
      expect(leftovers()).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    'SIGTERM removes the profile and exits cleanly',
    async () => {
      const { code, stderr } = await startThenStop((pid) => process.kill(pid, 'SIGTERM'));
      expect(stderr).not.toMatch(/Error|^\s+at /m);
      expect(code).toBe(0);
      expect(leftovers()).toEqual([]);
    },
    E2E_TIMEOUT,
  );
});
