import type { AnalyzeOptions, Finding, Report } from '../core/model';
import { applyCapturedVerdicts } from '../core/trace';
import { analyze, findingFromProblem } from './core-api';
import type { LoadedInputs } from './load';

/** Analyzes loaded inputs; input problems become trace findings; redacted messages keep their captured verdicts. */
export async function judge(loaded: LoadedInputs, options: AnalyzeOptions): Promise<Report> {
  const report = applyCapturedVerdicts(await analyze(loaded.entries, options), loaded.entries, loaded.verdicts);
  const inputFindings: Finding[] = loaded.problems.map((p) => findingFromProblem(p, options.profile));
  if (inputFindings.length) {
    report.findings.unshift(...inputFindings);
    for (const f of inputFindings) report.summary[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos']++;
  }
  return report;
}
