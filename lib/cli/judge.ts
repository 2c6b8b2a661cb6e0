import type { AnalyzeOptions, Problem, Report } from '../core/model';
import { analyze } from './core-api';
import type { LoadedInputs } from './load';

/**
 * Analyzes loaded inputs: what the reader noticed and the notes about saved settings become trace findings.
 * Redacted messages are judged by analyze itself (their captured verdicts are claims, shown as such).
 */
export async function judge(loaded: LoadedInputs, options: AnalyzeOptions, notes: Problem[] = []): Promise<Report> {
  return analyze(loaded.entries, options, [...loaded.problems, ...notes]);
}
