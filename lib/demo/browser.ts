import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

const CANDIDATES: Record<string, string[]> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: [
    join(process.env.LOCALAPPDATA ?? '', 'Chromium/Application/chrome.exe'),
    join(process.env.PROGRAMFILES ?? 'C:/Program Files', 'Google/Chrome/Application/chrome.exe'),
    join(process.env['PROGRAMFILES(X86)'] ?? 'C:/Program Files (x86)', 'Google/Chrome/Application/chrome.exe'),
  ],
};

/** SAML_LENS_BROWSER wins; otherwise the first Chromium or Chrome found in the usual places. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.SAML_LENS_BROWSER;
  if (chosen) return chosen;
  return (CANDIDATES[process.platform] ?? []).find((path) => path && existsSync(path));
}

/** Flags for a throw-away profile with the unpacked extension loaded and DevTools opened on every tab. */
export function browserArgs(extensionDir: string, profileDir: string, url: string): string[] {
  const args = [
    `--user-data-dir=${profileDir}`,
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    // Branded Google Chrome 137+ ignores --load-extension unless this feature is disabled.
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    '--auto-open-devtools-for-tabs',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  // Chromium refuses to start as root with its sandbox on (containers, CI).
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  args.push(url);
  return args;
}

/** Windows has no process groups: there only the main process is waited for. */
const GROUPS = process.platform !== 'win32';

export interface LaunchedBrowser {
  child: ChildProcess;
  profileDir: string;
  /**
   * Asks the browser to quit, waits for all its processes to exit (SIGKILL after `graceMs`), then removes the
   * profile. Removing it while the browser still writes there leaves files behind, or fails with ENOTEMPTY.
   */
  stop(graceMs?: number): Promise<void>;
}

/** A browser on a fresh profile that `stop()` removes when the demo ends (none is left in the temp folder). */
export function launchBrowser(executable: string, extensionDir: string, url: string): LaunchedBrowser {
  const profileDir = mkdtempSync(join(tmpdir(), 'saml-lens-demo-'));
  // Its own process group, so that the helpers (network service, renderers), which outlive the main process
  // by a moment and write into the profile, can be waited for and, if need be, killed.
  const child = spawn(executable, browserArgs(extensionDir, profileDir, url), { stdio: 'ignore', detached: GROUPS });
  // Never throws: a failed removal must not turn the demo's ending into a stack trace.
  const cleanUp = () => {
    for (const dir of [singletonDir(profileDir), profileDir]) {
      if (!dir) continue;
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
      } catch (error) {
        console.error(`Could not remove the browser profile ${dir}: ${(error as Error).message}`);
      }
    }
  };
  const stop = async (graceMs = 5_000) => {
    if (running(child)) {
      // The main process alone: it closes its helpers and writes the profile in order.
      child.kill('SIGTERM');
      if (!(await gone(child, graceMs))) {
        kill(child, 'SIGKILL');
        await gone(child, 2_000);
      }
    }
    cleanUp();
  };
  return { child, profileDir, stop };
}

/** Whether any of the browser's processes is left. */
function running(child: ChildProcess): boolean {
  if (child.pid === undefined) return false; // it never started
  if (!GROUPS) return child.exitCode === null && child.signalCode === null;
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function kill(child: ChildProcess, signal: NodeJS.Signals): void {
  if (GROUPS && child.pid !== undefined) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Gone in the meantime.
    }
  } else child.kill(signal);
}

/** Whether the browser's processes have all ended within `ms`. */
async function gone(child: ChildProcess, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (running(child)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/**
 * The folder in the temp folder where Chromium keeps the profile's single-instance socket, named by the
 * profile's SingletonSocket link (`org.chromium.Chromium.*`, Chrome's `.com.google.Chrome.*`): a browser
 * stopped by a signal leaves it behind.
 */
function singletonDir(profileDir: string): string | undefined {
  try {
    const dir = dirname(readlinkSync(join(profileDir, 'SingletonSocket')));
    return dirname(dir) === tmpdir() && /^\.?(org\.chromium\.Chromium|com\.google\.Chrome)\.\w+$/.test(basename(dir)) ? dir : undefined;
  } catch {
    return undefined; // no link: another platform, or the browser removed it itself
  }
}
