import type { Finding, Report } from '../../../lib/core/model';

/**
 * Every finding of the report, message-level and trace-level, a grouped finding (issue 9) given as its instances:
 * rule tests check what each check raised, where; test/core/verdict checks the grouping.
 */
export function allFindings(report: Report): Finding[] {
  return [...report.messages.flatMap((m) => m.findings), ...report.findings].flatMap((f) =>
    f.instances ? f.instances.map((i) => ({ ...i, rule: f.rule, ...(f.causedBy ? { causedBy: f.causedBy } : {}) })) : [f],
  );
}

export function findingsOf(report: Report, slug: string): Finding[] {
  return allFindings(report).filter((f) => f.rule === slug);
}

export function errors(report: Report): Finding[] {
  return allFindings(report).filter((f) => f.severity === 'error');
}
