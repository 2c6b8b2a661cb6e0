// Byte/string conversions with web-standard globals only (the core runs in the extension and in Node).
import { decodeFast } from '../binding/base64';

const utf8 = new TextEncoder();

export function utf8Encode(text: string): Uint8Array {
  return utf8.encode(text);
}

/** Strict UTF-8: a wrong guess about the encoding must fail rather than produce mojibake we would re-encode. */
export function utf8Decode(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const ascii = new TextDecoder();

/**
 * Standard base64 with padding. Written out rather than btoa(String.fromCharCode(...)): building the binary
 * string a chunk at a time made re-encoding a redacted 1 MB message take about a second.
 */
export function base64Encode(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[o++] = CODES[n >> 18] ?? 0;
    out[o++] = CODES[(n >> 12) & 63] ?? 0;
    out[o++] = CODES[(n >> 6) & 63] ?? 0;
    out[o++] = CODES[n & 63] ?? 0;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] ?? 0) << 16) | (rest === 2 ? (bytes[i + 1] ?? 0) << 8 : 0);
    out[o++] = CODES[n >> 18] ?? 0;
    out[o++] = CODES[(n >> 12) & 63] ?? 0;
    out[o++] = rest === 2 ? (CODES[(n >> 6) & 63] ?? 0) : 61;
    out[o++] = 61;
  }
  // Every byte is ASCII, so any decoder gives the same text.
  return ascii.decode(out);
}

/** Accepts what SAML senders really send: line breaks, spaces that were '+', base64url, missing padding. */
export function base64Decode(text: string): Uint8Array | undefined {
  let clean = text.replace(/ /g, '+').replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
  clean = clean.replace(/=+$/, '');
  if (clean.length % 4 === 1) return undefined;
  clean += '='.repeat((4 - (clean.length % 4)) % 4);
  // The check's own strict decoder (the platform's in Node and recent browsers): atob and a copy loop were a
  // tenth of exporting a 7 MB message.
  return decodeFast(clean);
}

export function byteLength(text: string): number {
  return utf8.encode(text).length;
}
