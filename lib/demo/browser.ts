import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

export interface LaunchedBrowser {
  child: ChildProcess;
  profileDir: string;
  /** Removes the throw-away profile; safe to call more than once, and after the browser has gone. */
  cleanUp(): void;
}

/** A browser on a fresh profile that the caller removes when the demo ends (none is left in the temp folder). */
export function launchBrowser(executable: string, extensionDir: string, url: string): LaunchedBrowser {
  const profileDir = mkdtempSync(join(tmpdir(), 'saml-lens-demo-'));
  const child = spawn(executable, browserArgs(extensionDir, profileDir, url), { stdio: 'ignore' });
  const cleanUp = () => rmSync(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  return { child, profileDir, cleanUp };
}
