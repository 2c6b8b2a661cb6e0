import type { FlowReport, Report } from '../../core/model';
import { OUTCOME_LABEL, idpLabel } from '../engine';
import { FLOW_KIND_LABEL, timeOfDay } from '../state/labels';

type VerdictLike = NonNullable<FlowReport['verdict']>;

/**
 * The answer in one line, where the eye starts (flow detail, trace summary). The verdicts are computed in
 * the core (issue 9); until a report carries one, nothing is drawn here.
 */
export function VerdictLine({ verdict, scope }: { verdict?: VerdictLike; scope: 'flow' | 'trace' }) {
  if (!verdict?.text) return null;
  return (
    <p class={`sl-verdict sl-verdict-${scope} sl-verdict-${verdict.level}`} role="status">
      {verdict.text}
    </p>
  );
}

/** Above a message's detail: which flow it belongs to (number, kind, IdP, start, outcome) and the flow's verdict. */
export function FlowHead({ flow, label, report }: { flow: FlowReport; label?: string; report: Report }) {
  const first = report.messages[flow.messages[0] ?? -1];
  const outcome = flow.outcome ?? 'unknown';
  return (
    <div class="sl-flow-head">
      <div class="sl-flow-head-line">
        <span class="sl-flow-num">{label ? `Flow ${label}` : 'Flow'}</span>
        <span>{FLOW_KIND_LABEL[flow.kind]}</span>
        <span>{idpLabel(flow.idp)}</span>
        {first?.capturedAt ? <span class="sl-flow-time">{timeOfDay(first.capturedAt)}</span> : null}
        <span class={`sl-outcome sl-outcome-${outcome}`}>{OUTCOME_LABEL[outcome]}</span>
      </div>
      <VerdictLine verdict={flow.verdict} scope="flow" />
    </div>
  );
}
