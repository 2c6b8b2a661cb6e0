import type { Finding, Severity } from '../../core/model';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Lower is worse: errors sort first. */
export function severityRank(s: Severity | undefined): number {
  return s === undefined ? 3 : RANK[s];
}

export function worstSeverity(findings: readonly Pick<Finding, 'severity'>[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings) if (severityRank(f.severity) < severityRank(worst)) worst = f.severity;
  return worst;
}

/** Errors first, then warnings, then infos; the rule engine's order is kept within one severity. */
export function orderFindings<T extends Pick<Finding, 'severity'>>(findings: readonly T[]): T[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityRank(a.f.severity) - severityRank(b.f.severity) || a.i - b.i)
    .map((x) => x.f);
}

export function countBySeverity(findings: readonly Pick<Finding, 'severity'>[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity] += 1;
  return out;
}
