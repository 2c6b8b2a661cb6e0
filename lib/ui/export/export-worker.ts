// The export worker: redaction walks every captured request (twice) and can take seconds on a big
// capture; here it runs off the panel's thread, so the dialog stays responsive while it prepares.
import { exportEntries } from '../../core/trace';
import type { ExportMessage, ExportRequest } from './protocol';

interface WorkerScope {
  postMessage(message: ExportMessage): void;
  onmessage: ((event: MessageEvent<ExportRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { entries, options, now } = event.data;
  try {
    scope.postMessage({ type: 'done', result: exportEntries(entries, { ...options, now: () => new Date(now) }) });
  } catch (e) {
    scope.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
};
