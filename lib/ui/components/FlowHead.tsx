import type { FlowReport, Report } from '../../core/model';
import { OUTCOME_LABEL, idpLabel } from '../engine';
import { Verdict } from './Verdict';
import { FLOW_KIND_LABEL, timeOfDay } from '../state/labels';

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
      <Verdict verdict={flow.verdict} scope="flow" />
    </div>
  );
}
