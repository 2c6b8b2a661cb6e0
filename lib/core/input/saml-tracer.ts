// SAML-tracer export requests (1.x with requestId, and pre-1.0 with id and [name, value] headers) -> TraceEntry.
import type { TraceEntry } from '../model';
import { isMaskedValue } from '../binding/masked';
import { isRecord, normaliseHeaders, reasonPhrase, statusNumber, str, toIso } from './fields';

/**
 * SAML-tracer records no time per request: every entry gets the export's `timestamp`, the best there is,
 * unless SAML Lens wrote the file and kept the capture time in `_samlLens.capturedAt`.
 * Its `post`, `get` and `postData` values are already decoded (it reads them from webRequest's formData).
 */
export function fromSamlTracerRequest(req: unknown, index: number, exportTime?: string): TraceEntry | undefined {
  if (!isRecord(req) || typeof req.url !== 'string') return undefined;
  const entry: TraceEntry = {
    id: `st-${index}`,
    source: 'saml-tracer',
    method: (str(req.method) ?? 'GET').toUpperCase(),
    url: req.url,
    requestHeaders: normaliseHeaders(req.requestHeaders),
    responseHeaders: normaliseHeaders(req.responseHeaders),
  };
  // SAML Lens's own SAML-tracer export keeps each request's time and type in `_samlLens`, which SAML-tracer's
  // importer does not read (it takes only the fields it exports).
  const lens = isRecord(req._samlLens) ? req._samlLens : undefined;
  const capturedAt = toIso(lens?.capturedAt) ?? toIso(exportTime);
  if (capturedAt) entry.capturedAt = capturedAt;
  const resourceType = str(lens?.resourceType);
  if (resourceType) entry.resourceType = resourceType;

  const fields = postFields(req.post, req.postData);
  if (fields.length > 0) entry.formFields = fields;
  const masked =
    req.postData === '{overwritten}' ||
    fields.some(([, v]) => isMaskedValue(v)) ||
    pairs(req.get).some(([, v]) => isMaskedValue(v));
  if (masked) entry.masked = true;
  const saml = str(req.saml);
  if (saml && saml.trim() !== '') entry.savedXml = saml;

  const status = statusNumber(req.responseStatus);
  if (status !== undefined) entry.responseStatus = status;
  const statusText = str(req.responseStatusText);
  if (statusText) entry.responseStatusText = reasonPhrase(statusText);
  const location = entry.responseHeaders.find((h) => h.name.toLowerCase() === 'location')?.value;
  if (location && status !== undefined && status >= 300 && status < 400) entry.redirectUrl = location;
  return entry;
}

/** `post` ([[name, value]]) when present, else `postData` ({name: [values]}); "{overwritten}" gives none. */
function postFields(post: unknown, postData: unknown): Array<[string, string]> {
  const fromPost = pairs(post);
  if (fromPost.length > 0) return fromPost;
  if (!isRecord(postData)) return [];
  const out: Array<[string, string]> = [];
  for (const [name, values] of Object.entries(postData)) {
    for (const v of Array.isArray(values) ? values : [values]) if (typeof v === 'string') out.push([name, v]);
  }
  return out;
}

function pairs(input: unknown): Array<[string, string]> {
  if (!Array.isArray(input)) return [];
  const out: Array<[string, string]> = [];
  for (const p of input) {
    if (Array.isArray(p) && typeof p[0] === 'string') out.push([p[0], typeof p[1] === 'string' ? p[1] : '']);
  }
  return out;
}

