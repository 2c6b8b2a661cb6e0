import type { WorkerLike } from '../import/worker-factory';

/** The export module worker (bundled by Vite as its own file, allowed by `script-src 'self'`). Throws where workers are unavailable. */
export function createExportWorker(): WorkerLike {
  return new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}
