import type { TraceEntry } from '../core/model';
import type { DataSource, Settings } from './data-source';
import { DEFAULT_SETTINGS } from './state/settings-form';

/**
 * A DataSource held in memory: for the viewer without the extension, previews and tests. `add` stands in
 * for the capture (it notifies subscribers like new captures do).
 */
export function createMemorySource(
  initial: TraceEntry[] = [],
  settings: Settings = DEFAULT_SETTINGS,
  inspectedTabId?: number,
): DataSource & { add(entries: TraceEntry[]): void } {
  let entries = [...initial];
  let current = settings;
  let recording = true;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  return {
    inspectedTabId,
    load: async () => entries,
    subscribe(on) {
      listeners.add(on);
      return () => listeners.delete(on);
    },
    async clear() {
      entries = [];
      notify();
    },
    getRecording: async () => recording,
    async setRecording(on) {
      recording = on;
      notify();
    },
    getSettings: async () => current,
    async setSettings(next) {
      current = next;
      notify();
    },
    add(more) {
      if (!recording) return;
      entries = [...entries, ...more];
      notify();
    },
  };
}
