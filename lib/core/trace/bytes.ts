// Byte/string conversions with web-standard globals only (the core runs in the extension and in Node).

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

export function base64Encode(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** Accepts what SAML senders really send: line breaks, spaces that were '+', base64url, missing padding. */
export function base64Decode(text: string): Uint8Array | undefined {
  let clean = text.replace(/ /g, '+').replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
  clean = clean.replace(/=+$/, '');
  if (clean.length % 4 === 1) return undefined;
  clean += '='.repeat((4 - (clean.length % 4)) % 4);
  try {
    const binary = atob(clean);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

export function byteLength(text: string): number {
  return utf8.encode(text).length;
}
