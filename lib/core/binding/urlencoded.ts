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

export function parseRawParams(query: string): RawParam[] {
  if (query === '') return [];
  const out: RawParam[] = [];
  for (const raw of query.split('&')) {
    if (raw === '') continue;
    const eq = raw.indexOf('=');
    const rawName = eq < 0 ? raw : raw.slice(0, eq);
    const rawValue = eq < 0 ? '' : raw.slice(eq + 1);
    out.push({ name: formDecode(rawName), rawValue, raw });
  }
  return out;
}

/**
 * The `name=value` pairs behind a ';' in one pair's text (`utm=1;SAMLResponse=...`): form and query parsers
 * that split on ';' as well as '&' (Python's parse_qsl before the CVE-2021-23336 fix, Django's QueryDict
 * before 3.1.7) read each as a field of its own, which every other receiver, and the judgement here, reads as
 * part of a value.
 */
export function semicolonPairs(text: string): RawParam[] {
  const at = text.indexOf(';');
  return at < 0 ? [] : parseRawParams(text.slice(at + 1).replace(/;/g, '&')).filter((p) => p.raw.includes('='));
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
  const ascii = asciiEscapesDecoded(s);
  if (ascii !== undefined) return ascii;
  try {
    return decodeURIComponent(s);
  } catch {
    return tolerantPercentDecode(s);
  }
}

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) HEX['0123456789abcdef'.charCodeAt(i)] = HEX['0123456789ABCDEF'.charCodeAt(i)] = i;

/*
 * A form-encoded base64 value (escapes only for '+', '/' and '=', about one character in 30): its pieces
 * between escapes joined give what decodeURIComponent gives, faster on a 1 MB value. Undefined when escapes
 * are dense (XML sent form-encoded: a piece per escape would cost more than decodeURIComponent, in time and
 * memory), malformed, or stand for a byte of a multi-byte character: those go the general way.
 */
function asciiEscapesDecoded(s: string): string | undefined {
  const most = s.length >> 4;
  let count = 0;
  for (let at = s.indexOf('%'); at >= 0; at = s.indexOf('%', at + 1)) if (++count > most) return undefined;
  const parts = s.split('%');
  for (let k = 1; k < parts.length; k++) {
    const part = parts[k] ?? '';
    const high = HEX[part.charCodeAt(0)] ?? -1;
    const low = HEX[part.charCodeAt(1)] ?? -1;
    if (high < 0 || high > 7 || low < 0) return undefined;
    parts[k] = String.fromCharCode((high << 4) | low) + part.slice(2);
  }
  return parts.join('');
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
