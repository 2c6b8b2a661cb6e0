// Strict base64 first; then the repairs real traces need, each one named so the user is told.
import { hasPercentEscape, percentDecode } from './urlencoded';

export type Base64Result =
  | { ok: true; bytes: Uint8Array; repairs: string[] }
  | { ok: false; reason: string };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

const STRICT = /^[A-Za-z0-9+/]*={0,2}$/;
// Characters a repair can make sense of; anything else is reported with its position.
const REPAIRABLE = /[^A-Za-z0-9+/=\-_ \t\r\n%]/;

export function decodeBase64(input: string): Base64Result {
  if (input.length % 4 === 0 && STRICT.test(input)) {
    return { ok: true, bytes: decodeClean(input), repairs: [] };
  }
  return decodeLenient(input);
}

function decodeLenient(input: string): Base64Result {
  const repairs: string[] = [];
  let s = input;
  if (s.includes('%') && hasPercentEscape(s)) {
    s = percentDecode(s);
    repairs.push('percent-escapes decoded (the value was still URL-encoded)');
  }
  const bad = REPAIRABLE.exec(s);
  if (bad) {
    return { ok: false, reason: `character ${describeChar(bad[0])} at position ${bad.index} is not base64` };
  }
  if (/[\r\n\t]/.test(s)) {
    // Line-wrapped base64 (often indented): line ends and indentation are layout, not data.
    s = s.split(/\r\n|\r|\n/).map((line) => line.replace(/\t/g, '').trim()).join('');
    repairs.push('line breaks removed');
  } else if (s !== s.trim()) {
    s = s.trim();
    repairs.push('surrounding spaces removed');
  }
  if (s.includes(' ')) {
    // base64 has no spaces; inside a line a space is a '+' that a form decoder turned into a space.
    s = s.replace(/ /g, '+');
    repairs.push("spaces read as '+' (the value was URL-decoded one time too many)");
  }
  if (/[-_]/.test(s)) {
    s = s.replace(/-/g, '+').replace(/_/g, '/');
    repairs.push("base64url alphabet ('-' and '_') converted");
  }
  const body = s.replace(/=+$/, '');
  const inner = body.indexOf('=');
  if (inner >= 0) return { ok: false, reason: `'=' at position ${inner} inside the value (padding may only end it)` };
  if (body.indexOf('%') >= 0) return { ok: false, reason: `character '%' at position ${body.indexOf('%')} is not base64` };
  const rem = body.length % 4;
  if (rem === 1) {
    return {
      ok: false,
      reason: `${body.length} base64 characters leave one stray character at the end (the value looks truncated)`,
    };
  }
  const expectedPad = rem === 0 ? 0 : 4 - rem;
  const pad = s.length - body.length;
  if (pad !== expectedPad) repairs.push(pad < expectedPad ? 'missing padding added' : 'superfluous padding removed');
  return { ok: true, bytes: decodeClean(body + '='.repeat(expectedPad)), repairs };
}

function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x21 && code < 0x7f ? `'${ch}'` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Decodes canonical base64 (valid alphabet, correct padding) without an intermediate binary string. */
function decodeClean(s: string): Uint8Array {
  let pad = 0;
  if (s.endsWith('==')) pad = 2;
  else if (s.endsWith('=')) pad = 1;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    const a = LOOKUP[s.charCodeAt(i)] ?? 0;
    const b = LOOKUP[s.charCodeAt(i + 1)] ?? 0;
    const c = s[i + 2] === '=' ? 0 : (LOOKUP[s.charCodeAt(i + 2)] ?? 0);
    const d = s[i + 3] === '=' ? 0 : (LOOKUP[s.charCodeAt(i + 3)] ?? 0);
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < out.length) out[o++] = (n >> 16) & 0xff;
    if (o < out.length) out[o++] = (n >> 8) & 0xff;
    if (o < out.length) out[o++] = n & 0xff;
  }
  return out;
}
