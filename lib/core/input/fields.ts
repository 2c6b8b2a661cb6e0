// Small normalisers shared by the readers: headers, times, status lines, bodies.
import type { HttpHeader } from '../model';
import { parseInstant } from '../instant';
import { parseFormBody } from '../binding/urlencoded';

/** Accepts `[{name, value}]` (HAR, webRequest, SAML-tracer) and `[[name, value]]` (SAML-tracer before 1.0). */
export function normaliseHeaders(input: unknown): HttpHeader[] {
  if (!Array.isArray(input)) return [];
  const out: HttpHeader[] = [];
  for (const h of input) {
    if (Array.isArray(h)) {
      if (typeof h[0] === 'string') out.push({ name: h[0], value: scalarText(h[1]) });
    } else if (isRecord(h) && typeof h.name === 'string') {
      out.push({ name: h.name, value: scalarText(h.value) });
    }
  }
  return out;
}

/** The form fields and query parameters that carry a SAML or WS-Federation message, or travel with one. */
export const SAML_PARAMS: ReadonlySet<string> = new Set(['SAMLRequest', 'SAMLResponse', 'SAMLart', 'RelayState', 'SigAlg', 'Signature', 'wa', 'wresult', 'wctx']);

export function headerValue(headers: HttpHeader[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

/** ISO 8601 in UTC, or undefined when the value is not a time (HAR from Firefox carries local offsets). */
export function toIso(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? safeIso(new Date(value)) : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  // An ISO time without a zone as UTC, on every machine alike (lib/core/instant.ts); other shapes as Date reads them.
  return safeIso(parseInstant(value) ?? new Date(value));
}

function safeIso(d: Date): string | undefined {
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** 'HTTP/1.1 302 Found' -> 'Found'; a bare reason phrase stays as it is. */
export function reasonPhrase(statusLine: string): string {
  const m = /^HTTP\/[\d.]+\s+\d{3}\s*(.*)$/i.exec(statusLine.trim());
  return m ? (m[1] ?? '') : statusLine.trim();
}

export function statusNumber(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * A request body becomes form fields when it is form-urlencoded (by Content-Type, or by shape when no
 * Content-Type is known), otherwise it stays text (SOAP, XML, JSON).
 */
export function classifyBody(
  text: string,
  contentType: string | undefined,
): { formFields: Array<[string, string]> } | { body: string } {
  const ct = contentType?.toLowerCase();
  const boundary = ct?.includes('multipart/form-data') ? /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType!) : undefined;
  if (boundary) return { formFields: parseMultipart(text, boundary[1] ?? boundary[2]!) };
  const form = ct ? ct.includes('application/x-www-form-urlencoded') : looksLikeFormBody(text);
  return form ? { formFields: parseFormBody(text.trim()) } : { body: text };
}

const MAX_PARTS = 1000;

/**
 * The fields of a multipart/form-data body (RFC 7578): an SP's framework hands them to its ACS exactly as it
 * does form-urlencoded ones, so a SAMLResponse posted this way is a message like any other. Frameworks differ
 * where the RFC leaves room (a boundary line ended by LF alone, a part with a filename, an unquoted or repeated
 * name), and a forged part must not hide behind a genuine one in that room: every reading is kept, the
 * CRLF-only one and the LF-tolerant one, every part with every name its header gives, files included.
 */
export function parseMultipart(text: string, boundary: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const strict of [true, false]) {
    for (const field of multipartReading(text, boundary, strict)) {
      const key = `${field[0]}\u0000${field[1]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(field);
    }
  }
  return out;
}

function multipartReading(text: string, boundary: string, strict: boolean): Array<[string, string]> {
  const eol = strict ? '\r\n' : '\n';
  const delimiter = `--${boundary}`;
  const fields: Array<[string, string]> = [];
  let at = text.startsWith(delimiter) ? 0 : text.indexOf(`${eol}${delimiter}`);
  if (at > 0) at += eol.length;
  for (let parts = 0; at >= 0 && parts < MAX_PARTS; parts++) {
    const start = at + delimiter.length;
    if (text.startsWith('--', start)) break;
    const next = text.indexOf(`${eol}${delimiter}`, start);
    const part = text.slice(start, next < 0 ? text.length : next).replace(/^[ \t]*\r?\n/, '');
    const split = strict ? /\r\n\r\n/.exec(part) : /\r?\n\r?\n/.exec(part);
    const head = split ? part.slice(0, split.index) : part;
    const raw = split ? part.slice(split.index + split[0].length) : '';
    const body = strict ? raw : raw.replace(/\r$/, '');
    const disposition = /^content-disposition:[^\r\n]*$/im.exec(head)?.[0] ?? '';
    // Every `name=` the header holds, each read from where it starts (one may sit inside another's quotes).
    const names = new Set<string>();
    for (const m of disposition.matchAll(/\bname\s*=\s*/gi)) {
      const rest = disposition.slice(m.index + m[0].length);
      const value = rest.startsWith('"') ? /^"([^"]*)"/.exec(rest)?.[1] : /^[^;\s"]+/.exec(rest)?.[0];
      if (value !== undefined) names.add(value);
    }
    for (const name of names) fields.push([name, body]);
    at = next < 0 ? -1 : next + eol.length;
  }
  return fields;
}

/** `name=value&...` with no raw whitespace inside (form encoding escapes it). */
export function looksLikeFormBody(text: string): boolean {
  const t = text.trim();
  return /^[A-Za-z0-9_.~%*+-]+=/.test(t) && !/\s/.test(t);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/**
 * A file's value where text belongs: a number or a flat list reads as String() reads it, anything else as
 * nothing. String() on a nested list recurses once per level, so a value nested thousands deep in one header
 * would otherwise end the reading of the whole file with a stack overflow.
 */
export function scalarText(v: unknown): string {
  if (Array.isArray(v)) return v.every(isScalar) ? v.join(',') : '';
  return isScalar(v) && v !== null && v !== undefined ? String(v) : '';
}

function isScalar(v: unknown): boolean {
  return v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** What a value from a file is, for a message: short, and never a walk over it (it may be nested thousands deep). */
export function shownValue(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object' && v !== null) return 'an object';
  return JSON.stringify(v)?.slice(0, 60) ?? 'nothing';
}
