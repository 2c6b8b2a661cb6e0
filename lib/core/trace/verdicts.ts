import type { Finding, Report, TraceEntry } from '../model';
import { getRule } from '../rules/registry';
import { capturedSignaturesOf, groupByKey } from './captured';
import type { TraceVerdict } from './format';
import { finishReport } from '../verdict';

/**
 * Findings raised while verifying signatures: after redaction changed the signed bytes they are either
 * artefacts (digest mismatch) or missing (analyze does not re-verify a redacted entry), so the stored ones count.
 */
function fromVerifier(f: Finding): boolean {
  const rule = getRule(f.rule);
  return rule ? rule.raisedBy === 'verifier' : f.rule.startsWith('signature-');
}

/**
 * After analyze() re-judged a loaded trace: messages of redacted entries get the signature verdicts captured
 * before redaction (analyze already does this from TraceEntry.capturedSignatures), and the verifier's
 * findings are the ones stored at capture time. Everything else (the newer rules' findings) stays as recomputed.
 */
export function applyCapturedVerdicts(report: Report, entries: TraceEntry[], stored: TraceVerdict[] = []): Report {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const storedByKey = groupByKey(stored, (v) => `${v.entry}\u0000${v.parameter}`);
  const seen = new Map<string, number>();
  const messages = report.messages.map((m) => {
    const entry = byId.get(m.entry);
    const key = `${m.entry}\u0000${m.parameter}`;
    const nth = seen.get(key) ?? 0;
    seen.set(key, nth + 1);
    if (!entry?.redacted) return m;
    const captured = capturedSignaturesOf(entry, m.parameter)?.[nth];
    const storedVerdict = storedByKey.get(key)?.[nth];
    const verdicts = captured?.verdicts ?? storedVerdict?.signatures;
    if (!verdicts) return m;
    const kept = m.findings.filter((f) => !fromVerifier(f));
    const capturedFindings = storedVerdict?.findings.filter(fromVerifier) ?? [];
    return { ...m, signatures: verdicts, findings: [...kept, ...capturedFindings] };
  });
  // Grouping, counts, worst severities and verdicts again, from the findings as they now stand.
  return finishReport({ ...report, messages });
}
