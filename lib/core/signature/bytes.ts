import { withoutWhitespace } from '../compact-base64';
import { decodeFast } from '../binding/base64';

/** Strict base64 (whitespace allowed, as in XML and PEM); undefined when it is not base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  const clean = withoutWhitespace(text);
  return clean.length === 0 ? undefined : decodeFast(clean);
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}

export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out.toUpperCase();
}

/** Constant-time comparison (digests): length leaks nothing secret here. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/**
 * WebCrypto wants a BufferSource backed by an ArrayBuffer (not a SharedArrayBuffer view). A view of an
 * ArrayBuffer is passed as it is: WebCrypto copies its input when called, and a copy here cost the service
 * worker an allocation per digest.
 */
export function buf(bytes: Uint8Array): BufferSource {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
}
