import browser from 'webextension-polyfill';
import { PAGE_PREFIX, type PageRecord } from './record';

/** Message from the content script telling the background which tab a page record came from. */
export interface PageRecordNote {
  samlLensPage: string;
}

/**
 * Content script side: the record goes to storage.local with the page's own storage call (no service worker
 * involved, so a stopped worker cannot lose it); the note to the background only adds the tab, if it arrives.
 */
export function reportToStorage(record: PageRecord): void {
  const key = `${PAGE_PREFIX}${record.at}:${Math.random().toString(36).slice(2, 10)}`;
  // Both calls leave the page now: an auto-submitting form navigates away before any promise settles.
  browser.storage.local.set({ [key]: record }).catch(() => undefined);
  browser.runtime.sendMessage({ samlLensPage: key } satisfies PageRecordNote).catch(() => undefined);
}
