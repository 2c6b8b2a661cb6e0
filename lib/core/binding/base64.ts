// Strict base64 first; then the repairs real traces need, each one named so the user is told.
import { uninitialisedBytes } from '../byte-pool';
import { hasPercentEscape, percentDecode } from './urlencoded';

export type Base64Result =
  | { ok: true; bytes: Uint8Array; repairs: string[] }
  | { ok: false; reason: string };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
// Six-bit value of each ASCII code; 0xff marks the codes outside the alphabet.
const LOOKUP = new Uint8Array(128).fill(0xff);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

// Characters a repair can make sense of; anything else is reported with its position.
const REPAIRABLE = /[^A-Za-z0-9+/=\-_ \t\r\n%]/;

/**
 * A platform's own base64 codec, when it has a fast one (Node's Buffer, installed by lib/node): decoding a
 * 1 MB message in JavaScript took a tenth of its whole check. Platforms decode leniently (skipping what is not
 * base64), so its answer is taken only when encoding it again gives back the input exactly, which only strict,
 * canonical base64 does; anything else goes through decodeStrict below, which defines what strict means.
 */
export interface Base64Codec {
  decode(s: string): Uint8Array;
  encode(bytes: Uint8Array): string;
}

/**
 * JavaScript's own codec (Uint8Array.fromBase64 and toBase64, ES2026), where the engine has it: Chromium 140
 * and Firefox 133 do, so the extension's check decodes a message in C++ too (the JavaScript loop was a
 * sixteenth of a typical check in the service worker). Node 20 does not.
 */
const withBase64 = Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array };
const engineCodec: Base64Codec | undefined =
  typeof withBase64.fromBase64 === 'function'
    ? { decode: (s) => withBase64.fromBase64!(s), encode: (bytes) => (bytes as unknown as { toBase64(): string }).toBase64() }
    : undefined;

let platform: Base64Codec | undefined = engineCodec;

export function useBase64Codec(codec: Base64Codec | undefined): void {
  platform = codec;
}

// Below this the JavaScript loop is as quick as two calls into the platform.
const FAST_FROM = 4096;

/** Strict base64 decoded by the platform's codec when the value is long enough to gain from it, else by decodeStrict. */
export function decodeFast(s: string): Uint8Array | undefined {
  if (platform && s.length >= FAST_FROM) {
    try {
      const bytes = platform.decode(s);
      if (platform.encode(bytes) === s) return bytes;
    } catch {
      // The engine's decoder throws where Node's skips: either way the JavaScript decoder below decides.
    }
  }
  return decodeStrict(s);
}

export function decodeBase64(input: string): Base64Result {
  const bytes = decodeFast(input);
  if (bytes) return { ok: true, bytes, repairs: [] };
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
  const bytes = decodeFast(body + '='.repeat(expectedPad));
  if (!bytes) return { ok: false, reason: 'the value is not base64 even after the repairs' };
  return { ok: true, bytes, repairs };
}

function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x21 && code < 0x7f ? `'${ch}'` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Strict base64 (the alphabet, a length that is a multiple of 4, at most two '=' at the end) decoded in the
 * same pass that checks it, one look-up a character; undefined when the value is not strict.
 */
function decodeStrict(s: string): Uint8Array | undefined {
  const n = s.length;
  if (n % 4 !== 0) return undefined;
  let pad = 0;
  if (n > 0 && s.charCodeAt(n - 1) === 0x3d) pad = s.charCodeAt(n - 2) === 0x3d ? 2 : 1;
  const out = uninitialisedBytes((n / 4) * 3 - pad);
  const whole = pad === 0 ? n : n - 4;
  let codes = 0;
  let values = 0;
  let o = 0;
  for (let i = 0; i < whole; i += 4) {
    const c0 = s.charCodeAt(i);
    const c1 = s.charCodeAt(i + 1);
    const c2 = s.charCodeAt(i + 2);
    const c3 = s.charCodeAt(i + 3);
    codes |= c0 | c1 | c2 | c3;
    // `& 0x7f` keeps the look-up in range; `codes` catches a code past ASCII after the loop.
    const a = LOOKUP[c0 & 0x7f] as number;
    const b = LOOKUP[c1 & 0x7f] as number;
    const c = LOOKUP[c2 & 0x7f] as number;
    const d = LOOKUP[c3 & 0x7f] as number;
    values |= a | b | c | d;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    out[o] = v >> 16;
    out[o + 1] = v >> 8;
    out[o + 2] = v;
    o += 3;
  }
  if (pad > 0) {
    const a = LOOKUP[s.charCodeAt(whole) & 0x7f] as number;
    const b = LOOKUP[s.charCodeAt(whole + 1) & 0x7f] as number;
    const c = pad === 1 ? (LOOKUP[s.charCodeAt(whole + 2) & 0x7f] as number) : 0;
    codes |= s.charCodeAt(whole) | s.charCodeAt(whole + 1) | (pad === 1 ? s.charCodeAt(whole + 2) : 0);
    values |= a | b | c;
    const v = (a << 18) | (b << 12) | (c << 6);
    out[o] = v >> 16;
    if (pad === 1) out[o + 1] = v >> 8;
  }
  return codes > 0x7f || values > 0x3f ? undefined : out;
}
