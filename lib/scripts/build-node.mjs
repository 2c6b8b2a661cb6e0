// Bundles the core (the package's main export) and the CLI for Node, so `npx saml-lens` starts fast
// and `import ... from 'saml-lens'` works without a TypeScript loader. Runs on `npm install` (prepare)
// and before `npm pack`. Dependencies are bundled too (the package has no run-time dependency): some are
// CommonJS with extensionless deep imports that Node's ESM loader refuses, and the banner gives their
// `require` of Node built-ins a home. Code only a report or a conversion needs is split into chunks
// loaded on demand, so a plain `check` compiles less at start-up.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const local = (path) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

rmSync(local('dist'), { recursive: true, force: true });
await build({
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  entryPoints: { core: 'lib/core/index.ts', cli: 'lib/cli/main.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  // commander imports child_process for executable sub-commands, which saml-lens has none of; loading it
  // costs every start.
  alias: { 'node:child_process': local('lib/cli/no-child-process.ts') },
  banner: { js: "import { createRequire as __slCreateRequire } from 'node:module'; const require = __slCreateRequire(import.meta.url);" },
});
