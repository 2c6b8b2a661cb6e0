import type { MessageReport, Report } from '../../core/model';

/** What a message's validity windows are judged against, as the report says it judged them. */
export function timeReference(report: Report, m: MessageReport, now: () => Date = () => new Date()): { at?: string; name: string } {
  const at = report.summary.at;
  if (at === 'capture' || at === '') return { at: m.capturedAt, name: 'capture' };
  if (at === 'now') return { at: now().toISOString(), name: 'now' };
  return { at, name: 'the chosen time' };
}
