// A few thousand seeded fuzz cases on every `npm test` (`npm run fuzz` runs 100,000), and every minimised input
// a fuzz run ever failed on. Failing means an exception, an internal-error finding, or over a second of work.
import { describe, expect, it } from 'vitest';
import { cases, check, corpus } from './cases';

const SEED = 20_260_116;
const CASES = 2000;

describe('fuzz', () => {
  it(`survives ${CASES} mutated fixtures (seed ${SEED})`, async () => {
    const failed: string[] = [];
    let n = 0;
    for (const c of cases(SEED, CASES)) {
      n++;
      const failure = await check(c.input);
      if (failure) failed.push(`case ${c.index} (${c.seed}, ${c.mutator}): ${failure.kind}: ${failure.detail.split('\n')[0]}`);
    }
    expect(n).toBe(CASES);
    expect(failed).toEqual([]);
  }, 120_000);

  it('is reproducible: a seed and an index give the same input on every run', () => {
    const twice = [0, 1].map(() => [...cases(SEED, 30)].map((c) => `${c.seed} ${c.mutator} ${c.input.length}`));
    expect(twice[0]).toEqual(twice[1]);
    expect(new Set(twice[0]).size).toBeGreaterThan(20);
  });

  it.each(corpus().map((c) => [c.name, c.input] as const))('replays %s without failing', async (_name, input) => {
    expect(await check(input)).toBeUndefined();
  });
});
