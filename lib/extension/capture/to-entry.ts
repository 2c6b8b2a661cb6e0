import type { TraceEntry } from '../../core/model';
import type { Hop } from './hop';

/** Stable for one hop of one request in one browser session, and unique in a trace. */
export function entryId(hop: Pick<Hop, 'requestId' | 'hop' | 'timeStamp'>): string {
  return `wr-${Math.round(hop.timeStamp)}-${hop.requestId}-${hop.hop}`;
}

/** "HTTP/1.1 302 Found" -> "Found". */
export function statusText(statusLine: string | undefined): string | undefined {
  const m = statusLine ? /^\S+\s+\d{3}\s*(.*)$/.exec(statusLine.trim()) : null;
  return m?.[1] ? m[1] : undefined;
}

export function hopToEntry(hop: Hop): TraceEntry {
  const formFields = hop.formData
    ? Object.entries(hop.formData).flatMap(([name, values]) => values.map((v): [string, string] => [name, v]))
    : undefined;
  const text = statusText(hop.statusLine);
  return {
    id: entryId(hop),
    source: 'webrequest',
    method: hop.method,
    url: hop.url,
    requestHeaders: hop.requestHeaders ?? [],
    ...(formFields ? { formFields } : {}),
    ...(hop.rawBody !== undefined ? { body: hop.rawBody } : {}),
    ...(hop.statusCode !== undefined ? { responseStatus: hop.statusCode } : {}),
    ...(text ? { responseStatusText: text } : {}),
    responseHeaders: hop.responseHeaders ?? [],
    capturedAt: new Date(hop.timeStamp).toISOString(),
    tabId: hop.tabId,
    ...(hop.redirectUrl ? { redirectUrl: hop.redirectUrl } : {}),
  };
}

/** Late response data for an entry stored before the worker restarted. */
export function patchEntry(entry: TraceEntry, patch: Partial<Hop>): TraceEntry {
  const text = statusText(patch.statusLine);
  return {
    ...entry,
    ...(patch.requestHeaders ? { requestHeaders: patch.requestHeaders } : {}),
    ...(patch.statusCode !== undefined ? { responseStatus: patch.statusCode } : {}),
    ...(text ? { responseStatusText: text } : {}),
    ...(patch.responseHeaders ? { responseHeaders: patch.responseHeaders } : {}),
    ...(patch.redirectUrl ? { redirectUrl: patch.redirectUrl } : {}),
  };
}
