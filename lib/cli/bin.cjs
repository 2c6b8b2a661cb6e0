#!/usr/bin/env node
// Launches the bundled CLI (dist/cli.js, a CommonJS-style script, see lib/scripts/build-node.mjs) with a V8
// code cache kept in the user's cache folder: Node 20 has no module.enableCompileCache, and compiling the
// bundle is a large part of a cold start. Only a folder of the user's own is used: V8 checks a cache against
// the script's length, not its content, so a cache another user could write would run their code. Without a
// writable folder, or with NODE_DISABLE_COMPILE_CACHE set, the CLI runs uncached.
// CommonJS, not ESM: Node's ESM loader costs a start several ms, and its facade of node:fs reads every
// export, which loads the whole stream stack.
// The bundle is two files: dist/cli.js, and dist/cli-lazy.js with the packages a plain check never runs
// (lib/scripts/build-node.mjs), compiled with a cache of its own the first time the bundle asks for it.
'use strict';
const { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', '..', 'dist');
// One buffer for both reads, with room for a cache a little larger than the bundle: the bundle's bytes are
// copied into its string at once, so the cache is read into pages already touched (fresh pages cost a start
// a fault each).
let scratch;
/** The file's bytes (in the shared buffer) and when it was last modified, from the one fstat. */
function readWhole(path) {
  const fd = openSync(path, 'r');
  try {
    const { size, mtimeMs } = fstatSync(fd);
    if (!scratch || scratch.length < size) scratch = Buffer.allocUnsafeSlow(Math.ceil(size * 1.5));
    let got = 0;
    for (let n = 1; n > 0 && got < size; got += n) n = readSync(fd, scratch, got, size - got, got);
    return { bytes: scratch.subarray(0, got), mtimeMs };
  } finally {
    closeSync(fd);
  }
}

// V8 also refuses a cache made under other flags: each set of flags (NODE_OPTIONS too) gets its own file.
let flags = 0x811c9dc5;
for (const c of `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`) flags = Math.imul(flags ^ c.charCodeAt(0), 0x01000193) >>> 0;
// A cache holds what its own run compiled: had a first `--version` or `--help` written the only one, every
// check after it would compile the analysis again. Each command keeps its own.
const kind = ['check', 'convert', 'diff'].includes(process.argv[2]) ? process.argv[2] : 'other';

function cacheFolder() {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  // HOME first, as os.homedir() itself does; node:os is loaded only without it (a start saves its load).
  const home = (process.platform !== 'win32' && process.env.HOME) || require('node:os').homedir();
  const base =
    process.platform === 'win32'
      ? process.env.LOCALAPPDATA
      : process.platform === 'darwin'
        ? join(home, 'Library', 'Caches')
        : process.env.XDG_CACHE_HOME || join(home, '.cache');
  return base ? join(base, 'saml-lens') : undefined;
}

/** Only a folder of this user's that nobody else can write to (POSIX); anything else, no cache. */
function ours(path) {
  if (process.platform === 'win32') return true;
  const s = statSync(path);
  return s.isDirectory() && s.uid === process.getuid() && (s.mode & 0o022) === 0;
}

const folder = cacheFolder();
let usable = false;
try {
  usable = Boolean(folder) && ours(folder);
} catch {
  // No folder yet: made when the first cache is written.
}

/** The scripts compiled in this run, with the cache each was given, for saveCaches. */
const compiled = [];

// A cache holds only what the run that wrote it compiled: after a first check of an unsigned message, every
// signed one compiled the signature code again (about 6 ms a start). Once a day the cache is written again,
// with what it held and what that run compiled (12 ms, once).
const REFRESH_MS = 24 * 60 * 60 * 1000;

/** Compiles and runs one file of the bundle with its code cache (`part` names the cache); returns its exports. */
function load(file, part) {
  const path = join(dist, file);
  // The build keeps the bundle ASCII: latin1 gives the same text without a UTF-8 decode or a two-byte copy.
  const source = readWhole(path).bytes.latin1Slice();
  // Named for the file's content (the stamp the build puts on its first line) and the Node that compiled
  // it, so a new version of either starts a fresh cache.
  const stamp = /^\/\/ saml-lens cli (\w+)/.exec(source)?.[1];
  const name = stamp && `cli-${stamp}-${part}-${process.version}-${process.arch}-${flags.toString(16)}.v8`;
  let cached;
  let stale = false;
  try {
    if (usable && name) {
      const file = readWhole(join(folder, name));
      cached = file.bytes;
      stale = Date.now() - file.mtimeMs > REFRESH_MS;
    }
  } catch {
    // No cache yet: compile from source and write one after the run.
  }
  const script = new Script(source, { filename: path, cachedData: cached });
  compiled.push({ script, name, cached: Boolean(cached), stale });
  const module = { exports: {} };
  // The bundle requires only Node's built-ins and its lazy half (lib/scripts/build-node.mjs checks); this
  // file's own require resolves the built-ins as well as one made for the bundle's path: node:module and its
  // ESM loader stay unloaded.
  script.runInThisContext()(module.exports, bundleRequire, module, path, dist);
  return module.exports;
}

let lazy;
function bundleRequire(id) {
  return id === 'saml-lens:lazy' ? (lazy ??= load('cli-lazy.js', `lazy-${kind}`)) : require(id);
}

/** Writes the code compiled during this run, so the next start skips compiling it; failing quietly. */
function saveCaches() {
  const fresh = compiled.filter((c) => c.name && (!c.cached || c.stale || c.script.cachedDataRejected));
  if (!folder || fresh.length === 0) return;
  try {
    if (!usable) {
      // Two plain mkdirs, not { recursive: true }: Node's recursive mkdir loops forever where mkdir answers
      // ENOENT for a parent that exists (/proc).
      try {
        mkdirSync(folder, { mode: 0o700 });
      } catch (err) {
        if (err?.code !== 'ENOENT') throw err;
        mkdirSync(dirname(folder), { mode: 0o700 });
        mkdirSync(folder, { mode: 0o700 });
      }
      if (!ours(folder)) return;
    }
    for (const { script, name } of fresh) {
      const tmp = join(folder, `${name}.${process.pid}.tmp`);
      writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
      renameSync(tmp, join(folder, name));
    }
    // Keeps the caches of a version or two more (a global and a project's own install may alternate), drops
    // older ones.
    const names = new Set(compiled.map((c) => c.name));
    const others = readdirSync(folder)
      .filter((f) => f.startsWith('cli-') && !names.has(f))
      .map((f) => ({ f, t: statSync(join(folder, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { f } of others.slice(23)) unlinkSync(join(folder, f));
  } catch {
    // A read-only or full disk only costs the next start its speed.
  }
}

function failed(err) {
  if (err?.code === 'ENOENT' && err.path?.startsWith(dist)) {
    process.stderr.write('saml-lens: not built yet; run `npm install` (or `npm run build:node`) in the repository first.\n');
  } else {
    process.stderr.write(`saml-lens: internal error: ${err?.message ?? err}\n`);
  }
  process.exitCode = 2;
}

try {
  const bundle = load('cli.js', kind);
  bundle.main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
    saveCaches();
    // Ending here instead of when the event loop empties skips freeing the heap piece by piece (a few ms of
    // every start); only once all output has been handed to the operating system.
    if (bundle.outputFlushed()) process.exit(code);
  }, failed);
} catch (err) {
  failed(err);
}
