// Bundles the core (the package's main export) and the CLI for Node, so `npx saml-lens` starts fast
// and `import ... from 'saml-lens'` works without a TypeScript loader. Runs on `npm install` (prepare)
// and before `npm pack`. Dependencies are bundled too (the package has no run-time dependency): some are
// CommonJS with extensionless deep imports that Node's ESM loader refuses, and the banner gives their
// `require` of Node built-ins a home.
//
// The CLI is a CommonJS-style script that lib/cli/bin.cjs compiles itself with a V8 code cache (Node 20
// has no module.enableCompileCache, and ESM cannot take a code cache there): one file read instead of
// the ESM loader's resolve/read/link of each chunk, and no parse or compile of what ran before. Code a
// plain `check` does not need (reports, exports, diffs) is behind dynamic imports, which esbuild turns
// into lazily run module bodies in the same file; three packages it does not need are a second script.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { asImported, lazyPackages } from './esbuild-lazy.mjs';

const local = (path) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning' };

rmSync(local('dist'), { recursive: true, force: true });
await build({
  ...common,
  format: 'esm',
  // The core with Node's synchronous crypto (lib/node/index.ts), under the name the package has always exported.
  entryPoints: { core: 'lib/node/index.ts' },
  outdir: 'dist',
  banner: { js: "import { createRequire as __slCreateRequire } from 'node:module'; const require = __slCreateRequire(import.meta.url);" },
});
// The packages a plain `check` of one message never runs: fflate inflates Redirect-binding messages and
// exports, commander reads help and unusual command lines (lib/cli/spec.ts), parse5 reads HTML pages in
// captures, fast-xml-parser (with its six dependencies, 79 KB of the 630) indents messages in ticket reports
// (lib/core/trace/pretty-xml.ts). They are a second file, dist/cli-lazy.js, that bin.cjs compiles (with its own code cache) only
// when one is first called: a start that does not need them neither reads nor deserialises them.
const LAZY = ['fflate', 'commander', 'parse5', 'fast-xml-parser'];
const LAZY_MODULE = 'saml-lens:lazy';

/** Bundles `entry` as one function expression for bin.cjs and checks what bin.cjs relies on. */
async function buildScript(outName, entry) {
  const out = await build({
    ...common,
    // Not a module Node loads by itself (the package is "type": "module"): one function expression that
    // bin.cjs compiles and calls with CommonJS's arguments. Wrapped here, so bin.cjs compiles the file's text as
    // it was read instead of a copy of it (a copy is a large string in the young heap, and a collection).
    format: 'cjs',
    banner: { js: '(function (exports, require, module, __filename, __dirname) {' },
    footer: { js: '})' },
    // Half the bytes to read at each start.
    minify: true,
    ...entry,
    write: false,
    outdir: 'dist',
    // commander imports child_process for executable sub-commands, which saml-lens has none of; loading it
    // costs every start.
    alias: { 'node:child_process': local('lib/cli/no-child-process.ts') },
  });
  const text = out.outputFiles[0].text;
  const file = `dist/${outName}`;
  // esbuild keeps import() of a Node built-in as it is, and a script run by bin.cjs has no dynamic import.
  if (/\bimport\(/.test(text)) throw new Error(`${file} has a dynamic import(); use process.getBuiltinModule for built-ins`);
  // bin.cjs hands the bundle its own require, which finds Node's built-ins (and the lazy half) and nothing else.
  for (const [, name] of text.matchAll(/\brequire\("([^"]+)"\)/g)) {
    if (!name.startsWith('node:') && !builtinModules.includes(name) && name !== LAZY_MODULE) throw new Error(`${file} requires "${name}", which is not a Node built-in; bundle it`);
  }
  // bin.cjs reads the bundle as latin1: for ASCII text the same string, read without decoding UTF-8, and one
  // byte a character where a single other character makes V8 hold all of it in two.
  if (/[^\0-\x7f]/.test(text)) throw new Error(`${file} has a character outside ASCII near "${/.{0,40}[^\0-\x7f]/.exec(text)?.[0]}"; write it as a \\u escape`);
  // bin.cjs names a code cache after this stamp: V8 checks a cache only against the script's length, and an
  // installed package's files all carry the same modification time.
  const stamp = createHash('sha256').update(text).digest('hex').slice(0, 16);
  writeFileSync(local(file), `// saml-lens cli ${stamp}\n${text}`);
}

await buildScript('cli.js', {
  entryPoints: { cli: 'lib/cli/main.ts' },
  plugins: [lazyPackages(LAZY, { from: LAZY_MODULE })],
  external: [LAZY_MODULE],
});
await buildScript('cli-lazy.js', {
  // Each package's body runs when it is first asked for, as in one bundle: parse5 for a page does not build
  // fflate's tables.
  // The packages' ES builds, as the main bundle imported them (their CommonJS builds differ: fflate's loads
  // worker_threads).
  plugins: [asImported(LAZY)],
  stdin: { contents: `module.exports = { ${LAZY.map((name) => `'${name}': () => require('${name}')`).join(', ')} };`, resolveDir: local('.'), sourcefile: 'lazy.js' },
});
