// Which captured entry a request finished in DevTools is: the background captured it (webRequest) without
// its body; DevTools has the body. Same method and URL, started within a few seconds, the nearest wins.
import type { ResponseBody, TraceEntry } from '../../core/model';

/** A body read through devtools.network, with what identifies its request. */
export interface CapturedBody {
  method: string;
  url: string;
  /** Milliseconds since the epoch (HAR startedDateTime). */
  startedMs: number;
  status?: number;
  body: ResponseBody;
}

/** webRequest's timeStamp and DevTools' startedDateTime are taken at slightly different moments. */
export const MATCH_WINDOW_MS = 3000;

function key(method: string, url: string): string {
  const hash = url.indexOf('#');
  return `${method.toUpperCase()} ${hash < 0 ? url : url.slice(0, hash)}`;
}

function startedMs(e: TraceEntry): number | undefined {
  const t = e.capturedAt ? Date.parse(e.capturedAt) : NaN;
  return Number.isNaN(t) ? undefined : t;
}

/**
 * The entries with the bodies that match them attached (a body the capture already has is kept). Each entry
 * takes at most one body and each body goes to at most one entry; the input is not changed.
 */
export function attachBodies(entries: TraceEntry[], bodies: readonly CapturedBody[], inspectedTabId?: number): TraceEntry[] {
  if (bodies.length === 0) return entries;
  const byKey = new Map<string, number[]>();
  entries.forEach((e, i) => {
    if (e.responseBody || typeof e.url !== 'string' || typeof e.method !== 'string') return;
    if (inspectedTabId !== undefined && e.tabId !== undefined && e.tabId !== inspectedTabId) return;
    const k = key(e.method, e.url);
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  });
  const chosen = new Map<number, ResponseBody>();
  for (const b of bodies) {
    let best: number | undefined;
    let bestGap = Infinity;
    for (const i of byKey.get(key(b.method, b.url)) ?? []) {
      if (chosen.has(i)) continue;
      const e = entries[i]!;
      if (b.status !== undefined && e.responseStatus !== undefined && b.status !== e.responseStatus) continue;
      const t = startedMs(e);
      const gap = t === undefined ? MATCH_WINDOW_MS : Math.abs(t - b.startedMs);
      if (gap <= MATCH_WINDOW_MS && gap < bestGap) [best, bestGap] = [i, gap];
    }
    if (best !== undefined) chosen.set(best, b.body);
  }
  if (chosen.size === 0) return entries;
  return entries.map((e, i) => {
    const body = chosen.get(i);
    return body ? { ...e, responseBody: body } : e;
  });
}
