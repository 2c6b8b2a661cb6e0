// The viewer's import worker: reads and parses a dropped file off the page's thread, so a big HAR
// does not freeze the UI. Only the core's platform-free reader runs here; nothing is fetched.
import { readInput } from '../../core/input';
import type { ImportMessage, ImportRequest } from './protocol';
import { readFileText, TooLarge } from './read-file';

interface WorkerScope {
  postMessage(message: ImportMessage): void;
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  void handle(event.data);
};

async function handle({ file, name }: ImportRequest): Promise<void> {
  try {
    const text = await readFileText(file, (progress) => scope.postMessage({ type: 'progress', progress }));
    scope.postMessage({ type: 'progress', progress: { phase: 'parsing' } });
    scope.postMessage({ type: 'done', result: readInput(text, { name }) });
  } catch (e) {
    scope.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e), ...(e instanceof TooLarge ? { tooLarge: true } : {}) });
  }
}
