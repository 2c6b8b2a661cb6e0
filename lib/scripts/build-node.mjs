// Bundles the core (the package's main export) and the CLI for Node, so `npx saml-lens` starts fast
// and `import ... from 'saml-lens'` works without a TypeScript loader. Runs on `npm install` (prepare).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' };
await build({ ...common, entryPoints: ['lib/core/index.ts'], outfile: 'dist/core.js' });
await build({ ...common, entryPoints: ['lib/cli/main.ts'], outfile: 'dist/cli.js' });
