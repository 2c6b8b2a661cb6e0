// Finds credentials in free text (a header, a RelayState, a body, decoded XML, a finding message), also
// inside a URL that was percent-encoded once or twice to travel inside another URL. Every scanner walks
// the text a fixed number of times without backtracking, so a 300,000-character value costs milliseconds.
import { isCredentialParam, isJwt, looksLikeToken } from './credentials';
import { hexValue, percentDecode } from './percent';

export interface Span {
  start: number;
  end: number;
  /** `secret`: a value named as a credential; `credential`: a value that has a credential's shape. */
  kind: 'secret' | 'credential';
}

type Level = 0 | 1 | 2;
const LEVELS: Level[] = [0, 1, 2];
/** How a character is spelt at each level of percent-encoding: `?`, `%3F`, `%253F`. */
const ESCAPE = ['', '%', '%25'] as const;
const UNIT_LENGTH = [1, 3, 5] as const;

/** The character code spelt at `i` at exactly this level (`?`, `%3F` or `%253F`), or -1. Allocates nothing: it runs per character. */
function codeAt(text: string, i: number, level: Level): number {
  if (level === 0) return i < text.length ? text.charCodeAt(i) : -1;
  if (text.charCodeAt(i) !== 37) return -1;
  let h = i + 1;
  if (level === 2) {
    if (text.charCodeAt(i + 1) !== 50 || text.charCodeAt(i + 2) !== 53) return -1;
    h = i + 3;
  }
  const hi = hexValue(text.charCodeAt(h));
  const lo = hexValue(text.charCodeAt(h + 1));
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

const VALUE_ENDS = codes('&#');
const PATH_ENDS = codes('?#');
const SEGMENT_ENDS = codes('/;');
const SLASH = codes('/');
/** Inside an encoded URL a raw `&`, `=` or `?` belongs to the enclosing text. */
const RAW_ENDS_DEEP = codes('&=?#');

/** ASCII characters as a table indexed by code: asked once or more per character scanned, where a Set's hashing was a fifth of a large export. */
type Chars = Uint8Array;

function codes(chars: string): Chars {
  const table = new Uint8Array(128);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

/** Whether `code` (-1 for none) is one of `chars`. */
function has(chars: Chars, code: number): boolean {
  return (code & ~0x7f) === 0 && chars[code] === 1;
}

/** Length of a spelling of one of `chars` at `i`, at this level or (`lower`) any level below it; 0 if none. */
function oneOf(text: string, i: number, level: Level, chars: Chars, lower = false): number {
  for (let l = lower ? 0 : level; l <= level; l++) {
    if (has(chars, codeAt(text, i, l as Level))) return UNIT_LENGTH[l as Level];
  }
  return 0;
}

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 46 || c === 95 || c === 126;
}

/** Characters that end a value whatever the level: white space, quotes, markup, and JSON's backslash escapes. */
const STOP_CHARS = ' \t\n\r"\'<>`\\';
const STOPS = codes(STOP_CHARS);

/** Whether the text ends a value at `i` (a stop character, or the end of the text). */
function isStop(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return Number.isNaN(c) || has(STOPS, c);
}

/** `?`, `&`, `#`, `;`: where a parameter name may start. */
const DELIMITER_CHARS = '?&#;';
const DELIMITERS = codes(DELIMITER_CHARS);
/** The same, searched by the regular-expression engine: a character loop over a 9 MB body was a seventh of exporting it. */
const DELIMITER = new RegExp(`[${DELIMITER_CHARS}]`, 'g');

/** The position after the next delimiter at this level (plain, `%3F` or `%253F`) from `from`, or -1. */
function nextName(text: string, from: number, level: Level): number {
  if (level === 0) {
    DELIMITER.lastIndex = from;
    const found = DELIMITER.exec(text);
    return found ? found.index + 1 : -1;
  }
  for (let i = text.indexOf('%', from); i >= 0; i = text.indexOf('%', i + 1)) {
    if (has(DELIMITERS, codeAt(text, i, level))) return i + UNIT_LENGTH[level];
  }
  return -1;
}

/** `name=value` pairs whose name is a credential's, at one level of encoding (and a pair at the very start). */
function paramSpans(text: string, level: Level, samlContext: boolean, out: Span[]): void {
  const n = text.length;
  for (let nameStart = 0; nameStart >= 0; ) {
    let k = nameStart;
    while (k < n && isNameChar(text.charCodeAt(k))) k++;
    let next = k;
    // Only a credential's value is measured: measuring every value would rescan `a=;a=;a=…` quadratically.
    if (k > nameStart && codeAt(text, k, level) === 61 && isCredentialParam(text.slice(nameStart, k), samlContext)) {
      const valueStart = k + UNIT_LENGTH[level];
      let end = valueStart;
      while (end < n && !isStop(text, end) && !oneOf(text, end, level, VALUE_ENDS, true)) end++;
      if (end > valueStart) out.push({ start: valueStart, end, kind: 'secret' });
      next = end;
    }
    nameStart = nextName(text, next, level);
  }
}

const URL_MARKER: Record<Level, RegExp> = {
  0: /:\/\//g,
  1: /%3A%2F%2F/gi,
  2: /%253A%252F%252F/gi,
};

/** What ends a plain (level 0) URL: a stop character, `?` or `#`. */
const PLAIN_URL_ENDS = codes(`${STOP_CHARS}?#`);

/**
 * pathSpans at level 0, where every character is itself: the same walk without the per-character look-ups of
 * the levels, which made a 9 MB message with 80,000 namespace URLs take half a second to export.
 */
function plainPathSpans(text: string, from: number, hasAuthority: boolean, out: Span[]): number {
  const n = text.length;
  let i = from;
  if (hasAuthority) {
    let at = -1;
    let colon = -1;
    for (let c = text.charCodeAt(i); i < n && c !== 47 && !has(PLAIN_URL_ENDS, c); c = text.charCodeAt(++i)) {
      if (c === 64) at = i;
      else if (c === 58 && at < 0 && colon < 0) colon = i;
    }
    if (colon >= 0 && at > colon) out.push({ start: colon + 1, end: at, kind: 'secret' });
  }
  while (i < n && !has(PLAIN_URL_ENDS, text.charCodeAt(i))) {
    if (has(SEGMENT_ENDS, text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    for (let c = text.charCodeAt(i); i < n && !has(PLAIN_URL_ENDS, c) && !has(SEGMENT_ENDS, c); c = text.charCodeAt(++i));
    if (i - start >= 24 && looksLikeToken(percentDecode(text.slice(start, i), 1))) out.push({ start, end: i, kind: 'credential' });
  }
  return i;
}

/** Path segments (and a password in `user:password@`) of a URL starting at `from`, which is after `scheme://` or a leading `/`. */
function pathSpans(text: string, from: number, level: Level, hasAuthority: boolean, out: Span[]): number {
  if (level === 0) return plainPathSpans(text, from, hasAuthority, out);
  const n = text.length;
  // At a deeper level a raw `&`, `=` or `?` belongs to the enclosing text, not to this URL.
  const ends = (i: number) => isStop(text, i) || has(RAW_ENDS_DEEP, text.charCodeAt(i)) || oneOf(text, i, level, PATH_ENDS, true) > 0;
  let i = from;
  if (hasAuthority) {
    let at = -1;
    let colon = -1;
    while (i < n && !ends(i) && !oneOf(text, i, level, SLASH)) {
      const c = codeAt(text, i, level);
      if (c === 64) at = i;
      else if (c === 58 && at < 0 && colon < 0) colon = i;
      i += c === 64 || c === 58 ? UNIT_LENGTH[level] : 1;
    }
    if (colon >= 0 && at > colon) out.push({ start: colon + UNIT_LENGTH[level], end: at, kind: 'secret' });
  }
  while (i < n && !ends(i)) {
    const slash = oneOf(text, i, level, SEGMENT_ENDS);
    if (slash) {
      i += slash;
      continue;
    }
    const start = i;
    while (i < n && !ends(i) && !oneOf(text, i, level, SEGMENT_ENDS)) i++;
    if (i - start >= 24 && looksLikeToken(percentDecode(text.slice(start, i), level + 1))) out.push({ start, end: i, kind: 'credential' });
  }
  return i;
}

function urlSpans(text: string, level: Level, out: Span[]): void {
  if (level === 0 && text.startsWith('/') && !text.startsWith('//')) pathSpans(text, 0, 0, false, out);
  // The module's own expression, rewound: a new one per value was a tenth of exporting a form of 100,000 fields.
  // Nothing between here and the loop's end scans for URLs, so no other caller moves its lastIndex.
  const marker = URL_MARKER[level];
  marker.lastIndex = 0;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    const end = pathSpans(text, m.index + m[0].length, level, true, out);
    marker.lastIndex = Math.max(end, m.index + m[0].length);
  }
}

/** JSON Web Tokens anywhere (`state=eyJ…`, a path segment, a JSON body): they are bearer credentials. */
function jwtSpans(text: string, out: Span[]): void {
  for (let i = text.indexOf('eyJ'); i >= 0; ) {
    let e = i;
    while (e < text.length && (isNameChar(text.charCodeAt(e)) && text[e] !== '~')) e++;
    let end = e;
    while (end > i && text[end - 1] === '.') end--;
    if (isJwt(text.slice(i, end))) out.push({ start: i, end, kind: 'credential' });
    i = text.indexOf('eyJ', Math.max(e, i + 3));
  }
}

const SAML_CONTEXT = /SAML(?:Request|Response)(?:=|%3D|%253D)/i;

/**
 * Credential values in a text, in order and without overlaps: named parameters and URL path tokens at up
 * to two levels of percent-encoding, passwords in URLs, and JWTs.
 */
export function credentialSpans(text: string): Span[] {
  if (text.length < 4) return [];
  const found: Span[] = [];
  const samlContext = SAML_CONTEXT.test(text);
  for (const level of LEVELS) {
    if (level > 0 && !text.includes(ESCAPE[level])) continue;
    paramSpans(text, level, samlContext, found);
    urlSpans(text, level, found);
  }
  jwtSpans(text, found);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const s of found) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}
