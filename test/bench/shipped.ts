// SAML Lens as it ships to Node users, for the bench to time: dist/core.js, the bundle `npm install` builds
// (lib/scripts/build-node.mjs) and `import ... from 'saml-lens'` loads; the CLI's bundle is built alike. The bench
// itself runs under tsx, which compiles each file with esbuild's keepNames: every function the check creates as
// it runs then gets a `__name` call, and the same warm check took about a fifth longer than in the bundle
// (median of 7 x 300 runs: 0.69-0.70 ms against 0.51-0.58 ms on 2026-12-05). Rebuilt first, so the figures are
// never of a stale bundle.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

type Core = typeof import('../../lib/node/index');

const build = fileURLToPath(new URL('../../lib/scripts/build-node.mjs', import.meta.url));
const bundle = new URL('../../dist/core.js', import.meta.url).href;

let loaded: Promise<Core> | undefined;

/** Builds dist/ (the CLI's bundle too) once per bench run and loads the package's main export. */
export function shippedCore(): Promise<Core> {
  loaded ??= (async () => {
    const built = spawnSync(process.execPath, [build], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the Node bundle did not build');
    return (await import(bundle)) as Core;
  })();
  return loaded;
}
