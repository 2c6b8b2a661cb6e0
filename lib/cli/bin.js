#!/usr/bin/env node
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('saml-lens: not built yet; run `npm install` (or `npm run build:node`) in the repository first.\n');
  process.exit(2);
}
// Node 22.1+ can keep the compiled bundle on disk between runs; a cold start then skips most compiling.
module.enableCompileCache?.();
try {
  const { main } = await import(cli);
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`saml-lens: internal error: ${err?.message ?? err}\n`);
  process.exitCode = 2;
}
