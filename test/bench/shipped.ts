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

let built = false;

/** Builds dist/ (the package's bundle and the CLI's) once per bench run. */
export function buildDist(): void {
  if (built) return;
  if (spawnSync(process.execPath, [build], { stdio: 'inherit' }).status !== 0) throw new Error('the Node bundle did not build');
  built = true;
}

let loaded: Promise<Core> | undefined;

/** The package's main export as built by buildDist. */
export function shippedCore(): Promise<Core> {
  buildDist();
  loaded ??= import(bundle) as Promise<Core>;
  return loaded;
}
