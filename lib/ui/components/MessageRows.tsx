import type { MessageReport, TraceEntry } from '../../core/model';
import type { Row } from '../state/rows';
import { FLOW_KIND_LABEL, directionLabel, hostOf, shortPath, timeOfDay } from '../state/labels';
import { worstSeverity, countBySeverity } from '../state/severity';
import { SeverityBadge } from './SeverityBadge';
import { OUTCOME_LABEL, idpLabel } from '../engine';

// Hook-free row views: they render one row from plain data, so tests can call them directly.

export function FlowRowView({ row }: { row: Extract<Row, { type: 'flow' }> }) {
  const c = row.correlation;
  return (
    <div class="sl-row sl-row-flow" role="presentation">
      <span class="sl-flow-kind">{FLOW_KIND_LABEL[row.flow.kind]}</span>
      <span class="sl-flow-idp" title={row.flow.idp?.evidence.length ? `Recognised from: ${row.flow.idp.evidence.join('; ')}` : 'No IdP product recognised'}>
        {idpLabel(row.flow.idp)}
      </span>
      <span class={`sl-outcome sl-outcome-${row.flow.outcome ?? 'unknown'}`}>{OUTCOME_LABEL[row.flow.outcome ?? 'unknown']}</span>
      <span class={`sl-corr ${c.ok === true ? 'sl-corr-ok' : c.ok === false ? 'sl-corr-bad' : ''}`} title={c.text}>
        {c.ok === true ? '✓ ' : c.ok === false ? '✗ ' : ''}
        {c.text}
      </span>
      <span class="sl-grow" />
      <SeverityBadge severity={row.worst} />
    </div>
  );
}

export function MessageRowView({ m, grouped, flowLabel }: { m: MessageReport; grouped: boolean; flowLabel?: string }) {
  const worst = worstSeverity(m.findings);
  const n = worst ? countBySeverity(m.findings)[worst] : 0;
  return (
    <div class={`sl-row sl-row-msg${grouped ? ' sl-grouped' : ''}`}>
      <span class={`sl-dir sl-dir-${m.direction}`}>{directionLabel(m.direction)}</span>
      <span class="sl-kind">{m.kind}</span>
      <span class="sl-binding">{m.binding.replace('HTTP-', '')}</span>
      <span class="sl-time">{timeOfDay(m.capturedAt)}</span>
      <span class="sl-host" title={m.url}>{hostOf(m.url)}</span>
      {flowLabel ? <span class="sl-flowtag" title={`flow ${flowLabel}`}>{flowLabel}</span> : null}
      <span class="sl-grow" />
      <SeverityBadge severity={worst} count={n} />
    </div>
  );
}

export function OtherRowView({ e }: { e: TraceEntry }) {
  return (
    <div class="sl-row sl-row-other">
      <span class="sl-method">{e.method}</span>
      <span class="sl-http-status">{e.responseStatus ?? ''}</span>
      <span class="sl-time">{timeOfDay(e.capturedAt)}</span>
      <span class="sl-host">{hostOf(e.url)}</span>
      <span class="sl-path" title={e.url}>{shortPath(e.url)}</span>
    </div>
  );
}
