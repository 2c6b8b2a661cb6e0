// E-mail addresses in free text, as written (`a@b.example`), percent-encoded once (`a%40b.example`, a
// login_hint) or twice (`a%2540b.example`, an e-mail inside a RelayState URL inside a query). A regular
// expression for this backtracks on long runs of letters and digits (quadratic: a 300,000-letter Issuer
// took minutes); this scanner looks left and right of each `@` once, so its cost is linear in the text.

import { hexValue } from './percent';

export interface EmailSpan {
  start: number;
  end: number;
  /** How many times the address was percent-encoded: its pseudonym is encoded as many times. */
  levels: 0 | 1 | 2;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Characters of a local part (the common subset of RFC 5322's atext, plus dots), and the letters of other
 * scripts an internationalised address may use (RFC 6531): zo\u00eb@example.com.
 */
function isLocal(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 95 || c === 43 || c === 45 || isOtherScript(c);
}

/** A letter of another script (RFC 6531 local parts, IDN domains such as b\u00fccher.example), not punctuation or spaces. */
function isOtherScript(c: number): boolean {
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x206f) && c !== 0x3000 && c !== 0xfeff;
}

/** The escape `%XX` or `%25XX` ending at `end`: the character code and the escape's length, or undefined. */
function escapeBefore(text: string, end: number): { code: number; len: number } | undefined {
  const hi = hexValue(text.charCodeAt(end - 2));
  const lo = hexValue(text.charCodeAt(end - 1));
  if (hi < 0 || lo < 0 || text.charCodeAt(end - 3) !== 37 && !(text.charCodeAt(end - 3) === 53 && text.startsWith('%2', end - 5))) return undefined;
  return { code: hi * 16 + lo, len: text.charCodeAt(end - 3) === 37 ? 3 : 5 };
}

/** Where the local part before `at` starts; never before `floor`. */
function localStart(text: string, at: number, floor: number): number {
  let i = at;
  while (i > floor) {
    const esc = escapeBefore(text, i);
    if (esc) {
      // An escape of anything but a local-part character (`%3D`, `%2F`, `%40`) ends the local part.
      if (!isLocal(esc.code) || i - esc.len < floor) break;
      i -= esc.len;
      continue;
    }
    const c = text.charCodeAt(i - 1);
    // An apostrophe inside a local part (o'brien@) belongs to it; one that opens a quoted string does not.
    if (c === 39 ? !(i - 2 >= floor && isLocal(text.charCodeAt(i - 2)) && i < at) : !isLocal(c)) break;
    i--;
  }
  return i;
}

/** The end of the domain starting at `from` (labels, dots, a top-level label of 2+ letters), or -1. */
function domainEnd(text: string, from: number): number {
  let end = -1;
  let i = from;
  let labelStart = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (i === labelStart) break; // an empty label ends the domain
      labelStart = i + 1;
      let letters = i + 1;
      while (letters < text.length && isLetter(text.charCodeAt(letters))) letters++;
      if (letters - (i + 1) >= 2) end = letters;
      i++;
      continue;
    }
    if (!isAlnum(c) && c !== 45 && !isOtherScript(c)) break;
    i++;
  }
  return end;
}

/** The marker at `i` (`@`, `%40`, `%2540`): its length and encoding level, or undefined. */
function markerAt(text: string, i: number): { len: number; levels: 0 | 1 | 2 } | undefined {
  const c = text[i];
  if (c === '@') return { len: 1, levels: 0 };
  // The `@` escaped as a page template or a JSON writer may write it (see ESCAPED_AT).
  if (c === '&' || c === '\\') {
    const escaped = ESCAPED_AT_START.exec(text.slice(i, i + 8))?.[0];
    return escaped ? { len: escaped.length, levels: 0 } : undefined;
  }
  if (c !== '%') return undefined;
  if (text.startsWith('40', i + 1)) return { len: 3, levels: 1 };
  if (text.startsWith('2540', i + 1)) return { len: 5, levels: 2 };
  return undefined;
}

/** `@` as an HTML character reference (`&#x40;`, `&#64;`) or a JSON escape (`\u0040`): written so by some page templates. */
export const ESCAPED_AT = /&#[xX]0*40;|&#0*64;|\\u0040/g;
const ESCAPED_AT_START = /^(?:&#[xX]0*40;|&#0*64;|\\u0040)/;

/** Every e-mail-shaped span, left to right, without overlaps. Callers confirm with the decoded address. */
export function emailSpans(text: string): EmailSpan[] {
  const out: EmailSpan[] = [];
  let floor = 0;
  for (let i = 0; i < text.length; i++) {
    const marker = markerAt(text, i);
    if (!marker) continue;
    const start = localStart(text, i, floor);
    const end = start < i ? domainEnd(text, i + marker.len) : -1;
    if (end > 0) {
      out.push({ start, end, levels: marker.levels });
      floor = end;
      i = end - 1;
    } else {
      floor = i + marker.len;
      i = floor - 1;
    }
  }
  return out;
}
