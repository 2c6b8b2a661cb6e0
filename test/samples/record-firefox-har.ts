// Records test/samples/firefox-esr.har: Debian's Firefox ESR writes the HAR itself, through its Network
// panel's "Save All As HAR" (persistent logs on), while the demo SP and IdP (lib/demo) run one correct
// SP-initiated flow. Firefox is driven over Marionette (built into Firefox); the native save dialog is
// answered with xdotool. Run under X: `Xvfb :99 & DISPLAY=:99 npx tsx test/samples/record-firefox-har.ts`
// (needs firefox-esr, xdotool). See README.md beside this file.
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect as tcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemo } from '../../lib/demo/servers';

const out = fileURLToPath(new URL('./firefox-esr.har', import.meta.url));
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const PORT = 2829;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Marionette speaks length-prefixed JSON ("<bytes>:<json>") over TCP: [0, id, command, params] -> [1, id, error, result].
interface Marionette { send(name: string, params?: object): Promise<{ value?: unknown }>; close(): void }
async function marionette(port: number): Promise<Marionette> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      return await new Promise<Marionette>((resolve, reject) => {
        const sock = tcp(port, '127.0.0.1');
        let buf = Buffer.alloc(0);
        let greeted = false;
        let next = 0;
        const pending = new Map<number, { ok: (v: { value?: unknown }) => void; fail: (e: Error) => void }>();
        const client: Marionette = {
          send(name, params = {}) {
            const id = ++next;
            const text = JSON.stringify([0, id, name, params]);
            sock.write(`${Buffer.byteLength(text)}:${text}`);
            return new Promise((ok, fail) => pending.set(id, { ok, fail }));
          },
          close: () => sock.destroy(),
        };
        sock.on('error', reject);
        sock.on('data', (chunk: Buffer) => {
          buf = Buffer.concat([buf, chunk]);
          for (;;) {
            const colon = buf.indexOf(0x3a);
            if (colon < 0) return;
            const len = Number(buf.subarray(0, colon).toString());
            if (buf.length < colon + 1 + len) return;
            const msg = JSON.parse(buf.subarray(colon + 1, colon + 1 + len).toString()) as [number, number, { error: string; message: string } | null, { value?: unknown }];
            buf = buf.subarray(colon + 1 + len);
            if (!greeted) { greeted = true; resolve(client); continue; }
            const waiter = pending.get(msg[1]);
            pending.delete(msg[1]);
            if (msg[2]) waiter?.fail(new Error(`${msg[2].error}: ${msg[2].message}`));
            else waiter?.ok(msg[3]);
          }
        });
      });
    } catch {
      await sleep(300);
    }
  }
  throw new Error(`Marionette did not answer on port ${port}`);
}

async function main(): Promise<void> {
  if (!process.env.DISPLAY) throw new Error('Set DISPLAY (e.g. Xvfb :99 & DISPLAY=:99): the save dialog needs X.');
  const work = mkdtempSync(join(tmpdir(), 'saml-lens-ffhar-'));
  const profile = join(work, 'profile');
  const saved = join(work, 'firefox-esr.har');
  execFileSync('mkdir', ['-p', profile]);
  writeFileSync(join(profile, 'user.js'), [
    ['marionette.port', PORT],
    ['browser.shell.checkDefaultBrowser', false],
    ['browser.startup.homepage_override.mstone', '"ignore"'],
    ['datareporting.policy.dataSubmissionEnabled', false],
    ['browser.aboutwelcome.enabled', false],
    // The flow crosses three page loads; without persistent logs the Network panel keeps only the last one.
    ['devtools.netmonitor.persistlog', true],
    ['devtools.toolbox.footer.height', 450],
  ].map(([k, v]) => `user_pref("${k}", ${v});`).join('\n'));

  const demo = await startDemo({ idleTimeoutMs: 120_000 });
  const firefox = spawn(FIREFOX, ['--no-remote', '--profile', profile, '--marionette', '-remote-allow-system-access', 'about:blank'], {
    stdio: 'ignore',
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  const m = await marionette(PORT);
  try {
    const caps = (await m.send('WebDriver:NewSession', { capabilities: {} })) as unknown as { capabilities: { browserVersion: string } };
    console.log(`Firefox ${caps.capabilities.browserVersion}`);
    const find = async (css: string) => Object.values((await m.send('WebDriver:FindElement', { using: 'css selector', value: css })).value as object)[0] as string;
    const chrome = async (body: string) => {
      await m.send('Marionette:SetContext', { value: 'chrome' });
      const r = await m.send('WebDriver:ExecuteAsyncScript', {
        script: `const done = arguments[arguments.length - 1];
          const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
          const { gDevTools } = require('devtools/client/framework/devtools');
          const win = Services.wm.getMostRecentWindow('navigator:browser');
          (async () => { ${body} })().then(done, (e) => done('ERROR ' + e));`,
        args: [],
        scriptTimeout: 30_000,
      });
      await m.send('Marionette:SetContext', { value: 'content' });
      if (typeof r.value === 'string' && r.value.startsWith('ERROR')) throw new Error(r.value);
      return r.value;
    };

    await m.send('WebDriver:Navigate', { url: demo.startUrl });
    // DevTools' Network panel, opened after the start page so the recording is the sign-in flow only.
    await chrome(`await gDevTools.showToolboxForTab(win.gBrowser.selectedTab, { toolId: 'netmonitor' });`);
    await sleep(1500);
    await m.send('WebDriver:ElementClick', { id: await find('a[data-scenario="ok"]') });
    await m.send('WebDriver:ElementClick', { id: await find('#sign-in') });
    await sleep(1500);
    const landed = (await m.send('WebDriver:GetCurrentURL')).value as string;
    if (!landed.endsWith('/acs')) throw new Error(`flow ended at ${landed}, not the ACS`);

    const before = visibleWindows();
    // The Network panel's own menu: settings gear -> "Save All As HAR" (opens the native save dialog).
    void chrome(`
      const toolbox = gDevTools.getToolboxForTab(win.gBrowser.selectedTab);
      const doc = toolbox.getPanel('netmonitor').panelWin.document;
      doc.querySelector('.netmonitor-settings-menu-button').click();
      for (let i = 0; i < 50 && !toolbox.doc.querySelector('.netmonitor-settings-save-har-item') && !doc.querySelector('.netmonitor-settings-save-har-item'); i++) await new Promise((r) => setTimeout(r, 100));
      (doc.querySelector('.netmonitor-settings-save-har-item') ?? toolbox.doc.querySelector('.netmonitor-settings-save-har-item')).click();
      return 'clicked';`).catch((e: unknown) => console.error(String(e)));
    await answerSaveDialog(before, saved);
    for (let i = 0; i < 50 && !existsSync(saved); i++) await sleep(200);
    if (!existsSync(saved)) throw new Error('Firefox did not write the HAR');
    await sleep(500);
    const har = JSON.parse(readFileSync(saved, 'utf8')) as { log: { creator: { name: string; version: string }; entries: Array<{ request: { method: string; url: string } }> } };
    console.log(`${har.log.creator.name} ${har.log.creator.version}: ${har.log.entries.length} entries`);
    for (const e of har.log.entries) console.log(`  ${e.request.method} ${e.request.url.slice(0, 100)}`);
    copyFileSync(saved, out);
    console.log(`wrote ${out}`);
  } finally {
    m.close();
    firefox.kill();
    await demo.close();
    await sleep(1000);
    rmSync(work, { recursive: true, force: true });
  }
}

/** Visible top-level X windows (no window manager under Xvfb, so the new one is the save dialog). */
function visibleWindows(): string[] {
  try {
    return execFileSync('xdotool', ['search', '--onlyvisible', '--name', '.*'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/** GTK's save dialog: wait for a new window, replace the suggested name with a full path (typed into the focused name field), Enter. */
async function answerSaveDialog(before: string[], path: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    await sleep(300);
    const dialog = visibleWindows().find((w) => !before.includes(w));
    if (!dialog) continue;
    await sleep(1000);
    execFileSync('xdotool', ['key', 'ctrl+a']);
    execFileSync('xdotool', ['type', '--delay', '20', path]);
    await sleep(300);
    execFileSync('xdotool', ['key', 'Return']);
    return;
  }
  throw new Error('no save dialog appeared');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
