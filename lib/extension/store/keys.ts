/**
 * One storage key per captured hop, so entries arriving together never overwrite each other (no
 * read-modify-write of a shared list). The key sorts in capture order and carries what the capture
 * window needs (tab, SAML or not), so the background can rebuild its index from the keys alone.
 */
export const ENTRY_PREFIX = 'e:';

export interface EntryKey {
  /** Microseconds since the epoch, from webRequest timeStamp. */
  micros: number;
  tabId: number;
  saml: boolean;
  requestId: string;
  hop: number;
}

export function entryKey(k: EntryKey): string {
  const time = String(Math.max(0, Math.round(k.micros))).padStart(16, '0');
  return `${ENTRY_PREFIX}${time}:${k.tabId}:${k.saml ? 's' : 'o'}:${k.requestId}:${k.hop}`;
}

export function parseEntryKey(key: string): EntryKey | undefined {
  if (!key.startsWith(ENTRY_PREFIX)) return undefined;
  const parts = key.slice(ENTRY_PREFIX.length).split(':');
  if (parts.length !== 5) return undefined;
  const [time, tab, kind, requestId, hop] = parts as [string, string, string, string, string];
  const micros = Number(time);
  const tabId = Number(tab);
  const hopNumber = Number(hop);
  if (!Number.isFinite(micros) || !Number.isInteger(tabId) || !Number.isInteger(hopNumber)) return undefined;
  if (kind !== 's' && kind !== 'o') return undefined;
  return { micros, tabId, saml: kind === 's', requestId, hop: hopNumber };
}

export function isEntryKey(key: string): boolean {
  return key.startsWith(ENTRY_PREFIX);
}

/**
 * Beside an entry written before the worker knew its settings (the first milliseconds after it woke): the
 * entry may have been captured while recording was paused. The next start keeps it or removes it then.
 */
export const UNCONFIRMED_PREFIX = 'u:';

export function unconfirmedKey(entryKey: string): string {
  return `${UNCONFIRMED_PREFIX}${entryKey}`;
}

/** Messages the content script saw in a page, waiting in storage.local for the background (page-capture/). */
export const PAGE_PREFIX = 'p:';
