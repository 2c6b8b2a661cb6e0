// How each flow ended and which IdP product it talked to (issue 8), from the SAML messages and the HTTP
// exchanges around them.
import type { FlowReport, MessageReport, Problem } from '../model';
import type { Profile } from '../profiles';
import { dedupe, problemToFinding } from '../rules/engine';
import { judgeFlows, type OutcomeInput, type OutcomeResult } from './judge';

export type { OutcomeInput, OutcomeMessage, OutcomeResult } from './judge';
/** How many entries after a SAML message the outcome reads: a reader can load just these to judge the messages. */
export { MAX_LOOKAHEAD as OUTCOME_LOOKAHEAD } from './follow';

const unknown = () => ({ product: 'unknown' as const, evidence: [] });

/** Never throws: on trouble every flow and message is `unknown` and one internal-error problem says why. */
export function judgeOutcomes(input: OutcomeInput): OutcomeResult & { problems: Problem[] } {
  try {
    const judged = judgeFlows(input);
    return { messages: judged.messages, flows: judged.flows, problems: [] };
  } catch (e) {
    const why = e instanceof Error && e.message ? e.message : String(e);
    return {
      messages: input.messages.map(() => ({ idp: unknown(), problems: [] })),
      flows: input.flows.map(() => ({ idp: unknown(), outcome: 'unknown' as const })),
      problems: [{ rule: 'internal-error', message: `Judging how the flows ended failed unexpectedly (${why}); IdP products and outcomes are not shown.` }],
    };
  }
}

/**
 * Judges the flows and writes the result into the report being built: `idp` on every message, refusal findings
 * on the messages they concern, and the flows with `idp` and `outcome`. Returns the flows and trace problems.
 */
export function applyOutcomes(input: OutcomeInput, profile: Profile): { flows: FlowReport[]; problems: Problem[] } {
  const judged = judgeOutcomes(input);
  judged.messages.forEach((j, i) => {
    const r: MessageReport | undefined = input.messages[i]?.report;
    if (!r) return;
    r.idp = j.idp;
    if (j.problems.length) r.findings = dedupe([...r.findings, ...j.problems.map((p) => problemToFinding(p, profile))]);
  });
  // Literals, not spreads of the flows: a spread's object has a hidden class of its own at each call, and the
  // verdict's reads of every flow then missed V8's caches.
  const flows = input.flows.map((f, k): FlowReport => ({
    id: f.id,
    messages: f.messages,
    kind: f.kind,
    idp: judged.flows[k]?.idp ?? unknown(),
    outcome: judged.flows[k]?.outcome ?? 'unknown',
  }));
  return { flows, problems: judged.problems };
}
export { OUTCOME_LABEL, idpLabel } from './labels';
