import type { TraceEntry } from '../../core/model';
import type { ExportOptions, ExportResult } from '../../core/trace';

/** Main thread -> export worker. `now` is an ISO time: a function cannot cross to a worker. */
export interface ExportRequest {
  entries: TraceEntry[];
  options: Omit<ExportOptions, 'now'>;
  now: string;
}

/** Export worker -> main thread. */
export type ExportMessage = { type: 'done'; result: ExportResult } | { type: 'failed'; message: string };
