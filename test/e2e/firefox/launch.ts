// Starts Debian's firefox-esr headless on a profile of its own, with Marionette on a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Marionette } from './marionette';

export const FIREFOX = '/usr/bin/firefox-esr';

/** The add-on's id (wxt.config.ts) and the moz-extension:// host we make Firefox give it. */
export const ADDON_ID = 'saml-lens@example.org';
export const ADDON_UUID = '5a3f1e2c-8b4d-4c6e-9f01-2d3c4b5a6e7f';

const PREFS: Record<string, string | number | boolean> = {
  // Marionette on a free port; Firefox writes the port it took to MarionetteActivePort in the profile.
  'marionette.port': 0,
  // ESR honours this (release builds do not): an unsigned build installs like the signed one users get.
  'xpinstall.signatures.required': false,
  // A known extension host, so pages can be opened by URL (Firefox otherwise picks a random UUID).
  'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
  'extensions.autoDisableScopes': 0,
  'extensions.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.page': 0,
  'browser.aboutwelcome.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'browser.sessionstore.resume_from_crash': false,
  // The machine has no network but the loopback: nothing of Firefox's own should try to go out.
  'network.connectivity-service.enabled': false,
  'network.captive-portal-service.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'app.update.disabledForTesting': true,
};

export interface RunningFirefox {
  client: Marionette;
  process: ChildProcess;
  profileDir: string;
  /** Asks Firefox to quit as a person would (profile written to disk) and waits for the process to end. */
  quit(): Promise<void>;
}

export function writeProfile(profileDir: string): void {
  mkdirSync(profileDir, { recursive: true });
  const lines = Object.entries(PREFS).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`);
  writeFileSync(join(profileDir, 'user.js'), `${lines.join('\n')}\n`);
}

export async function startFirefox(profileDir: string): Promise<RunningFirefox> {
  if (!existsSync(join(profileDir, 'user.js'))) writeProfile(profileDir);
  const portFile = join(profileDir, 'MarionetteActivePort');
  rmSync(portFile, { force: true });
  const log: string[] = [];
  const child = spawn(FIREFOX, ['-headless', '-marionette', '-remote-allow-system-access', '-no-remote', '-profile', profileDir], {
    env: { ...process.env, MOZ_HEADLESS: '1', MOZ_CRASHREPORTER_DISABLE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const s of [child.stdout, child.stderr]) s?.on('data', (d: Buffer) => log.push(d.toString()));
  // A test run that ends without quitting (a failed hook, an interrupted run) takes its Firefox with it.
  const orphaned = () => child.kill('SIGKILL');
  process.once('exit', orphaned);
  const exited = new Promise<void>((r) =>
    child.once('exit', () => {
      process.off('exit', orphaned);
      r();
    }),
  );
  let port = 0;
  for (const deadline = Date.now() + 60_000; !port; ) {
    if (child.exitCode !== null) throw new Error(`firefox-esr exited with ${child.exitCode}:\n${log.join('')}`);
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`firefox-esr did not open Marionette within 60 s:\n${log.join('').slice(-4000)}`);
    }
    if (existsSync(portFile)) port = Number(readFileSync(portFile, 'utf8').trim());
    if (!port) await new Promise((r) => setTimeout(r, 200));
  }
  const client = await Marionette.connect(port);
  await client.send('WebDriver:NewSession', { strictFileInteractability: true });
  return {
    client,
    process: child,
    profileDir,
    async quit() {
      await client.send('Marionette:Quit', { flags: ['eAttemptQuit'] }).catch(() => undefined);
      client.close();
      const killed = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killed);
    },
  };
}
