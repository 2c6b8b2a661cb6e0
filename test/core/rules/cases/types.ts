import type { AnalyzeOptions, Severity, TraceEntry } from '../../../../lib/core/model';

/** One input to analyze: trace entries, or text read like the CLI reads a file. */
export interface Case {
  entries?: () => TraceEntry[];
  text?: () => string;
  options?: AnalyzeOptions;
}

/** For one rule: an input that fires it (with the severity expected) and a close one that does not. */
export interface RuleCase {
  fires: Case;
  severity: Severity;
  /** Something the message must say (the offending value, what was compared). */
  says?: RegExp;
  quiet: Case;
}
