/** What run-import needs of a Worker; tests give a fake one. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent | Event) => void) | null;
}

/**
 * The module worker, in the form Vite (and so WXT) recognises and bundles as its own file next to the
 * page's scripts: allowed by the extension CSP `script-src 'self'` (a blob: worker would not be).
 * Throws where workers do not exist (Node, an old browser) or are refused; the caller falls back.
 */
export function createImportWorker(): WorkerLike {
  return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}
