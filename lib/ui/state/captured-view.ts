import type { Report, TraceEntry } from '../../core/model';
import { applyCapturedVerdicts, type TraceVerdict } from '../../core/trace';

/** What redaction itself causes on a signed message: the digest no longer matches. Nothing about the IdP. */
const CAUSED_BY_REDACTION = new Set(['signature-invalid']);

export const NO_CAPTURED_VERDICT =
  'Redacted after capture and no verdict was stored with it: the signed bytes changed, so this signature cannot be checked any more.';

/**
 * A report over loaded entries as a person should read it. Redacted entries show the verdicts captured
 * before redaction (stored per entry, or in a native trace's `verdicts`). A redacted entry that carries no
 * captured verdict at all shows its signatures as not checked, never as broken: the redaction changed them.
 */
export function withCapturedVerdicts(report: Report, entries: readonly TraceEntry[], stored: readonly TraceVerdict[] = []): Report {
  const applied = applyCapturedVerdicts(report, [...entries], [...stored]);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const hasStored = new Set(stored.map((v) => `${v.entry}\u0000${v.parameter}`));
  let changed = false;
  const messages = applied.messages.map((m) => {
    const entry = byId.get(m.entry);
    if (!entry?.redacted) return m;
    const captured = entry.capturedSignatures?.some((c) => c.parameter === m.parameter) || hasStored.has(`${m.entry}\u0000${m.parameter}`);
    if (captured) return m;
    changed = true;
    return {
      ...m,
      signatures: m.signatures.map((s) => ({ ...s, status: 'unchecked' as const, reason: NO_CAPTURED_VERDICT })),
      findings: m.findings.filter((f) => !CAUSED_BY_REDACTION.has(f.rule)),
    };
  });
  if (!changed) return applied;
  const all = [...applied.findings, ...messages.flatMap((m) => m.findings)];
  const count = (s: 'error' | 'warning' | 'info') => all.filter((f) => f.severity === s).length;
  return { ...applied, messages, summary: { ...applied.summary, errors: count('error'), warnings: count('warning'), infos: count('info') } };
}

/** A native trace's stored verdicts, re-keyed to the ids the viewer gave its entries (`b<N>:` prefix). */
export function prefixVerdicts(verdicts: readonly TraceVerdict[] | undefined, prefix: string): TraceVerdict[] {
  return (verdicts ?? []).map((v) => ({ ...v, entry: `${prefix}${v.entry}` }));
}
