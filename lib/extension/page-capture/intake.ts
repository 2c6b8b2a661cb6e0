import browser from 'webextension-polyfill';
import type { TraceEntry } from '../../core/model';
import { entryKey } from '../store/keys';
import { pageRecordKeys } from '../store/entries';
import { isPageRecord, messageFingerprint, PAGE_PREFIX, pageRecordToEntry, type PageRecord } from './record';
import type { PageRecordNote } from './report';

/**
 * How long a page record waits for webRequest to report the same message: the POST the form makes, the request
 * that brought the page. Only when webRequest has not (its worker was stopped) does the page's record become an
 * entry. A webRequest entry arriving later still replaces it (noteWebRequest).
 */
export const PAGE_GRACE_MS = 1500;
/** Marks when this browser session began, in storage.session (cleared by a browser restart). */
const SINCE_KEY = 'pageSince';

export interface PageIntakeDeps {
  recording(): boolean;
  keepAcrossRestart(): boolean;
  /** Stores a SAML entry built from a page record where the background keeps captures. */
  store(key: string, entry: TraceEntry): Promise<unknown>;
  /** Removes a stored entry built from a page record (webRequest caught the same message after all). */
  remove(key: string): void;
}

/**
 * Background side of the page path: takes the content script's records from storage.local, turns those
 * webRequest missed into entries and keeps one entry per message when both paths caught it.
 */
export class PageIntake {
  /** Messages webRequest stored (fingerprints). */
  private readonly caught = new Set<string>();
  /** Messages stored from a page record: fingerprint -> entry key. */
  private readonly fromPage = new Map<string, string>();
  private readonly tabs = new Map<string, number>();
  private readonly taken = new Set<string>();
  private readonly pending = new Set<Promise<void>>();
  private since = 0;
  private begin: () => void = () => undefined;
  /** Settles when start() has read the session's start: records wait for it. */
  private readonly started = new Promise<void>((resolve) => (this.begin = resolve));

  constructor(private readonly deps: PageIntakeDeps) {}

  /** Background start: listeners now (synchronously), stored records once the settings are known. */
  listen(): void {
    browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
      const key = (message as PageRecordNote | undefined)?.samlLensPage;
      if (sender.id !== browser.runtime.id || typeof key !== 'string' || !key.startsWith(PAGE_PREFIX)) return undefined;
      if (sender.tab?.id !== undefined) this.tabs.set(key, sender.tab.id);
      return undefined;
    });
    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local') return;
      for (const [key, change] of Object.entries(changes)) {
        if (key.startsWith(PAGE_PREFIX) && change.newValue !== undefined) this.take(key, change.newValue);
      }
    });
  }

  /** Called once the background knows its settings and has remembered what is stored. */
  async start(): Promise<void> {
    try {
      await this.readSince();
    } finally {
      this.begin();
    }
    // By key: with captures kept across restarts, storage.local also holds every captured request.
    const keys = await pageRecordKeys();
    if (!keys.length) return;
    const records = await browser.storage.local.get(keys);
    for (const key of keys) if (records[key] !== undefined) this.take(key, records[key]);
  }

  private async readSince(): Promise<void> {
    const session = await browser.storage.session.get(SINCE_KEY);
    if (typeof session[SINCE_KEY] === 'number') this.since = session[SINCE_KEY];
    else {
      // The first worker of this browser session: a record from before it started was left by the last session
      // (a browser quit within the grace period and started again: Firefox does that in under 5 s). This
      // session's pages write theirs after it: their request woke it. A second covers the clocks' steps.
      this.since = Math.min(Date.now(), performance.timeOrigin) - 1000;
      await browser.storage.session.set({ [SINCE_KEY]: this.since });
    }
  }

  /** An entry already in storage (read at start). */
  remember(key: string, entry: TraceEntry): void {
    const fingerprint = messageFingerprint(entry);
    if (fingerprint === undefined) return;
    if (entry.id.startsWith('pg-')) this.fromPage.set(fingerprint, key);
    else this.caught.add(fingerprint);
  }

  /** webRequest stored a SAML message: a page entry for the same message is now a duplicate. */
  noteWebRequest(entry: TraceEntry): void {
    const fingerprint = messageFingerprint(entry);
    if (fingerprint === undefined) return;
    this.caught.add(fingerprint);
    const duplicate = this.fromPage.get(fingerprint);
    if (duplicate === undefined) return;
    this.fromPage.delete(fingerprint);
    this.deps.remove(duplicate);
  }

  /** Resolves when every record taken so far is stored or dropped. */
  async flush(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  private take(key: string, value: unknown): void {
    if (this.taken.has(key)) return;
    this.taken.add(key);
    const work = this.started
      .then(() => (isPageRecord(value) ? wait(value.at + PAGE_GRACE_MS - Date.now()).then(() => this.settle(key, value)) : undefined))
      .then(() => browser.storage.local.remove(key))
      .catch((error: unknown) => console.warn(`SAML Lens: could not take in a message seen in a page: ${String(error)}`))
      .finally(() => {
        this.pending.delete(work);
        this.tabs.delete(key);
        this.taken.delete(key);
      });
    this.pending.add(work);
  }

  private async settle(key: string, record: PageRecord): Promise<void> {
    if (!this.deps.recording()) return;
    if (record.at < this.since && !this.deps.keepAcrossRestart()) return;
    const id = key.slice(PAGE_PREFIX.length).replace(/:/g, '-');
    const entry = pageRecordToEntry(record, id, this.tabs.get(key));
    const fingerprint = messageFingerprint(entry);
    if (fingerprint === undefined || this.caught.has(fingerprint) || this.fromPage.has(fingerprint)) return;
    const stored = entryKey({ micros: record.at * 1000, tabId: entry.tabId ?? -1, saml: true, requestId: `page-${id}`, hop: 0 });
    this.fromPage.set(fingerprint, stored);
    await this.deps.store(stored, entry);
  }
}

function wait(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
