import type { TraceEntry } from '../../core/model';
import { exportEntries, type ExportOptions, type ExportResult } from '../../core/trace';
import type { WorkerLike } from '../import/worker-factory';
import type { ExportMessage } from './protocol';

export interface ExportOutcome {
  result?: ExportResult;
  error?: string;
  /** Set when the export was prepared on the page because no worker could do it. */
  fallbackNote?: string;
}

export interface ExportJob {
  promise: Promise<ExportOutcome>;
  /** Stops a job nobody waits for any more (the person changed a choice): its worker is terminated. */
  cancel(): void;
}

function words(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Prepares one export (the same call that the preview shows and Save writes): in a worker when one can
 * be created, else on the page after a paint, with a note. Never rejects.
 */
export function startExport(entries: TraceEntry[], options: Omit<ExportOptions, 'now'>, createWorker?: () => WorkerLike, now: Date = new Date()): ExportJob {
  let cancelled = false;
  let worker: WorkerLike | undefined;
  const onPage = async (why?: string): Promise<ExportOutcome> => {
    await new Promise((r) => setTimeout(r, 0));
    if (cancelled) return {};
    try {
      const result = exportEntries(entries, { ...options, now: () => now });
      return why === undefined ? { result } : { result, fallbackNote: `Prepared on the page (no background worker: ${why}); the page may pause on a big capture.` };
    } catch (e) {
      return { error: `The export could not be prepared: ${words(e)}` };
    }
  };
  const promise = (async (): Promise<ExportOutcome> => {
    if (!createWorker) return onPage();
    try {
      worker = createWorker();
    } catch (e) {
      return onPage(words(e));
    }
    const w = worker;
    const out = await new Promise<ExportOutcome | { failed: string }>((resolve) => {
      w.onmessage = (event: MessageEvent) => {
        const msg = event.data as ExportMessage;
        resolve(msg.type === 'done' ? { result: msg.result } : { error: `The export could not be prepared: ${msg.message}` });
      };
      w.onerror = (event) => {
        if ('preventDefault' in event) event.preventDefault();
        resolve({ failed: (event as ErrorEvent).message || 'the export worker failed to start' });
      };
      try {
        w.postMessage({ entries, options, now: now.toISOString() });
      } catch (e) {
        resolve({ failed: words(e) });
      }
    });
    w.terminate();
    if ('failed' in out) return cancelled ? {} : onPage(out.failed);
    return out;
  })();
  return {
    promise,
    cancel() {
      cancelled = true;
      worker?.terminate();
    },
  };
}
