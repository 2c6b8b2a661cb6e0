import type { AnalyzeOptions, Report, TraceEntry } from '../core/model';
import { analyze } from '../core/analyze';
import { measureStages, type Sampling, type StageTimings } from '../core/timing/stages';

/**
 * Lets the end-to-end tests run the judge exactly as bundled in this page or worker, to compare its
 * verdicts with Node's (test/e2e/verify-in-browser.test.ts) and to time it where it runs
 * (test/e2e/speed.test.ts). Harmless: it only analyses what the caller passes in and reads nothing captured.
 */
export interface VerifyHook {
  verify(entries: TraceEntry[], options?: AnalyzeOptions): Promise<Report>;
  /** Where the full check's time goes on one pasted message, in this context (median of `runs` warm samples, ms). */
  timings(text: string, options: AnalyzeOptions, runs: number, sampling?: Sampling): Promise<StageTimings>;
}

export const verifyHook: VerifyHook = {
  verify: (entries, options) => analyze(entries, options),
  timings: (text, options, runs, sampling) => measureStages(text, options, () => performance.now(), runs, sampling),
};

/** `globalThis.samlLens` in extension pages (the worker's handle carries `verify` itself). */
export function exposeVerifyHook(): void {
  const g = globalThis as { samlLens?: object };
  g.samlLens = { ...g.samlLens, ...verifyHook };
}
