import type { WorkerLike } from '../../lib/ui/import/worker-factory';

/** A stand-in worker that answers with the given messages (asynchronously, like a real one). */
export function fakeWorker<M>(answer: (post: (m: M) => void, fail: (message: string) => void) => void): WorkerLike & { terminated: boolean } {
  const w: WorkerLike & { terminated: boolean } = {
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage() {
      setTimeout(() =>
        answer(
          (m) => w.onmessage?.({ data: m } as MessageEvent),
          (message) => w.onerror?.({ message, preventDefault() {} } as unknown as ErrorEvent),
        ),
      );
    },
    terminate() {
      w.terminated = true;
    },
  };
  return w;
}
