import type { MessageReport, TraceEntry } from '../../core/model';
import type { Row } from '../state/rows';
import { FLOW_KIND_LABEL, directionLabel, hostOf, shortPath, timeOfDay } from '../state/labels';
import { worstSeverity, countBySeverity } from '../state/severity';
import { SeverityBadge } from './SeverityBadge';
import { OUTCOME_LABEL, idpLabel } from '../engine';

// Hook-free row views: they render one row from plain data, so tests can call them directly.

/** Two lines so that nothing important is cut: severity, number, kind and time; then IdP, outcome and correlation. */
export function FlowRowView({ row }: { row: Extract<Row, { type: 'flow' }> }) {
  const c = row.correlation;
  return (
    <div class="sl-row sl-row-flow" role="presentation">
      <div class="sl-flow-line">
        <SeverityBadge severity={row.worst} />
        {row.label ? <span class="sl-flow-num">{row.label}</span> : null}
        <span class="sl-flow-kind">{FLOW_KIND_LABEL[row.flow.kind]}</span>
        {row.at ? <span class="sl-flow-time">{timeOfDay(row.at)}</span> : null}
      </div>
      <div class="sl-flow-line sl-flow-sub">
        <span class="sl-flow-idp" title={row.flow.idp?.evidence.length ? `Recognised from: ${row.flow.idp.evidence.join('; ')}` : 'No IdP product recognised'}>
          {idpLabel(row.flow.idp)}
        </span>
        <span class={`sl-outcome sl-outcome-${row.flow.outcome ?? 'unknown'}`}>{OUTCOME_LABEL[row.flow.outcome ?? 'unknown']}</span>
        <span class={`sl-corr ${c.ok === true ? 'sl-corr-ok' : c.ok === false ? 'sl-corr-bad' : ''}`} title={c.text}>
          {c.ok === true ? '✓ ' : c.ok === false ? '✗ ' : ''}
          {c.text}
        </span>
      </div>
    </div>
  );
}

/** The list's column names, above the rows (the same grid as a message row). */
export function ListHeader() {
  return (
    <div class="sl-list-head sl-cols" aria-hidden="true">
      <span>Severity</span>
      <span>Kind</span>
      <span class="sl-col-dir">Direction</span>
      <span class="sl-col-binding">Binding</span>
      <span>Time</span>
      <span>Host</span>
    </div>
  );
}

export function MessageRowView({ m, grouped, flowLabel }: { m: MessageReport; grouped: boolean; flowLabel?: string }) {
  const worst = worstSeverity(m.findings);
  const n = worst ? countBySeverity(m.findings)[worst] : 0;
  return (
    <div class={`sl-row sl-row-msg sl-cols${grouped ? ' sl-grouped' : ''}`}>
      <SeverityBadge severity={worst} count={n} />
      <span class="sl-kind">{m.kind}</span>
      <span class={`sl-dir sl-col-dir sl-dir-${m.direction}`}>{directionLabel(m.direction)}</span>
      <span class="sl-binding sl-col-binding">{m.binding.replace('HTTP-', '')}</span>
      <span class="sl-time">{timeOfDay(m.capturedAt)}</span>
      <span class="sl-host" title={m.url}>
        {flowLabel ? <span class="sl-flowtag" title={`flow ${flowLabel}`}>{flowLabel} </span> : null}
        {hostOf(m.url)}
      </span>
    </div>
  );
}

export function OtherRowView({ e }: { e: TraceEntry }) {
  return (
    <div class="sl-row sl-row-other sl-cols">
      <span class="sl-method">
        {e.method} <span class="sl-http-status">{e.responseStatus ?? ''}</span>
      </span>
      <span class="sl-path sl-other-path" title={e.url}>
        {shortPath(e.url)}
      </span>
      <span class="sl-time">{timeOfDay(e.capturedAt)}</span>
      <span class="sl-host">{hostOf(e.url)}</span>
    </div>
  );
}
