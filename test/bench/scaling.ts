// Timing for the "bounded time" checks (issue 17, class 11): CPU time, least of a few runs, and how it grows.

/**
 * CPU milliseconds this process has used (garbage collector threads included). Less disturbed than wall time
 * when other processes share the cores, which is what matters for a ratio measured on a busy machine.
 */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The least CPU time of `runs` calls of `fn` (one call when a single one already takes `budgetMs`). */
export async function leastTime(fn: () => unknown, runs = 3, budgetMs = 1500): Promise<number> {
  let best = Infinity;
  let spent = 0;
  for (let i = 0; i < runs && spent < budgetMs; i++) {
    const t0 = cpuMs();
    await fn();
    const t = cpuMs() - t0;
    best = Math.min(best, t);
    spent += t;
  }
  return best;
}

export interface Scaling {
  small: number;
  large: number;
  /** large / small: about 10 for linear work on 10x the input, about 100 for quadratic. */
  ratio: number;
}

/**
 * How the time of `run` grows from `small` to `large` input (built beforehand, not timed). Warms up on the
 * large input first, so both sizes run on a heap already grown to fit it. A small input is timed over
 * `repeat` calls (divided back), so that a run of a fraction of a millisecond is still measured, not noise.
 */
export async function scaling<T>(run: (input: T) => unknown, small: T, large: T, runs = 5, repeat = 1): Promise<Scaling> {
  await run(large);
  await run(small);
  const s =
    (await leastTime(async () => {
      for (let i = 0; i < repeat; i++) await run(small);
    }, runs)) / repeat;
  const l = await leastTime(() => run(large), runs);
  return { small: s, large: l, ratio: l / Math.max(s, 0.05) };
}
