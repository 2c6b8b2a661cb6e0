import { messageIdp, traceIdp } from '../idp/fix-for';
import type { Finding, FlowReport, Report, Severity } from '../model';
import { linkCauses } from './caused-by';
import { groupFindings } from './group';
import { flowCandidates, flowVerdict, topCause, traceVerdict, type Candidate } from './verdict';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

function worst(findings: Finding[]): Severity | undefined {
  let w: Severity | undefined;
  for (const f of findings) if (!w || RANK[f.severity] > RANK[w]) w = f.severity;
  return w;
}

/** One finding per cause on a message: grouped by rule, then consequences linked to their cause. */
export function groupMessageFindings(findings: Finding[]): Finding[] {
  return linkCauses(groupFindings(findings));
}

/**
 * The last step of judging a report (analyze, and a stored trace judged again): findings grouped per cause,
 * each flow's worst severity and verdict, the trace verdict, and the summary counts. Counts are of causes:
 * a finding with `causedBy` is told under its cause and not counted again. Pure: returns a new report.
 */
export function finishReport(report: Report): Report {
  const messages = report.messages.map((m) => ({ ...m, findings: groupMessageFindings(m.findings) }));
  // Trace findings are each about a different entry or setting (250,000 broken HAR entries are 250,000
  // places to look): they are not grouped.
  const traceFindings = report.findings;
  const judged: Report = { ...report, messages, findings: traceFindings };
  const idpOf = (m: Report['messages'][number]) => messageIdp(judged, m);
  const tops: Array<{ verdict: FlowReport['verdict'] & object; top?: Candidate; outcome: FlowReport['outcome'] }> = [];
  const flows = report.flows.map((flow) => {
    const candidates = flowCandidates(judged, flow, idpOf);
    const w = worst(candidates.map((c) => c.finding));
    const verdict = flowVerdict(candidates, flow);
    const top = topCause(candidates);
    tops.push({ verdict, outcome: flow.outcome, ...(top ? { top } : {}) });
    // One literal, every field named (see outcome/index.ts); one left undefined is not written in the JSON.
    const judgedFlow: FlowReport = { id: flow.id, messages: flow.messages, kind: flow.kind, idp: flow.idp, outcome: flow.outcome, worst: w, verdict };
    return judgedFlow;
  });
  const traceIdpProduct = traceIdp(judged);
  const verdict = traceVerdict(
    tops,
    traceFindings.map((finding) => ({ finding, idp: traceIdpProduct })),
    messages.length,
  );
  const counted = [...messages.flatMap((m) => m.findings), ...traceFindings].filter((f) => !f.causedBy);
  const count = (s: Severity) => counted.filter((f) => f.severity === s).length;
  return {
    ...judged,
    flows,
    summary: { ...report.summary, errors: count('error'), warnings: count('warning'), infos: count('info'), verdict },
  };
}
