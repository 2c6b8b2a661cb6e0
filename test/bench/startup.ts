// CLI cold start: `saml-lens check` on a typical signed Response as a new process, against a bare
// `node -e 0` started in the same run (alternating, so drift in the machine's speed hits both alike).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDist } from './shipped';

const bin = fileURLToPath(new URL('../../lib/cli/bin.cjs', import.meta.url));

function wall(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface Startup {
  runs: number;
  /** Medians in ms of `node -e 0` and of `saml-lens check`, the CLI with its code cache filled (every start after the first). */
  node: number;
  cli: number;
  /** The CLI's extra ms over a bare node start: median and smallest of the paired differences. */
  extra: number;
  extraMin: number;
  /** The same with the code cache disabled, as the very first start after an install or upgrade. */
  uncachedExtra: number;
  /** `saml-lens --version`'s extra ms (median of paired differences): the launcher and the bundle's load alone. */
  versionExtra: number;
}

/** Measures the CLI as built now (the bundle is rebuilt first, so the figure is never of a stale one). */
export function cliStartup(xml: string, runs = 21): Startup {
  buildDist();
  const dir = mkdtempSync(join(tmpdir(), 'saml-lens-startup-'));
  try {
    const file = join(dir, 'response.xml');
    writeFileSync(file, xml);
    // A cache folder of the bench's own: a cache holds what the run that wrote it compiled, and one written
    // by a test's check of another message (an unsigned one, say) made every later start about 6 ms slower.
    const cached = { ...process.env, XDG_CACHE_HOME: join(dir, 'cache') };
    const uncached = { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' };
    const node: number[] = [];
    const cli: number[] = [];
    const cold: number[] = [];
    const version: number[] = [];
    wall([bin, 'check', file], cached);
    wall([bin, '--version'], cached);
    for (let i = 0; i < runs; i++) {
      node.push(wall(['-e', '0']));
      cli.push(wall([bin, 'check', file], cached));
      version.push(wall([bin, '--version'], cached) - node[i]!);
      if (i % 3 === 0) cold.push(wall([bin, 'check', file], uncached) - node[i]!);
    }
    const extras = cli.map((c, i) => c - node[i]!);
    return { runs, node: median(node), cli: median(cli), extra: median(extras), extraMin: Math.min(...extras), uncachedExtra: median(cold), versionExtra: median(version) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
