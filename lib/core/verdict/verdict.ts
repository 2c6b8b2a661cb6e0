import type { IdpProduct } from '../idp';
import { IDP_NAMES } from '../idp/product';
import type { Finding, FlowReport, MessageReport, Report, Verdict } from '../model';
import { findingFix } from './fix';
import { compareCauses, TRUST_RULES } from './rank';
import { causeSentence } from './sentence';
import { plural } from './words';

/** A finding with what its fix depends on: the IdP it is about and, for status-error, the message's status. */
export interface Candidate {
  finding: Finding;
  idp: IdpProduct;
  status?: MessageReport['status'];
}


function prefix(c: Candidate, outcome: FlowReport['outcome']): string {
  const f = c.finding;
  if (f.severity === 'warning') return outcome === 'signed-in' ? 'Signed in, with a warning' : 'Warning';
  if (outcome === 'refused-by-sp') return 'Refused by the SP';
  if (outcome === 'refused-by-idp') return 'Refused by the IdP';
  if (TRUST_RULES.includes(f.rule)) return 'Not trustworthy';
  return 'Error';
}

/** The verdict for one cause: "<prefix>: <cause>. Fix (<IdP>): <first line of the fix>". */
export function verdictFor(c: Candidate, outcome: FlowReport['outcome']): Verdict {
  const cause = causeSentence(c.finding);
  const own = c.finding.ownFix;
  const fix = own ? { first: own } : findingFix(c.finding, c.idp, c.status);
  const v: Verdict = { level: c.finding.severity === 'error' ? 'error' : 'warning', text: `${prefix(c, outcome)}: ${cause}.`, rule: c.finding.rule, cause };
  if (fix) {
    v.fixFor = fix.first.product;
    const where = fix.first.product === 'general' ? 'Fix' : `Fix in ${IDP_NAMES[fix.first.product]}`;
    v.fix = fix.first.text;
    v.text += ` ${where}: ${fix.first.text.split('\n')[0]}`;
  }
  return v;
}

function okText(outcome: FlowReport['outcome'], kind: FlowReport['kind'] | undefined): string {
  if (outcome === 'signed-in') return 'OK: signed in; nothing to fix.';
  if (outcome === 'abandoned') return 'OK so far: no Response was captured (the sign-in was not finished); nothing wrong in what was.';
  return kind === 'logout' ? 'OK: logout messages without problems.' : 'OK: nothing to fix.';
}

/** The best-ranked cause among candidates, or undefined when none is an error or warning. */
export function topCause(candidates: Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (c.finding.severity === 'info' || c.finding.causedBy) continue;
    if (!best || compareCauses(c.finding, best.finding) < 0) best = c;
  }
  return best;
}

/** Candidates of one flow: every finding of its messages, with the message's IdP and status. */
export function flowCandidates(report: Report, flow: FlowReport, idpOf: (m: MessageReport) => IdpProduct): Candidate[] {
  return flow.messages.flatMap((i) => {
    const m = report.messages[i];
    return m ? m.findings.map((finding) => ({ finding, idp: idpOf(m), ...(m.status ? { status: m.status } : {}) })) : [];
  });
}

/** The answer for one flow: its highest-ranked cause with the fix for its IdP, or plainly OK. */
export function flowVerdict(candidates: Candidate[], flow: Pick<FlowReport, 'outcome' | 'kind'>): Verdict {
  const top = topCause(candidates);
  return top ? verdictFor(top, flow.outcome) : { level: 'ok', text: okText(flow.outcome, flow.kind) };
}

/**
 * The answer for the trace: the worst flow's cause (or a trace-level finding that ranks higher), and how many
 * flows failed. With one flow it is that flow's verdict.
 */
export function traceVerdict(flows: Array<{ verdict: Verdict; top?: Candidate; outcome: FlowReport['outcome'] }>, traceFindings: Candidate[], messages: number): Verdict {
  // The best trace finding in one pass: a trace can carry 250,000 of them (one per broken HAR entry).
  const traceTop = topCause(traceFindings);
  const tops = [...flows.flatMap((f) => (f.top ? [{ c: f.top, outcome: f.outcome }] : [])), ...(traceTop ? [{ c: traceTop, outcome: undefined }] : [])];
  tops.sort((a, b) => compareCauses(a.c.finding, b.c.finding));
  const failed = flows.filter((f) => f.verdict.level === 'error').length;
  const warned = flows.filter((f) => f.verdict.level === 'warning').length;
  const best = tops[0];
  if (!best) {
    if (!messages) return { level: 'ok', text: 'No SAML, WS-Federation or artifact message found.' };
    if (flows.length === 1) return flows[0]!.verdict;
    return { level: 'ok', text: `OK: ${plural(flows.length, 'flow')}, nothing to fix.` };
  }
  const v = verdictFor(best.c, best.outcome);
  if (flows.length > 1) {
    const tally = failed ? `${failed} of ${flows.length} flows failed` : `${warned} of ${flows.length} flows with a warning`;
    v.text = v.text.replace(/^([^:]+):/, `$1 (${tally}):`);
    v.flows = { total: flows.length, failed, warned };
  }
  return v;
}
