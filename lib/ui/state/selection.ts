import type { Report } from '../../core/model';
import type { Row } from './rows';
import { severityRank, worstSeverity } from './severity';

/** The message rows of the flow whose header is at `flowRow` (up to the next header). */
function flowMembers(rows: readonly Row[], flowRow: number): number[] {
  const out: number[] = [];
  for (let i = flowRow + 1; i < rows.length && rows[i]?.type !== 'flow'; i++) if (rows[i]?.type === 'message') out.push(i);
  return out;
}

/** Of some message rows, the one with the worst findings (the first of equals: the request before its answer). */
function worstOf(report: Report, rows: readonly Row[], candidates: readonly number[]): number | undefined {
  let best: number | undefined;
  let bestRank = Infinity;
  for (const i of candidates) {
    const row = rows[i];
    if (row?.type !== 'message') continue;
    const rank = severityRank(worstSeverity(report.messages[row.index]?.findings ?? []));
    if (rank < bestRank) {
      best = i;
      bestRank = rank;
    }
  }
  return best;
}

/** The row a click on a flow header opens: the flow's message with the worst findings. */
export function flowTarget(report: Report, rows: readonly Row[], flowRow: number): number | undefined {
  return worstOf(report, rows, flowMembers(rows, flowRow));
}

/**
 * What the panel shows when it opens: the newest flow with an error (its worst message), so the answer is on
 * screen without a click; with no error anywhere, the newest message. Undefined when there is no message.
 */
export function initialSelection(report: Report, rows: readonly Row[]): number | undefined {
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i];
    if (row?.type === 'flow' && row.worst === 'error') return flowTarget(report, rows, i);
  }
  // No flow headers (the chronological view) or no flow with an error: the newest message with an error, else the newest.
  let newest: number | undefined;
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i];
    if (row?.type !== 'message') continue;
    newest ??= i;
    if (worstSeverity(report.messages[row.index]?.findings ?? []) === 'error') return i;
  }
  return newest;
}
