// Response bodies read in the DevTools panel through devtools.network while it is open: no content script,
// no permission beyond DevTools itself. Only pages are read (HTML, XML, JSON, text and HTTP errors), and only
// the latest few hundred are kept in the panel's memory; the background's capture never depends on them.
import { responseBodyFrom } from '../../core/input/body';
import type { CapturedBody } from './match';

/** What DevTools hands over for a finished request: a HAR entry with getContent() (webextension-polyfill). */
export interface FinishedRequestLike {
  request?: { method?: string; url?: string };
  response?: { status?: number; content?: { mimeType?: string } };
  startedDateTime?: string;
  _resourceType?: string;
  getContent(): Promise<[string, string]> | Promise<unknown>;
}

export interface NetworkLike {
  onRequestFinished: { addListener(fn: (request: FinishedRequestLike) => void): void };
}

export interface BodyCollector {
  bodies(): readonly CapturedBody[];
  /** Called when a new body arrived; returns an unsubscribe function. */
  subscribe(onChange: () => void): () => void;
}

const MAX_BODIES = 300;
const PAGE_TYPES = /html|xml|json|text\//i;

/** A request whose body can tell how a sign-in went: a page or an error, not a script, image or font. */
export function wantsBody(r: FinishedRequestLike): boolean {
  const status = r.response?.status ?? 0;
  if (status >= 400) return true;
  if (r._resourceType === 'document') return true;
  return PAGE_TYPES.test(r.response?.content?.mimeType ?? '') && !/javascript|css/i.test(r.response?.content?.mimeType ?? '');
}

export function collectBodies(network: NetworkLike): BodyCollector {
  const kept: CapturedBody[] = [];
  const listeners = new Set<() => void>();
  network.onRequestFinished.addListener((r) => {
    const method = r.request?.method;
    const url = r.request?.url;
    const startedMs = r.startedDateTime ? Date.parse(r.startedDateTime) : NaN;
    if (!method || !url || Number.isNaN(startedMs) || !wantsBody(r)) return;
    Promise.resolve(r.getContent())
      .then((content) => {
        const [text, encoding] = Array.isArray(content) ? content : [content, undefined];
        const body = responseBodyFrom(text, r.response?.content?.mimeType, typeof encoding === 'string' ? encoding : undefined);
        if (!body) return;
        kept.push({ method, url, startedMs, ...(r.response?.status ? { status: r.response.status } : {}), body });
        if (kept.length > MAX_BODIES) kept.splice(0, kept.length - MAX_BODIES);
        for (const fn of listeners) fn();
      })
      .catch(() => {
        // A body DevTools no longer holds (the page navigated away) is simply not there.
      });
  });
  return {
    bodies: () => kept,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}
