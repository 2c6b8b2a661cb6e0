import browser from 'webextension-polyfill';
import type { TraceEntry } from '../../core/model';
import { isEntryKey } from './keys';

/** session: memory only, gone when the browser closes (default). local: on disk, kept (user's choice). */
export type Area = 'session' | 'local';
export const AREAS: Area[] = ['session', 'local'];

function storageArea(area: Area) {
  return area === 'session' ? browser.storage.session : browser.storage.local;
}

/** Every stored entry key of an area (getKeys where the browser has it, else a full read). */
export async function entryKeys(area: Area): Promise<string[]> {
  const s = storageArea(area) as { getKeys?: () => Promise<string[]> };
  let keys: string[] | undefined;
  try {
    if (typeof s.getKeys === 'function') keys = await s.getKeys();
  } catch {
    // Older browsers (Chrome < 130, Firefox < 143) have no getKeys: read everything instead.
  }
  keys ??= Object.keys(await storageArea(area).get(null));
  return keys.filter(isEntryKey);
}

/** All captured entries of both areas, in capture order (keys sort by capture time). */
export async function readEntries(): Promise<TraceEntry[]> {
  const merged = new Map<string, TraceEntry>();
  for (const area of AREAS) {
    const all = (await storageArea(area).get(null)) as Record<string, unknown>;
    for (const [key, value] of Object.entries(all)) if (isEntryKey(key) && isEntry(value)) merged.set(key, value);
  }
  return [...merged.keys()].sort().map((key) => merged.get(key) as TraceEntry);
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
    if (keys.length) await storageArea(area).remove(keys);
  }
}

/** Moves every entry to `to` (the user switched "keep captures across restarts"). */
export async function moveEntries(to: Area): Promise<void> {
  const from: Area = to === 'session' ? 'local' : 'session';
  const keys = await entryKeys(from);
  if (keys.length === 0) return;
  const values = await storageArea(from).get(keys);
  await storageArea(to).set(values);
  await storageArea(from).remove(keys);
}

function isEntry(value: unknown): value is TraceEntry {
  return typeof value === 'object' && value !== null && typeof (value as TraceEntry).url === 'string';
}

/**
 * Batches writes: each entry has its own key, so a batch is a plain multi-key set, never a
 * read-modify-write. Flushing soon (not per event) keeps a burst of thousands of requests cheap.
 */
export class EntryWriter {
  private readonly queue = new Map<string, TraceEntry | null>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly area: () => Promise<Area>,
    /** Called when storage is full: returns non-SAML keys to drop before retrying. */
    private readonly shed: () => string[],
    private readonly onError: (message: string) => void,
    private readonly delayMs = 40,
  ) {}

  put(key: string, entry: TraceEntry, urgent = false): void {
    this.queue.set(key, entry);
    this.schedule(urgent ? 0 : this.delayMs);
  }

  remove(keys: string[]): void {
    for (const key of keys) this.queue.set(key, null);
    if (keys.length) this.schedule(this.delayMs);
  }

  /** Resolves when everything queued so far is in storage. */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private schedule(delay: number): void {
    if (this.timer !== undefined && delay > 0) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delay);
  }

  private async write(): Promise<void> {
    if (this.queue.size === 0) return;
    const batch = new Map(this.queue);
    this.queue.clear();
    const sets: Record<string, TraceEntry> = {};
    const removes: string[] = [];
    for (const [key, value] of batch) {
      if (value) sets[key] = value;
      else removes.push(key);
    }
    const store = storageArea(await this.area());
    try {
      if (removes.length) await store.remove(removes);
      if (Object.keys(sets).length) await this.setWithRoom(store, sets);
    } catch (error) {
      this.onError(`could not store captured requests: ${String(error)}`);
    }
  }

  private async setWithRoom(store: ReturnType<typeof storageArea>, sets: Record<string, TraceEntry>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await store.set(sets);
        return;
      } catch (error) {
        if (attempt >= 3 || !/quota/i.test(String(error))) throw error;
        const victims = this.shed();
        for (const key of victims) delete sets[key];
        if (victims.length) await store.remove(victims);
      }
    }
  }
}
