// Comparing two logins: what changed between the one that works and the one that fails (issue 11).
export { compareReports } from './compare';
export { redactComparison } from './redact';
export { comparisonMarkdown } from './markdown';
export { comparisonView, sideText, valueLines, type ComparisonView, type DifferenceView, type ExplainedFinding } from './view';
export { shortValue } from './headline';
export type {
  Comparison,
  ComparisonSide,
  CompareInput,
  CompareOptions,
  CompareOutcome,
  CompareProblem,
  DiffField,
  Difference,
  Importance,
  OneSidedFinding,
  Pick,
  SameField,
} from './types';
