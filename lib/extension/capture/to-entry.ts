import type { TraceEntry } from '../../core/model';
import { fromWebRequest } from '../../core/input';
import type { Hop } from './hop';

/** The merged hop, normalised by the core exactly as HAR and SAML-tracer input are. */
export function hopToEntry(hop: Hop): TraceEntry {
  return fromWebRequest({
    requestId: hop.requestId,
    url: hop.url,
    method: hop.method,
    tabId: hop.tabId,
    timeStamp: hop.timeStamp,
    ...(hop.type ? { type: hop.type } : {}),
    requestBody: hop.formData ? { formData: hop.formData } : hop.rawBytes ? { raw: [{ bytes: hop.rawBytes }] } : null,
    ...(hop.requestHeaders ? { requestHeaders: hop.requestHeaders } : {}),
    ...(hop.statusCode !== undefined ? { statusCode: hop.statusCode } : {}),
    ...(hop.statusLine ? { statusLine: hop.statusLine } : {}),
    ...(hop.responseHeaders ? { responseHeaders: hop.responseHeaders } : {}),
    ...(hop.redirectUrl ? { redirectUrl: hop.redirectUrl } : {}),
  });
}

/** "HTTP/1.1 302 Found" -> "Found". */
function statusText(statusLine: string | undefined): string | undefined {
  const m = statusLine ? /^\S+\s+\d{3}\s*(.*)$/.exec(statusLine.trim()) : null;
  return m?.[1] ? m[1] : undefined;
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
