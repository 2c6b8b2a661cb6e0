// Bundles the core (the package's main export) and the CLI for Node, so `npx saml-lens` starts fast
// and `import ... from 'saml-lens'` works without a TypeScript loader. Runs on `npm install` (prepare).
// Dependencies are bundled too: some are CommonJS with extensionless deep imports that Node's ESM
// loader refuses, and the banner gives their `require` of Node built-ins a home.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __slCreateRequire } from 'node:module'; const require = __slCreateRequire(import.meta.url);" },
};
await build({ ...common, entryPoints: ['lib/core/index.ts'], outfile: 'dist/core.js' });
await build({ ...common, entryPoints: ['lib/cli/main.ts'], outfile: 'dist/cli.js' });
