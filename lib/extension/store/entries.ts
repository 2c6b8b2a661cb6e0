import browser from 'webextension-polyfill';
import type { TraceEntry } from '../../core/model';
import type { CaptureDrops } from '../../ui/data-source';
import { isEntryKey, PAGE_PREFIX, UNCONFIRMED_PREFIX, unconfirmedKey } from './keys';
import { addDrops, DROPS_KEY, NO_DROPS, readDrops } from './drops';

/** session: memory only, gone when the browser closes (default). local: on disk, kept (user's choice). */
export type Area = 'session' | 'local';
export const AREAS: Area[] = ['session', 'local'];

export function storageArea(area: Area) {
  return area === 'session' ? browser.storage.session : browser.storage.local;
}

/** Every key of an area, without reading a value: undefined where the browser has no getKeys. */
export async function storedKeys(area: Area): Promise<string[] | undefined> {
  const s = storageArea(area) as { getKeys?: () => Promise<string[]> };
  try {
    if (typeof s.getKeys === 'function') return await s.getKeys();
  } catch {
    // Older browsers (Chrome < 130, Firefox < 143) have no getKeys.
  }
  return undefined;
}

/** Every key of an area (getKeys where the browser has it, else a full read). */
export async function allKeys(area: Area): Promise<string[]> {
  return (await storedKeys(area)) ?? Object.keys(await storageArea(area).get(null));
}

/** Every stored entry key of an area. */
export async function entryKeys(area: Area): Promise<string[]> {
  return (await allKeys(area)).filter(isEntryKey);
}

/** Messages a page reported that the background has not taken in yet (always in storage.local). */
export async function pageRecordKeys(): Promise<string[]> {
  return (await allKeys('local')).filter((k) => k.startsWith(PAGE_PREFIX));
}

/** What the capture dropped, summed over both areas. */
export async function readStoredDrops(): Promise<CaptureDrops> {
  let total = NO_DROPS;
  for (const area of AREAS) total = addDrops(total, readDrops((await storageArea(area).get(DROPS_KEY))[DROPS_KEY]));
  return total;
}

/** Writes now: the set is sent to the browser within this call, before any await, so a stop right after loses nothing. */
export function writeNow(area: Area, items: Record<string, unknown>): Promise<void> {
  return storageArea(area).set(items);
}

/** Markers of entries written before the settings were known (see UNCONFIRMED_PREFIX); always in session. */
export async function unconfirmedEntryKeys(): Promise<string[]> {
  const all = await browser.storage.session.get(null);
  return Object.keys(all).filter((k) => k.startsWith(UNCONFIRMED_PREFIX)).map((k) => k.slice(UNCONFIRMED_PREFIX.length));
}

/** Keeps or removes (recording was paused) entries written before the settings were known, and drops their markers. */
export async function settleUnconfirmed(keep: boolean): Promise<void> {
  const keys = await unconfirmedEntryKeys();
  if (keys.length === 0) return;
  if (!keep) for (const area of AREAS) await storageArea(area).remove(keys);
  await browser.storage.session.remove(keys.map(unconfirmedKey));
}

export async function readEntriesByKey(area: Area, keys: string[]): Promise<Map<string, TraceEntry>> {
  const out = new Map<string, TraceEntry>();
  if (keys.length === 0) return out;
  const got = (await storageArea(area).get(keys)) as Record<string, unknown>;
  for (const key of keys) {
    const value = got[key];
    if (isEntry(value)) out.set(key, value);
  }
  return out;
}

export async function clearEntries(): Promise<void> {
  for (const area of AREAS) {
    const keys = await entryKeys(area);
    await storageArea(area).remove([...keys, DROPS_KEY]);
  }
  // Messages a page reported that the background has not taken in yet would reappear after the clear.
  const waiting = await pageRecordKeys();
  if (waiting.length) await browser.storage.local.remove(waiting);
}

/**
 * Moves every entry to `to` (the user switched "keep captures across restarts", or entries were written ahead to
 * session before the worker knew the setting). An entry already in `to` is newer (written after the settings
 * were known) and is kept.
 */
export async function moveEntries(to: Area): Promise<void> {
  const from: Area = to === 'session' ? 'local' : 'session';
  const keys = await entryKeys(from);
  const fromDrops = readDrops((await storageArea(from).get(DROPS_KEY))[DROPS_KEY]);
  const anyDrops = fromDrops.window + fromDrops.quota + fromDrops.saml > 0;
  if (keys.length === 0 && !anyDrops) return;
  const present = new Set(await entryKeys(to));
  const values = await storageArea(from).get(keys.filter((k) => !present.has(k)));
  if (anyDrops) {
    values[DROPS_KEY] = addDrops(readDrops((await storageArea(to).get(DROPS_KEY))[DROPS_KEY]), fromDrops);
  }
  if (Object.keys(values).length) await storageArea(to).set(values);
  await storageArea(from).remove([...keys, DROPS_KEY]);
}

export function isEntry(value: unknown): value is TraceEntry {
  return typeof value === 'object' && value !== null && typeof (value as TraceEntry).url === 'string';
}

/**
 * Batches writes of other traffic: each entry has its own key, so a batch is a plain multi-key set, never a
 * read-modify-write. Flushing soon (not per event) keeps a burst of thousands of requests cheap. SAML entries
 * do not wait for a batch: `now` sends them to storage within the listener's own turn.
 */
export class EntryWriter {
  private readonly queue = new Map<string, unknown>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly area: () => Promise<Area>,
    /** Called when storage is full: returns non-SAML keys to drop before retrying. */
    private readonly shed: () => string[],
    private readonly onError: (message: string) => void,
    private readonly delayMs = 40,
    /** Told what storage limits made it drop, so the panel can say so. */
    private readonly onDrop: (drops: Partial<CaptureDrops>) => void = () => undefined,
  ) {}

  put(key: string, value: unknown): void {
    this.queue.set(key, value);
    this.schedule();
  }

  remove(keys: string[]): void {
    for (const key of keys) this.queue.set(key, null);
    if (keys.length) this.schedule();
  }

  /**
   * Stores `items` at once: storage.set is called before this returns (no timer, no await first), so the
   * browser has the write even if the worker is stopped right after. A full quota is handled as for batches.
   */
  now(area: Area, items: Record<string, unknown>): Promise<boolean> {
    const store = storageArea(area);
    let first: Promise<void>;
    try {
      first = store.set(items);
    } catch (error) {
      first = Promise.reject(error);
    }
    const done = first
      .catch((error: unknown) => this.retryWithRoom(store, items, error))
      .then(
        () => true,
        (error: unknown) => {
          this.onDrop({ saml: Object.keys(items).filter(isEntryKey).length });
          this.onError(`could not store captured SAML messages: ${String(error)}`);
          return false;
        },
      );
    const tracked = done.then(() => undefined);
    this.inFlight.add(tracked);
    void tracked.then(() => this.inFlight.delete(tracked));
    return done;
  }

  /** Resolves when everything queued or sent so far is in storage. */
  async flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.flushing = this.flushing.then(() => this.write());
    await Promise.all([this.flushing, ...this.inFlight]);
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.delayMs);
  }

  private async write(): Promise<void> {
    if (this.queue.size === 0) return;
    const batch = new Map(this.queue);
    this.queue.clear();
    const sets: Record<string, unknown> = {};
    const removes: string[] = [];
    for (const [key, value] of batch) {
      if (value !== null) sets[key] = value;
      else removes.push(key);
    }
    const store = storageArea(await this.area());
    try {
      if (removes.length) await store.remove(removes);
      if (Object.keys(sets).length) {
        await store.set(sets).catch((error: unknown) => this.retryWithRoom(store, sets, error));
      }
    } catch (error) {
      this.onError(`could not store captured requests: ${String(error)}`);
    }
  }

  /** After a quota error: drop the oldest other traffic and try again, a few times. */
  private async retryWithRoom(store: ReturnType<typeof storageArea>, sets: Record<string, unknown>, error: unknown): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (attempt >= 3 || !/quota/i.test(String(error))) throw error;
      const victims = this.shed();
      for (const key of victims) delete sets[key];
      if (victims.length) {
        this.onDrop({ quota: victims.length });
        await store.remove(victims);
      }
      try {
        await store.set(sets);
        return;
      } catch (next) {
        error = next;
      }
    }
  }
}

export async function readDropsIn(area: Area): Promise<CaptureDrops> {
  return readDrops((await storageArea(area).get(DROPS_KEY))[DROPS_KEY]);
}
