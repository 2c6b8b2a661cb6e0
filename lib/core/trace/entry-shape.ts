import { readCapturedSignatures } from '../captured';
import type { EntrySource, HttpHeader, Problem, TraceEntry } from '../model';
import { responseBodyFrom } from '../input/body';
import { scalarText } from '../input/fields';

const SOURCES: ReadonlySet<string> = new Set<EntrySource>(['webrequest', 'har', 'saml-tracer', 'pasted', 'trace']);

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function headers(v: unknown): HttpHeader[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObj).flatMap((h) => (typeof h.name === 'string' ? [{ name: h.name, value: scalarText(h.value) }] : []));
}

function fields(v: unknown): Array<[string, string]> | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.flatMap((f): Array<[string, string]> => (Array.isArray(f) && typeof f[0] === 'string' ? [[f[0], scalarText(f[1])]] : []));
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/**
 * Checks one stored entry field by field: a hand-edited or truncated file loses the broken entry (reported
 * by the caller), never the others, and never smuggles a non-string where the decoders expect text.
 */
export function readEntry(raw: unknown, index: number, problems: Problem[] = []): TraceEntry | string {
  if (!isObj(raw)) return `entry ${index + 1} is not an object`;
  const url = str(raw.url);
  if (!url) return `entry ${index + 1} has no URL`;
  const entry: TraceEntry = {
    id: str(raw.id) ?? `entry-${index + 1}`,
    source: typeof raw.source === 'string' && SOURCES.has(raw.source) ? (raw.source as EntrySource) : 'trace',
    method: (str(raw.method) ?? 'GET').toUpperCase(),
    url,
    requestHeaders: headers(raw.requestHeaders),
    responseHeaders: headers(raw.responseHeaders),
  };
  const formFields = fields(raw.formFields);
  if (formFields) entry.formFields = formFields;
  const optionalStrings = ['body', 'responseStatusText', 'capturedAt', 'redirectUrl', 'incomplete', 'savedXml', 'resourceType'] as const;
  for (const key of optionalStrings) {
    const value = str(raw[key]);
    if (value !== undefined) entry[key] = value;
  }
  if (typeof raw.responseStatus === 'number') entry.responseStatus = raw.responseStatus;
  if (typeof raw.tabId === 'number') entry.tabId = raw.tabId;
  if (raw.masked === true) entry.masked = true;
  if (raw.redacted === true) entry.redacted = true;
  // A stored body goes through the same cap as a captured one: a hand-made trace cannot smuggle in more.
  if (isObj(raw.responseBody)) {
    const body = responseBodyFrom(raw.responseBody.text, str(raw.responseBody.mimeType));
    if (body) entry.responseBody = raw.responseBody.truncated === true ? { ...body, truncated: true } : body;
  }
  // Verdicts in a file are claims of whoever made it: read strictly, each malformed one said in a problem.
  const captured = readCapturedSignatures(raw.capturedSignatures, `trace entry ${index + 1}`, problems);
  if (captured) entry.capturedSignatures = captured;
  return entry;
}
