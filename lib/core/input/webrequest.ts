// chrome.webRequest (merged per request) -> TraceEntry.
import type { TraceEntry } from '../model';
import { classifyBody, headerValue, normaliseHeaders, reasonPhrase, toIso } from './fields';
import type { WebRequestDetails } from './types';

const utf8 = new TextDecoder('utf-8');

export function fromWebRequest(details: WebRequestDetails): TraceEntry {
  const requestHeaders = normaliseHeaders(details.requestHeaders);
  const entry: TraceEntry = {
    id: `wr-${details.requestId}-${Math.round(Number(details.timeStamp) || 0)}`,
    source: 'webrequest',
    method: String(details.method ?? 'GET').toUpperCase(),
    url: String(details.url ?? ''),
    requestHeaders,
    responseHeaders: normaliseHeaders(details.responseHeaders),
  };
  const capturedAt = toIso(details.timeStamp);
  if (capturedAt) entry.capturedAt = capturedAt;
  if (typeof details.tabId === 'number') entry.tabId = details.tabId;
  if (typeof details.statusCode === 'number') entry.responseStatus = details.statusCode;
  if (details.statusLine) entry.responseStatusText = reasonPhrase(details.statusLine);
  if (details.redirectUrl) entry.redirectUrl = details.redirectUrl;
  if (details.type) entry.resourceType = details.type;

  const body = details.requestBody;
  if (body?.formData) {
    // The browser already decoded these; keys come in object order (the original interleaving is lost).
    const fields: Array<[string, string]> = [];
    for (const [name, values] of Object.entries(body.formData)) {
      for (const v of Array.isArray(values) ? values : [values]) fields.push([name, String(v)]);
    }
    entry.formFields = fields;
  } else if (body?.raw && body.raw.length > 0) {
    const text = rawText(body.raw);
    if (text !== '') Object.assign(entry, classifyBody(text, headerValue(requestHeaders, 'content-type')));
  }
  return entry;
}

function rawText(parts: Array<{ bytes?: ArrayBuffer | Uint8Array }>): string {
  const chunks = parts
    .map((p) => (p.bytes instanceof Uint8Array ? p.bytes : p.bytes instanceof ArrayBuffer ? new Uint8Array(p.bytes) : undefined))
    .filter((b): b is Uint8Array => b !== undefined);
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const all = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    all.set(c, o);
    o += c.length;
  }
  // Not fatal: the SAML parts of a body are ASCII; a stray byte elsewhere must not lose them.
  return utf8.decode(all);
}
