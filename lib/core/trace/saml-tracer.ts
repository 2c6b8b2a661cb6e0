import type { TraceEntry } from '../model';
import { type ExportNote } from './notes';
import { decodedPairs, splitUrl } from './query';
import { decodeSamlValue } from './saml-codec';
import { groupByName } from '../dictionary';

/** One request as SAML-tracer (1.x) exports and imports it. */
export interface SamlTracerRequest {
  method: string;
  url: string;
  requestId: string;
  requestHeaders: Array<{ name: string; value: string }>;
  get?: Array<[string, string]>;
  post?: Array<[string, string]>;
  postData?: Record<string, string[]>;
  protocol?: 'SAML-P' | 'WS-Fed';
  saml?: string | null;
  samlart?: string;
  responseStatus: number | string;
  responseStatusText: string;
  responseHeaders: Array<{ name: string; value: string }>;
  /** What SAML-tracer has no field for; its importer ignores fields it does not export. */
  _samlLens?: { capturedAt?: string; resourceType?: string };
}

export interface SamlTracerDocument {
  requests: SamlTracerRequest[];
  timestamp: string;
}

const SAML_PARAMS = ['SAMLRequest', 'SAMLResponse', 'SAMLart'];
const WSFED_PARAMS = ['wa', 'wreply', 'wctx', 'wtrealm', 'whr', 'wresult'];

function find(pairs: Array<[string, string]> | undefined, name: string): string | undefined {
  return pairs?.find(([n]) => n === name)?.[1];
}

/** The decoded XML, as SAML-tracer stores it in `saml` (its importer shows it instead of re-decoding POSTs). */
function samlOf(get: Array<[string, string]>, post: Array<[string, string]> | undefined, e: TraceEntry): string | null {
  for (const [pairs, deflated] of [
    [get, true],
    [post, false],
  ] as const) {
    for (const name of ['SAMLRequest', 'SAMLResponse']) {
      const value = find(pairs, name);
      if (value !== undefined) return decodeSamlValue(value, deflated)?.xml ?? e.savedXml ?? null;
    }
    const wresult = find(pairs, 'wresult');
    if (wresult !== undefined) return wresult;
  }
  return e.savedXml ?? null;
}

function request(e: TraceEntry, notes: ExportNote[]): SamlTracerRequest {
  const query = splitUrl(e.url).query;
  const get = query === undefined ? [] : decodedPairs(query);
  const post = e.formFields?.map(([n, v]): [string, string] => [n, v]);
  if (e.body !== undefined && !e.formFields) {
    notes.push({ entry: e.id, message: `the ${e.method} body is not form data; SAML-tracer files only hold form fields, so it is not in this export` });
  }
  const names = [...get, ...(post ?? [])].map(([n]) => n);
  const protocol = names.some((n) => SAML_PARAMS.includes(n)) ? 'SAML-P' : names.some((n) => WSFED_PARAMS.includes(n)) ? 'WS-Fed' : undefined;
  const out: SamlTracerRequest = {
    method: e.method,
    url: e.url,
    requestId: e.id,
    requestHeaders: e.requestHeaders.map((h) => ({ name: h.name, value: h.value })),
    // SAML-tracer itself records GET parameters only for GET requests; its importer re-reads them from the URL.
    ...(e.method === 'GET' ? { get } : {}),
    ...(post ? { post, postData: groupByName(post) } : {}),
    ...(protocol ? { protocol } : {}),
    responseStatus: e.responseStatus ?? '',
    responseStatusText: statusLine(e),
    responseHeaders: e.responseHeaders.map((h) => ({ name: h.name, value: h.value })),
  };
  // SAML-tracer's importer builds its requests from the fields it exports, by name, and leaves others alone
  // (restoreFromImport in https://github.com/simplesamlphp/SAML-tracer/blob/master/src/SAMLTraceIO.js).
  const lens = { ...(e.capturedAt ? { capturedAt: e.capturedAt } : {}), ...(e.resourceType ? { resourceType: e.resourceType } : {}) };
  if (lens.capturedAt || lens.resourceType) out._samlLens = lens;
  if (protocol) {
    out.saml = samlOf(get, post, e);
    const art = find(get, 'SAMLart') ?? find(post, 'SAMLart');
    if (art !== undefined) out.samlart = art;
  }
  return out;
}

/** SAML-tracer shows the raw status line (webRequest's statusLine), not the bare reason phrase. */
function statusLine(e: TraceEntry): string {
  if (e.responseStatus === undefined) return e.responseStatusText ?? '';
  const text = e.responseStatusText ?? '';
  if (/^HTTP\/\d/.test(text)) return text;
  return `HTTP/1.1 ${e.responseStatus}${text ? ` ${text}` : ''}`;
}

/**
 * SAML-tracer's export format (`{requests, timestamp}`), readable by SAML-tracer's own import. It has no
 * per-request time (kept in `_samlLens`) and no place for non-form bodies: both are reported as notes.
 */
export function toSamlTracer(entries: TraceEntry[], opts: { timestamp?: string } = {}): { document: SamlTracerDocument; notes: ExportNote[] } {
  const notes: ExportNote[] = [];
  const requests = entries.map((e) => request(e, notes));
  if (entries.some((e) => e.capturedAt)) {
    notes.push({ message: 'SAML-tracer files have no per-request time: the capture times are kept in the custom "_samlLens" field, which SAML Lens reads back and SAML-tracer ignores (it shows the export time)' });
  }
  if (entries.some((e) => e.responseBody)) {
    notes.push({ message: 'SAML-tracer files have no place for response bodies: the captured pages (IdP error pages, the SP answer) are not in this export' });
  }
  if (entries.some((e) => e.redacted)) {
    notes.push({ message: 'SAML-tracer files cannot mark redacted messages: their signatures will show as broken there' });
  }
  return { document: { requests, timestamp: opts.timestamp ?? new Date().toISOString() }, notes };
}
