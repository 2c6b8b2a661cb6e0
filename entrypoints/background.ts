import { startBackground } from '../lib/extension/background';

export default defineBackground(() => {
  // Synchronously, first thing: the webRequest listeners must exist before this turn ends.
  const handle = startBackground();
  // Read by the end-to-end tests over CDP (ready flag, flush, verify); holds nothing captured.
  (globalThis as { samlLens?: unknown }).samlLens = handle;
});
