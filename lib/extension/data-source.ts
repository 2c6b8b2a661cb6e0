import browser from 'webextension-polyfill';
import type { DataSource } from '../ui/data-source';
import { isEntryKey } from './store/keys';
import { clearEntries, readStoredDrops } from './store/entries';
import { readEntries, readSamlFirst } from './store/read';
import { DROPS_KEY } from './store/drops';
import { getSettings, recordingItem, setSettings } from './settings';
import { coalesce } from './coalesce';

export { coalesce } from './coalesce';

const WATCHED = new Set(['recording', 'settings', 'spKey', DROPS_KEY]);

/**
 * The UI's view of the capture, straight from extension storage. Storage change events drive
 * `subscribe`, so the panel, the options page and the background need no message protocol.
 */
export function createExtensionDataSource(opts: { inspectedTabId?: number } = {}): DataSource {
  return {
    load: readEntries,
    loadSamlFirst: readSamlFirst,
    loadDrops: readStoredDrops,
    subscribe(onChange) {
      const notify = coalesce(onChange, 150, 1000);
      const listener = (changes: Record<string, unknown>) => {
        if (Object.keys(changes).some((key) => isEntryKey(key) || WATCHED.has(key))) notify.schedule();
      };
      browser.storage.onChanged.addListener(listener);
      return () => {
        notify.cancel();
        browser.storage.onChanged.removeListener(listener);
      };
    },
    clear: clearEntries,
    getRecording: () => recordingItem.getValue(),
    setRecording: (on) => recordingItem.setValue(on),
    getSettings,
    setSettings,
    ...(opts.inspectedTabId !== undefined ? { inspectedTabId: opts.inspectedTabId } : {}),
  };
}
