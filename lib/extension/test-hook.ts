import type { AnalyzeOptions, Report, TraceEntry } from '../core/model';
import { analyze } from '../core/analyze';

/**
 * Lets the end-to-end tests run the judge exactly as bundled in this page or worker, to compare its
 * verdicts with Node's (test/e2e/verify-in-browser.test.ts). Harmless: it only analyses what the caller
 * passes in and reads nothing captured.
 */
export interface VerifyHook {
  verify(entries: TraceEntry[], options?: AnalyzeOptions): Promise<Report>;
}

export const verifyHook: VerifyHook = { verify: (entries, options) => analyze(entries, options) };

/** `globalThis.samlLens` in extension pages (the worker's handle carries `verify` itself). */
export function exposeVerifyHook(): void {
  const g = globalThis as { samlLens?: object };
  g.samlLens = { ...g.samlLens, ...verifyHook };
}
