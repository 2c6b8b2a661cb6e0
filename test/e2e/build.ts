// Builds the extension for the end-to-end tests and the benchmark, and measures what the build holds.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const extensionDir = join(root, '.output/chrome-mv3');
/** The Firefox build (`npm run build:firefox`), and the same packed as an .xpi to install permanently. */
export const firefoxDir = join(root, '.output/firefox-mv2');
export const firefoxXpi = join(root, '.output/firefox-xpi/saml-lens.xpi');

export type Target = 'chrome' | 'firefox';

const SOURCES = ['entrypoints', 'lib/extension', 'lib/ui', 'lib/core', 'public', 'wxt.config.ts', 'package.json'];

function newest(path: string): number {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const st = statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(full).reduce((max, name) => Math.max(max, newest(join(path, name))), st.mtimeMs);
}

/**
 * Builds the extension unless its output is newer than every source; for Firefox, also packs the .xpi.
 * One builder at a time (the Chromium and Firefox tests run in parallel and WXT clears .output/.wxt).
 */
export async function ensureBuilt(target: Target = 'chrome'): Promise<void> {
  const output = target === 'chrome' ? join(extensionDir, 'manifest.json') : firefoxXpi;
  const fresh = () => existsSync(output) && statSync(output).mtimeMs >= Math.max(...SOURCES.map(newest));
  if (fresh()) return;
  mkdirSync(join(root, '.output'), { recursive: true });
  const lock = join(root, '.output/.e2e-build-lock');
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 120_000 || Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (fresh()) return;
    const run = spawnSync('npx', ['wxt', 'build', ...(target === 'firefox' ? ['-b', 'firefox'] : [])], { cwd: root, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`wxt build failed:\n${run.stdout}\n${run.stderr}`);
    if (target === 'firefox') {
      const xpi = dirname(firefoxXpi);
      const pack = spawnSync('npx', ['web-ext', 'build', '--source-dir', firefoxDir, '--artifacts-dir', xpi, '--filename', basename(firefoxXpi), '--overwrite-dest'], { cwd: root, encoding: 'utf8' });
      if (pack.status !== 0) throw new Error(`web-ext build failed:\n${pack.stdout}\n${pack.stderr}`);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The verifier as the extension pages load it: wxt.config.ts puts lib/core/signature, lib/core/xml,
 * xml-crypto's canonicaliser, xmldom and the hashes into `chunks/verifier-<hash>.js`. Throws when the
 * chunk is missing or not unique, so a changed build layout cannot quietly measure nothing.
 */
export function verifierChunk(dir = extensionDir): { file: string; bytes: number; gzipBytes: number } {
  const chunks = join(dir, 'chunks');
  const found = existsSync(chunks) ? readdirSync(chunks).filter((f) => /^verifier-[\w-]+\.js$/.test(f)) : [];
  if (found.length !== 1) throw new Error(`expected one chunks/verifier-*.js in ${dir}, found ${found.length}`);
  const code = readFileSync(join(chunks, found[0]!));
  return { file: `chunks/${found[0]}`, bytes: code.length, gzipBytes: gzipSync(code).length };
}
