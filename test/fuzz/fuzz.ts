// `npm run fuzz [-- --seed N --cases N]`: runs the seeded fuzz cases (100,000 by default), prints each failure
// and keeps it, minimised, in test/fuzz/corpus/ (replayed by test/fuzz/fuzz.test.ts).
import { performance } from 'node:perf_hooks';
import { cases, check, keep, minimise } from './cases';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 0) {
    console.error(`--${name} needs a whole number`);
    process.exit(2);
  }
  return v;
}

const seed = option('seed', 1);
const count = option('cases', 100_000);
const t0 = performance.now();
let failures = 0;
for (const c of cases(seed, count)) {
  const failure = await check(c.input);
  if (failure) {
    failures++;
    const small = await minimise(c.input, failure);
    const file = keep(small, failure);
    console.log(`FAIL case ${c.index} (seed ${seed}, ${c.seed}, ${c.mutator}): ${failure.kind}: ${failure.detail.split('\n')[0]}`);
    console.log(`  minimised from ${c.input.length} to ${small.length} characters: test/fuzz/corpus/${file}`);
  }
  if ((c.index + 1) % 500 === 0) console.log(`${c.index + 1} cases, ${failures} failures, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
console.log(`${count} cases with seed ${seed}: ${failures} failures in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
process.exitCode = failures ? 1 : 0;
