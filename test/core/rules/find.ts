import type { Finding, Report } from '../../../lib/core/model';

/** Every finding of the report, message-level and trace-level. */
export function allFindings(report: Report): Finding[] {
  return [...report.messages.flatMap((m) => m.findings), ...report.findings];
}

export function findingsOf(report: Report, slug: string): Finding[] {
  return allFindings(report).filter((f) => f.rule === slug);
}

export function errors(report: Report): Finding[] {
  return allFindings(report).filter((f) => f.severity === 'error');
}
