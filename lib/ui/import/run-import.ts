import type { InputResult } from '../../core/input';
import { readInput } from '../../core/input';
import type { ImportMessage, ImportProgress } from './protocol';
import { readFileText, TooLarge } from './read-file';
import type { WorkerLike } from './worker-factory';

export interface ImportOutcome {
  result: InputResult;
  /** Set when the file was parsed on the page's thread because no worker could run it. */
  fallbackNote?: string;
}

export interface ImportDeps {
  /** Creates the import worker; may throw. Default: none (main thread only). */
  createWorker?: () => WorkerLike;
  /** Main-thread reader (the fallback). Default: the core's readInput. */
  read?: (text: string, name: string) => InputResult;
}

const FALLBACK = 'Parsed on the page (no background worker could be started), so the page may pause while a big file is read.';

function words(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Reads and parses one file: in a worker when one can be created, else on the page with a note.
 * A worker that fails mid-way is retried on the page. Never rejects: a broken file is a problem in
 * the result, and nothing already loaded is touched (the caller only ever adds).
 */
export async function importFile(file: Blob, name: string, onProgress: (p: ImportProgress) => void, deps: ImportDeps = {}): Promise<ImportOutcome> {
  let worker: WorkerLike | undefined;
  let why: string | undefined;
  try {
    worker = deps.createWorker?.();
  } catch (e) {
    why = words(e);
  }
  if (worker) {
    const out = await viaWorker(worker, file, name, onProgress);
    if ('result' in out) return { result: out.result };
    why = out.error;
  }
  const read = deps.read ?? ((text: string, n: string) => readInput(text, { name: n }));
  try {
    const text = await readFileText(file, onProgress);
    onProgress({ phase: 'parsing' });
    // Let the page paint "Parsing…" before the thread is busy.
    await new Promise((r) => setTimeout(r, 0));
    const result = read(text, name);
    return deps.createWorker ? { result, fallbackNote: why ? `${FALLBACK} (${why})` : FALLBACK } : { result };
  } catch (e) {
    return { result: e instanceof TooLarge ? tooLarge(name, e.message) : unreadable(`${name}: could not be read (${words(e)}).`) };
  }
}

function unreadable(message: string): InputResult {
  return { format: 'unknown', entries: [], problems: [{ rule: 'input-unrecognised', severity: 'error', message }] };
}

/** A file larger than the browser's longest string, whether the worker or the page found it so. */
function tooLarge(name: string, why: string): InputResult {
  return unreadable(`${name}: cannot be read: ${why}`);
}

function viaWorker(worker: WorkerLike, file: Blob, name: string, onProgress: (p: ImportProgress) => void): Promise<{ result: InputResult } | { error: string }> {
  return new Promise((resolve) => {
    const finish = (out: { result: InputResult } | { error: string }) => {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      resolve(out);
    };
    worker.onmessage = (event: MessageEvent) => {
      const msg = event.data as ImportMessage;
      if (msg.type === 'progress') onProgress(msg.progress);
      else if (msg.type === 'done') finish({ result: msg.result });
      else if (msg.tooLarge) finish({ result: tooLarge(name, msg.message) });
      else finish({ error: msg.message });
    };
    // A module worker that cannot load (CSP, missing file) reports here, not at construction.
    worker.onerror = (event) => {
      if ('preventDefault' in event) event.preventDefault();
      finish({ error: (event as ErrorEvent).message || 'the import worker failed to start' });
    };
    try {
      worker.postMessage({ file, name });
    } catch (e) {
      finish({ error: words(e) });
    }
  });
}
