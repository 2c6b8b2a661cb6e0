// CLI cold start: `saml-lens check` on a typical signed Response as a new process, against a bare
// `node -e 0` started in the same run (alternating, so drift in the machine's speed hits both alike).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../lib/cli/bin.js', import.meta.url));

function wall(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Returns the extra milliseconds the CLI costs over a bare node start (median of paired runs). */
export function cliStartup(xml: string, runs = 21): { node: number; cli: number; extra: number } {
  const dir = mkdtempSync(join(tmpdir(), 'saml-lens-startup-'));
  try {
    const file = join(dir, 'response.xml');
    writeFileSync(file, xml);
    const node: number[] = [];
    const cli: number[] = [];
    wall([bin, 'check', file]);
    for (let i = 0; i < runs; i++) {
      node.push(wall(['-e', '0']));
      cli.push(wall([bin, 'check', file]));
    }
    return { node: median(node), cli: median(cli), extra: median(cli.map((c, i) => c - node[i]!)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
