// The DevTools-like type of a captured request (document, XHR/fetch, script, image, other), for the UI's
// filter of the requests around the SAML messages.
import type { TraceEntry } from '../model';
import { own } from '../dictionary';

export type RequestType = 'document' | 'fetch' | 'script' | 'image' | 'other';

/** In the order the Network panel shows its type buttons. */
export const REQUEST_TYPES: readonly RequestType[] = ['document', 'fetch', 'script', 'image', 'other'];

export const REQUEST_TYPE_LABEL: Readonly<Record<RequestType, string>> = {
  document: 'Doc',
  fetch: 'Fetch/XHR',
  script: 'JS',
  image: 'Img',
  other: 'Other',
};

/**
 * What capturing tools name a request's type, mapped to the filter's types. Chrome's HAR `_resourceType`
 * carries DevTools' resource type names
 * (https://github.com/ChromeDevTools/devtools-frontend/blob/main/front_end/core/common/ResourceType.ts);
 * webRequest's `type` carries ResourceType values
 * (https://developer.chrome.com/docs/extensions/reference/api/webRequest#type-ResourceType,
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/webRequest/ResourceType).
 * Anything else (stylesheet, font, media, websocket, ping, manifest...) is "other", as in DevTools' filter.
 */
const BY_NAME: Readonly<Record<string, RequestType>> = {
  document: 'document',
  main_frame: 'document',
  sub_frame: 'document',
  xhr: 'fetch',
  fetch: 'fetch',
  xmlhttprequest: 'fetch',
  eventsource: 'fetch',
  script: 'script',
  image: 'image',
  imageset: 'image',
};

function header(e: TraceEntry, name: string): string | undefined {
  return e.responseHeaders.find((h) => h.name.toLowerCase() === name)?.value;
}

/** From the media type when the capture named no type (Firefox HAR, SAML-tracer). */
function fromMimeType(mimeType: string): RequestType | undefined {
  const t = mimeType.toLowerCase().split(';')[0]?.trim() ?? '';
  if (t === 'text/html' || t === 'application/xhtml+xml') return 'document';
  if (/(?:java|ecma)script/.test(t)) return 'script';
  if (t.startsWith('image/')) return 'image';
  if (t === 'application/json' || t.endsWith('+json') || t === 'application/xml' || t === 'text/xml') return 'fetch';
  return t ? 'other' : undefined;
}

/** The request's type: the capture's own word for it when there is one, else its response's media type. */
export function requestTypeOf(e: TraceEntry): RequestType {
  const named = e.resourceType ? own(BY_NAME, e.resourceType.toLowerCase()) : undefined;
  if (named) return named;
  if (e.resourceType) return 'other';
  const mime = e.responseBody?.mimeType ?? header(e, 'content-type');
  const byMime = mime ? fromMimeType(mime) : undefined;
  if (byMime) return byMime;
  // A redirect without a body is a navigation hop (the redirect chain of a sign-in), as DevTools shows it.
  const status = e.responseStatus;
  return status !== undefined && status >= 300 && status < 400 ? 'document' : 'other';
}
