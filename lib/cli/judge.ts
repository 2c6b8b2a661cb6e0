import type { AnalyzeOptions, Report } from '../core/model';
import { applyCapturedVerdicts } from '../core/trace/verdicts';
import { analyze } from './core-api';
import type { LoadedInputs } from './load';

/** Analyzes loaded inputs (input problems become trace findings); redacted messages keep their captured verdicts. */
export async function judge(loaded: LoadedInputs, options: AnalyzeOptions): Promise<Report> {
  return applyCapturedVerdicts(await analyze(loaded.entries, options, loaded.problems), loaded.entries, loaded.verdicts);
}
