// HAR 1.2 entries (Chrome/Edge "Save all as HAR", Firefox, Playwright recordHar) -> TraceEntry.
import type { Problem, TraceEntry } from '../model';
import { formDecode, hasPercentEscape } from '../binding/urlencoded';
import { readCapturedSignatures } from '../captured';
import { classifyBody, headerValue, isRecord, normaliseHeaders, shownValue, statusNumber, str, toIso } from './fields';
import { responseBodyFrom } from './body';

/**
 * Whether `postData.params` values are still URL-encoded depends on the producer: Chrome DevTools
 * ("WebInspector") splits the raw body on '&' and '=' and keeps the escapes; Firefox and Playwright decode
 * them. For anything else we look at the values themselves.
 */
export type ParamsEncoding = 'encoded' | 'decoded' | 'guess';

export function paramsEncodingOf(creatorName: string | undefined): ParamsEncoding {
  const name = (creatorName ?? '').toLowerCase();
  if (name === 'webinspector') return 'encoded';
  if (name.includes('firefox') || name.includes('playwright')) return 'decoded';
  return 'guess';
}

export function fromHarEntry(entry: unknown, index: number, creatorName?: string): TraceEntry | undefined {
  return readHarEntry(entry, index, paramsEncodingOf(creatorName)).entry;
}

export function readHarEntry(
  raw: unknown,
  index: number,
  params: ParamsEncoding,
): { entry?: TraceEntry; problems: Problem[] } {
  const request = isRecord(raw) ? raw.request : undefined;
  if (!isRecord(request) || typeof request.url !== 'string') {
    return { problems: [unrecognised(`HAR entry ${index} has no request URL; skipped`)] };
  }
  const problems: Problem[] = [];
  const requestHeaders = normaliseHeaders(request.headers);
  const entry: TraceEntry = {
    id: `har-${index}`,
    source: 'har',
    method: (str(request.method) ?? 'GET').toUpperCase(),
    url: request.url,
    requestHeaders,
    responseHeaders: [],
  };
  const started = isRecord(raw) ? raw.startedDateTime : undefined;
  const capturedAt = toIso(started);
  if (capturedAt) entry.capturedAt = capturedAt;
  else if (started !== undefined) {
    const shown = shownValue(started);
    problems.push(unrecognised(`HAR entry ${index}: startedDateTime ${shown} is not a time; time checks cannot use it`, 'info'));
  }
  // Chrome's HAR names each request's type (document, xhr, script...): the UI filters the requests by it.
  const resourceType = isRecord(raw) ? str(raw._resourceType) : undefined;
  if (resourceType) entry.resourceType = resourceType;
  if (isRecord(raw) && isRecord(raw._samlLens)) readSamlLensFields(entry, raw._samlLens, `HAR entry ${index} (_samlLens)`, problems);
  readPostData(entry, request.postData, requestHeaders, params);
  const response = isRecord(raw) ? raw.response : undefined;
  if (isRecord(response)) {
    entry.responseHeaders = normaliseHeaders(response.headers);
    const status = statusNumber(response.status);
    if (status !== undefined) entry.responseStatus = status;
    const text = str(response.statusText);
    if (text) entry.responseStatusText = text;
    const redirect = str(response.redirectURL) || headerValue(entry.responseHeaders, 'location');
    if (redirect) entry.redirectUrl = redirect;
    const content = response.content;
    if (isRecord(content)) {
      const body = responseBodyFrom(content.text, str(content.mimeType) || headerValue(entry.responseHeaders, 'content-type'), str(content.encoding));
      if (body) entry.responseBody = body;
    }
  }
  return { entry, problems };
}

function readPostData(
  entry: TraceEntry,
  postData: unknown,
  headers: TraceEntry['requestHeaders'],
  encoding: ParamsEncoding,
): void {
  if (!isRecord(postData)) return;
  const mimeType = str(postData.mimeType) || headerValue(headers, 'content-type');
  const text = str(postData.text);
  // The text is the body as sent; params are a producer's parse of it, so only a fallback.
  if (text) {
    Object.assign(entry, classifyBody(text, mimeType));
    return;
  }
  if (!Array.isArray(postData.params) || postData.params.length === 0) return;
  const pairs: Array<[string, string]> = [];
  for (const p of postData.params) {
    if (isRecord(p) && typeof p.name === 'string') pairs.push([p.name, str(p.value) ?? '']);
  }
  const decode = encoding === 'encoded' || (encoding === 'guess' && stillEncoded(pairs));
  entry.formFields = decode ? pairs.map(([n, v]) => [formDecode(n), formDecode(v)]) : pairs;
}

/** base64 never contains '%': a SAML value with %XX escapes has not been decoded yet. */
function stillEncoded(pairs: Array<[string, string]>): boolean {
  const saml = pairs.filter(([n]) => /^(?:SAMLRequest|SAMLResponse|SAMLart|wresult)$/.test(n));
  return (saml.length > 0 ? saml : pairs).some(([, v]) => hasPercentEscape(v));
}

/**
 * Cheap pre-check on a raw HAR entry so that a 50 MB HAR of images and scripts costs one pass of string
 * searches, not a TraceEntry per request.
 */
export function harEntryMayBeSaml(raw: unknown): boolean {
  if (!isRecord(raw) || !isRecord(raw.request)) return true; // let the reader report it
  const request = raw.request;
  if (typeof request.url === 'string' && MARKERS.test(request.url)) return true;
  const post = request.postData;
  if (!isRecord(post)) return false;
  if (typeof post.text === 'string' && post.text !== '' && (MARKERS.test(post.text) || post.text.includes(PROTOCOL_NS))) {
    return true;
  }
  return Array.isArray(post.params) && post.params.some((p) => isRecord(p) && typeof p.name === 'string' && MARKERS.test(p.name));
}

// Without case: a form field named like the message in another case is read by some SPs (binding/post.ts).
const MARKERS = /SAMLRequest|SAMLResponse|SAMLart|wresult/i;
const PROTOCOL_NS = 'urn:oasis:names:tc:SAML:';

function unrecognised(message: string, severity: Problem['severity'] = 'warning'): Problem {
  return { rule: 'input-unrecognised', severity, message: `${message}.` };
}

/**
 * SAML Lens's own HAR export keeps what HAR has no field for under `_samlLens` (HAR 1.2 custom field). Anyone
 * can write one: captured verdicts are read strictly, and stay claims (lib/core/captured).
 */
function readSamlLensFields(entry: TraceEntry, lens: Record<string, unknown>, where: string, problems: Problem[]): void {
  const id = str(lens.id);
  if (id) entry.id = id;
  if (typeof lens.tabId === 'number') entry.tabId = lens.tabId;
  if (lens.masked === true) entry.masked = true;
  const savedXml = str(lens.savedXml);
  if (savedXml) entry.savedXml = savedXml;
  if (lens.redacted === true) entry.redacted = true;
  const captured = readCapturedSignatures(lens.capturedSignatures, where, problems);
  if (captured) entry.capturedSignatures = captured;
}
