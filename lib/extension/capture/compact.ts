import type { HttpHeader, TraceEntry } from '../../core/model';

/**
 * Headers worth keeping on the traffic around SAML messages: the redirect chain (Location), what was
 * sent (Content-Type) and the cookies and origins that so often break SSO (SameSite on the ACS post).
 * The rest (user agent, client hints, accept-*) would fill storage.session's 10 MB with noise.
 */
const KEEP = new Set(['location', 'content-type', 'cookie', 'set-cookie', 'origin', 'referer']);

const keep = (headers: HttpHeader[]) => headers.filter((h) => KEEP.has(h.name.toLowerCase()));

/** A non-SAML entry as stored in the capture window; SAML entries are stored whole. */
export function compactOther(entry: TraceEntry): TraceEntry {
  const { body: _body, ...rest } = entry;
  return { ...rest, requestHeaders: keep(entry.requestHeaders), responseHeaders: keep(entry.responseHeaders) };
}
