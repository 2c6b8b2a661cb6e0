// The fuzz cases of one seed number: deterministic, so a failure is reproduced from (seed, index) alone.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { check, type Failure } from './check';
import { MUTATORS } from './mutators';
import { Rng } from './prng';
import { loadSeeds, type Seed } from './seeds';

export const CORPUS = fileURLToPath(new URL('./corpus/', import.meta.url));

export interface Case {
  index: number;
  seed: string;
  mutator: string;
  input: string;
}

/** Case `index` of run `seed`: a fixture, then one to three mutations of it. */
export function* cases(seed: number, count: number, seeds: Seed[] = loadSeeds()): Generator<Case> {
  for (let index = 0; index < count; index++) {
    const rng = new Rng((seed * 1_000_003 + index) >>> 0);
    const base = rng.pick(seeds);
    let current: Seed = base;
    const names: string[] = [];
    for (let n = 1 + (rng.chance(0.3) ? rng.int(3) : 0); n > 0; n--) {
      const usable = MUTATORS.filter((m) => m.applies(current));
      const m = rng.pick(usable);
      names.push(m.name);
      current = { ...current, text: m.mutate(rng, current), kind: m.name === 'base64' || m.name === 'deflate' ? 'text' : current.kind === 'har' && m.name !== 'har-types' ? 'text' : current.kind };
    }
    yield { index, seed: base.name, mutator: names.join('+'), input: current.text };
  }
}

/**
 * A smaller input with the same kind of failure (delta debugging over chunks, then characters), within a budget
 * of attempts so a slow case cannot stall the run.
 */
export async function minimise(input: string, failure: Failure, attempts = 400): Promise<string> {
  let best = input;
  let chunk = Math.max(1, Math.floor(best.length / 2));
  while (chunk >= 1 && attempts > 0) {
    let shrunk = false;
    for (let at = 0; at < best.length && attempts > 0; at += chunk) {
      const candidate = best.slice(0, at) + best.slice(at + chunk);
      attempts--;
      if ((await check(candidate))?.kind === failure.kind) {
        best = candidate;
        shrunk = true;
        at -= chunk;
      }
    }
    if (!shrunk) chunk = Math.floor(chunk / 2);
  }
  return best;
}

/** Keeps a minimised failing input as a corpus file, named by kind and content hash; returns its name. */
export function keep(input: string, failure: Failure): string {
  mkdirSync(CORPUS, { recursive: true });
  const name = `${failure.kind}-${createHash('sha256').update(input).digest('hex').slice(0, 12)}.txt`;
  writeFileSync(CORPUS + name, input);
  return name;
}

export function corpus(): Array<{ name: string; input: string }> {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, input: readFileSync(CORPUS + name, 'utf8') }));
}

export { check };
