// What `saml-lens check` and `convert` do with one input, minus reading the file: for timing in memory.
import { formatJson } from '../../lib/cli/format-json';
import { ruleDoc } from '../../lib/cli/core-api';
import { judge } from '../../lib/cli/judge';
import { addInput, emptyInputs, type LoadedInputs } from '../../lib/cli/load';
import type { AnalyzeOptions, Report } from '../../lib/core/model';
import { exportEntries, reportHtml, reportMarkdown, type RedactionProfile } from '../../lib/core/trace';

export type Output = 'json' | 'har' | 'trace' | 'saml-tracer' | 'markdown' | 'html';
export const EXPORTS: Output[] = ['har', 'trace', 'saml-tracer', 'markdown', 'html'];

export interface Judged {
  loaded: LoadedInputs;
  report: Report;
}

/** `check --json`: read, judge, write the JSON report. */
export async function judgeText(text: string, options: AnalyzeOptions = {}): Promise<Judged & { json: string }> {
  const loaded = emptyInputs();
  addInput(loaded, 'input', text);
  const report = await judge(loaded, options);
  return { loaded, report, json: formatJson(report, { includeXml: false, inputs: loaded.names, rule: ruleDoc }) };
}

/** `convert --to har|trace|saml-tracer` or `check --format markdown|html` (`--redact`: `profile`) on an input already judged. */
export function exportJudged({ loaded, report }: Judged, to: Output, profile: RedactionProfile = 'support'): string {
  if (to === 'json') return formatJson(report, { includeXml: false, inputs: loaded.names, rule: ruleDoc });
  if (to === 'markdown') return reportMarkdown(report, { profile });
  if (to === 'html') return reportHtml(report, { profile });
  return exportEntries(loaded.entries, { format: to, profile, report }).text;
}
