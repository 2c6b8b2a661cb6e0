// Browser side of the preview: the real UI over an in-memory source (no extension needed).
import { mountPanel } from '../../../lib/ui';
import { createMemorySource } from '../../../lib/ui/memory-source';
import { DEFAULT_SETTINGS } from '../../../lib/ui/state/settings-form';
import type { TraceEntry } from '../../../lib/core/model';

declare global {
  interface Window {
    __ENTRIES__: TraceEntry[];
    __SETTINGS__?: Record<string, unknown>;
  }
}

const params = new URLSearchParams(location.search);
const mode = (params.get('mode') ?? 'panel') as 'panel' | 'viewer' | 'options';
const theme = (params.get('theme') ?? undefined) as 'light' | 'dark' | undefined;
const source = createMemorySource(window.__ENTRIES__, { ...DEFAULT_SETTINGS, ...(window.__SETTINGS__ ?? {}) }, params.has('tab') ? Number(params.get('tab')) : undefined);
mountPanel(document.getElementById('app') as HTMLElement, source, { mode, theme });
