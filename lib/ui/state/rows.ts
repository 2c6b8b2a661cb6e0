import type { FlowReport, MessageReport, Report, Severity, TraceEntry } from '../../core/model';
import { compileFilter, type MessageFilter } from './filter';
import { worstSeverity } from './severity';
import { requestTypeOf, type RequestType } from '../engine';

export interface Correlation {
  text: string;
  /** true: InResponseTo matches the captured request; false: it does not; undefined: nothing to compare. */
  ok?: boolean;
}

export type Row =
  | {
      type: 'flow';
      key: string;
      flow: FlowReport;
      correlation: Correlation;
      worst?: Severity;
      count: number;
      /** "#1": the flow's number in the trace, as the flow tags and the reports name it. */
      label?: string;
      /** When the flow started (its first message's capture time). */
      at?: string;
    }
  | { type: 'message'; key: string; index: number; flowId: string; grouped: boolean }
  | { type: 'other'; key: string; entry: TraceEntry };

export interface RowOptions {
  /** Show only this tab's captures; undefined shows every tab. */
  tabId?: number;
  /** Chronological list of every request, the non-SAML ones dimmed, instead of flow groups. */
  showOthers: boolean;
  filter: MessageFilter;
  /** Types of the other requests to list, as DevTools' type buttons; empty or undefined lists every type. */
  types?: readonly RequestType[];
}

const REQUEST_KINDS = new Set(['AuthnRequest', 'LogoutRequest', 'ArtifactResolve']);
const RESPONSE_KINDS = new Set(['Response', 'LogoutResponse', 'ArtifactResponse']);

/** How the messages of one flow refer to each other (request ID and the response's InResponseTo). */
export function flowCorrelation(messages: readonly MessageReport[]): Correlation {
  const req = messages.find((m) => REQUEST_KINDS.has(m.kind));
  const res = messages.find((m) => RESPONSE_KINDS.has(m.kind));
  if (req && res) {
    if (req.id !== undefined && res.inResponseTo === req.id) return { text: `ID ${req.id} ⇄ InResponseTo ${res.inResponseTo}`, ok: true };
    return {
      text: res.inResponseTo
        ? `InResponseTo ${res.inResponseTo} does not match request ID ${req.id ?? '(none)'}`
        : `response has no InResponseTo (request ID ${req.id ?? '(none)'})`,
      ok: false,
    };
  }
  if (res) {
    return res.inResponseTo
      ? { text: `InResponseTo ${res.inResponseTo}: request not captured` }
      : { text: 'unsolicited: no InResponseTo' };
  }
  if (req) return { text: `ID ${req.id ?? '(none)'}: no response captured` };
  return { text: '' };
}

function inTab(m: MessageReport, byId: Map<string, TraceEntry>, tabId: number | undefined): boolean {
  if (tabId === undefined) return true;
  const t = byId.get(m.entry)?.tabId;
  // Entries without a tab (pasted, imported) are not hidden by the tab filter: nothing says they belong elsewhere.
  return t === undefined || t === tabId;
}

/** The list the panel shows, in display order; pure so that grouping and filtering are tested without a DOM. */
export function buildRows(report: Report, entries: readonly TraceEntry[], opts: RowOptions): Row[] {
  // Only the tab filter needs it: not built over 5,000 entries on every key press otherwise.
  const byId = opts.tabId === undefined ? new Map<string, TraceEntry>() : new Map(entries.map((e) => [e.id, e]));
  const matches = compileFilter(opts.filter);
  const visible = (m: MessageReport) => inTab(m, byId, opts.tabId) && matches.message(m);
  const flowOf = new Map<number, string>();
  for (const f of report.flows) for (const i of f.messages) flowOf.set(i, f.id);
  const rows: Row[] = [];

  if (!opts.showOthers) {
    const placed = new Set<number>();
    for (const [n, flow] of report.flows.entries()) {
      const ms = flow.messages.map((i) => report.messages[i]).filter((m): m is MessageReport => m !== undefined);
      ms.forEach((m) => placed.add(m.index));
      const shown = ms.filter(visible);
      if (shown.length === 0) continue;
      const all = ms.flatMap((m) => m.findings);
      rows.push({
        type: 'flow',
        key: `f:${flow.id}`,
        flow,
        correlation: flowCorrelation(ms),
        worst: flow.worst ?? worstSeverity(all),
        count: ms.length,
        label: `#${n + 1}`,
        at: ms[0]?.capturedAt,
      });
      for (const m of shown) rows.push({ type: 'message', key: `m:${m.index}`, index: m.index, flowId: flow.id, grouped: true });
    }
    // A message the flow builder left out must still be visible: nothing captured is silently hidden.
    for (const m of report.messages) {
      if (!placed.has(m.index) && visible(m)) rows.push({ type: 'message', key: `m:${m.index}`, index: m.index, flowId: '', grouped: false });
    }
    return rows;
  }

  const byEntry = new Map<string, MessageReport[]>();
  for (const m of report.messages) {
    const list = byEntry.get(m.entry);
    if (list) list.push(m);
    else byEntry.set(m.entry, [m]);
  }
  const seen = new Set<string>();
  for (const e of entries) {
    if (opts.tabId !== undefined && e.tabId !== undefined && e.tabId !== opts.tabId) continue;
    seen.add(e.id);
    const ms = byEntry.get(e.id);
    if (ms) {
      for (const m of ms) if (visible(m)) rows.push({ type: 'message', key: `m:${m.index}`, index: m.index, flowId: flowOf.get(m.index) ?? '', grouped: false });
    } else if (matches.other(e) && (!opts.types?.length || opts.types.includes(requestTypeOf(e)))) {
      rows.push({ type: 'other', key: `e:${e.id}`, entry: e });
    }
  }
  for (const m of report.messages) {
    if (!seen.has(m.entry) && visible(m)) rows.push({ type: 'message', key: `m:${m.index}`, index: m.index, flowId: flowOf.get(m.index) ?? '', grouped: false });
  }
  return rows;
}

/** Next selectable row (messages and other requests; flow headers are skipped) from `from` in direction `step`. */
export function nextSelectable(rows: readonly Row[], from: number, step: 1 | -1): number {
  for (let i = from + step; i >= 0 && i < rows.length; i += step) if (rows[i]?.type !== 'flow') return i;
  return from;
}

/** How many requests without a SAML message there are of each type (the counts on the type buttons). */
export function otherTypeCounts(report: Report, entries: readonly TraceEntry[]): Record<RequestType, number> {
  const withSaml = new Set(report.messages.map((m) => m.entry));
  const counts: Record<RequestType, number> = { document: 0, fetch: 0, script: 0, image: 0, other: 0 };
  for (const e of entries) if (!withSaml.has(e.id)) counts[requestTypeOf(e)] += 1;
  return counts;
}

/** A click on a type button: that type alone; with Ctrl or Cmd, added to or taken from the choice (as in DevTools). */
export function chooseTypes(current: readonly RequestType[], clicked: RequestType | 'all', multi: boolean): RequestType[] {
  if (clicked === 'all') return [];
  if (!multi) return [clicked];
  return current.includes(clicked) ? current.filter((t) => t !== clicked) : [...current, clicked];
}
