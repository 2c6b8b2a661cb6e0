// application/x-www-form-urlencoded helpers shared by the input readers and the bindings.

/** One `name=value` pair of a query or form body, kept both raw (as received) and decoded. */
export interface RawParam {
  /** Decoded name. */
  name: string;
  /** The value exactly as it appeared, still percent-encoded. */
  rawValue: string;
  /** The whole `name=value` substring as received (HTTP-Redirect signatures cover these octets). */
  raw: string;
}

/** The query of a URL as received: after the first '?', before any '#'. No URL parser: it would re-encode. */
export function rawQuery(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return '';
  const hash = url.indexOf('#', q + 1);
  return hash < 0 ? url.slice(q + 1) : url.slice(q + 1, hash);
}

/**
 * The `name=value` pairs of a query or form body, in order; with `wanted`, only the pairs of those names (a
 * URL with a hundred thousand other parameters then costs a scan, not a hundred thousand records).
 */
export function parseRawParams(query: string, wanted?: ReadonlySet<string>): RawParam[] {
  if (query === '') return [];
  const out: RawParam[] = [];
  for (let start = 0; start <= query.length; ) {
    let end = query.indexOf('&', start);
    if (end < 0) end = query.length;
    if (end > start) {
      const raw = query.slice(start, end);
      const eq = raw.indexOf('=');
      const name = formDecode(eq < 0 ? raw : raw.slice(0, eq));
      if (!wanted || wanted.has(name)) out.push({ name, rawValue: eq < 0 ? '' : raw.slice(eq + 1), raw });
    }
    start = end + 1;
  }
  return out;
}

/** Parses a form body into decoded `[name, value]` pairs in document order. */
export function parseFormBody(body: string): Array<[string, string]> {
  return parseRawParams(body).map((p) => [p.name, formDecode(p.rawValue)]);
}

/**
 * Decodes one form-urlencoded component ('+' is a space). Never throws: a malformed '%' sequence is kept
 * literally, as browsers do, instead of losing the whole value.
 */
export function formDecode(s: string): string {
  return percentDecode(s.includes('+') ? s.replace(/\+/g, ' ') : s);
}

/** Decodes %XX escapes only ('+' stays '+'); malformed escapes are kept literally. */
export function percentDecode(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return tolerantPercentDecode(s);
  }
}

const encoder = new TextEncoder();
const lenientUtf8 = new TextDecoder('utf-8');

function tolerantPercentDecode(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25 && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      // Non-ASCII characters (and surrogate pairs) go through the encoder to keep their UTF-8 bytes.
      const cp = s.codePointAt(i) ?? c;
      const ch = String.fromCodePoint(cp);
      for (const b of encoder.encode(ch)) bytes.push(b);
      i += ch.length - 1;
    }
  }
  return lenientUtf8.decode(new Uint8Array(bytes));
}

/** True when the text contains at least one well-formed %XX escape. */
export function hasPercentEscape(s: string): boolean {
  return /%[0-9A-Fa-f]{2}/.test(s);
}
