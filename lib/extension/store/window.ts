import type { EntryKey } from './keys';
import { parseEntryKey } from './keys';

export interface WindowLimits {
  /** Non-SAML hops kept per tab: enough to see the redirect chain around each SAML message. */
  perTab: number;
  /** Non-SAML hops kept over all tabs, to stay inside storage.session's 10 MB. */
  total: number;
}

/** A burst of 5,000 requests in one tab stays visible; SAML entries are never evicted. */
export const DEFAULT_WINDOW: WindowLimits = { perTab: 5_000, total: 8_000 };

/**
 * Which captured keys exist and which to evict. Every SAML entry is kept; other traffic is a sliding
 * window per tab. Pure, so the policy is unit-tested without a browser.
 */
export class CaptureIndex {
  private readonly saml = new Set<string>();
  /** Non-SAML keys per tab, oldest first (keys sort by capture time). */
  private readonly other = new Map<number, string[]>();
  private otherCount = 0;
  private readonly all = new Set<string>();

  constructor(private readonly limits: WindowLimits = DEFAULT_WINDOW) {}

  /** Rebuild from stored keys (after the worker restarted). Unknown keys are ignored. */
  load(keys: Iterable<string>): void {
    const sorted = [...keys].sort();
    for (const key of sorted) {
      const parsed = parseEntryKey(key);
      if (parsed) this.add(key, parsed);
    }
  }

  /** Record a key; returns the keys to evict to keep the window. */
  add(key: string, parsed: EntryKey | undefined = parseEntryKey(key)): string[] {
    if (!parsed || this.all.has(key)) return [];
    this.all.add(key);
    if (parsed.saml) {
      this.saml.add(key);
      return [];
    }
    const list = this.other.get(parsed.tabId) ?? [];
    insertSorted(list, key);
    this.other.set(parsed.tabId, list);
    this.otherCount++;
    return this.evict();
  }

  remove(key: string): void {
    if (!this.all.delete(key)) return;
    if (this.saml.delete(key)) return;
    const parsed = parseEntryKey(key);
    if (!parsed) return;
    const list = this.other.get(parsed.tabId);
    const at = list?.indexOf(key) ?? -1;
    if (list && at >= 0) {
      list.splice(at, 1);
      this.otherCount--;
      if (list.length === 0) this.other.delete(parsed.tabId);
    }
  }

  has(key: string): boolean {
    return this.all.has(key);
  }

  clear(): void {
    this.saml.clear();
    this.all.clear();
    this.other.clear();
    this.otherCount = 0;
  }

  samlKeys(): string[] {
    return [...this.saml].sort();
  }

  /** The latest key of a request (to finish it after a worker restart lost the in-memory hop). */
  findRequest(requestId: string): string | undefined {
    const suffix = `:${requestId}:`;
    let found: string | undefined;
    for (const key of this.all) if (key.includes(suffix) && (!found || key > found)) found = key;
    return found;
  }

  size(): number {
    return this.saml.size + this.otherCount;
  }

  /** Drop the oldest non-SAML keys, a share of them, when storage reports it is full. */
  shed(share: number): string[] {
    const all = [...this.other.values()].flat().sort();
    const victims = all.slice(0, Math.max(1, Math.ceil(all.length * share)));
    for (const key of victims) this.remove(key);
    return victims;
  }

  private evict(): string[] {
    const victims: string[] = [];
    for (const list of this.other.values()) {
      while (list.length > this.limits.perTab) {
        const key = list.shift() as string;
        this.all.delete(key);
        victims.push(key);
        this.otherCount--;
      }
    }
    while (this.otherCount > this.limits.total) {
      let oldestTab: number | undefined;
      let oldest: string | undefined;
      for (const [tab, list] of this.other) {
        const head = list[0];
        if (head !== undefined && (oldest === undefined || head < oldest)) {
          oldest = head;
          oldestTab = tab;
        }
      }
      if (oldestTab === undefined) break;
      const key = this.other.get(oldestTab)?.shift() as string;
      this.all.delete(key);
      victims.push(key);
      this.otherCount--;
    }
    for (const [tab, list] of this.other) if (list.length === 0) this.other.delete(tab);
    return victims;
  }
}

/** Keys mostly arrive in order: append, else binary-insert. */
function insertSorted(list: string[], key: string): void {
  const last = list[list.length - 1];
  if (last === undefined || last <= key) {
    list.push(key);
    return;
  }
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, key);
}
