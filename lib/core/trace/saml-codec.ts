import { deflateSync, zlibSync } from 'fflate';
import { inflateRawBounded } from '../binding/inflate';
import { base64Decode, base64Encode, utf8Decode, utf8Encode } from './bytes';

/** How a SAML message was carried, so a redacted message can be put back exactly the same way. */
export type SamlEncoding = 'base64' | 'deflate-base64' | 'zlib-base64' | 'xml';

export interface DecodedSaml {
  xml: string;
  encoding: SamlEncoding;
}

/** Inflated-size cap: a DEFLATE bomb in a captured URL must not exhaust memory during export. */
export const MAX_INFLATED_BYTES = 4 * 1024 * 1024;

function looksLikeXml(text: string): boolean {
  return /^\s*(\uFEFF)?</.test(text);
}

// The binding's bounded inflater stops as soon as the cap is passed: a sync inflate into a capped buffer would
// still decode the whole stream (a 1 MB bomb is 1 GB of work), and allocating the cap per message is slow too.
function inflateBounded(bytes: Uint8Array, zlib: boolean): Uint8Array | undefined {
  const raw = zlib ? zlibBody(bytes) : bytes;
  if (!raw) return undefined;
  const out = inflateRawBounded(raw, MAX_INFLATED_BYTES);
  return out.ok ? out.bytes : undefined;
}

/** The DEFLATE stream inside a zlib wrapper (RFC 1950) without a preset dictionary; no checksum check (fflate made none either). */
function zlibBody(b: Uint8Array): Uint8Array | undefined {
  const [cmf = 0, flg = 0] = b;
  if (b.length < 6 || (cmf & 15) !== 8 || cmf >> 4 > 7 || ((cmf << 8) | flg) % 31 !== 0 || flg & 32) return undefined;
  return b.subarray(2, b.length - 4);
}

/**
 * Decodes a SAMLRequest/SAMLResponse value (already URL- or form-decoded). Redirect values are normally
 * deflated; POST values normally not; both orders are tried because senders get it wrong.
 */
export function decodeSamlValue(value: string, deflatedFirst: boolean): DecodedSaml | undefined {
  if (looksLikeXml(value)) return { xml: value, encoding: 'xml' };
  const bytes = base64Decode(value);
  if (!bytes || bytes.length === 0) return undefined;
  const plain = (): DecodedSaml | undefined => {
    const text = utf8Decode(bytes);
    return text !== undefined && looksLikeXml(text) ? { xml: text, encoding: 'base64' } : undefined;
  };
  const inflated = (zlib: boolean): DecodedSaml | undefined => {
    const out = inflateBounded(bytes, zlib);
    const text = out && utf8Decode(out);
    return text !== undefined && looksLikeXml(text) ? { xml: text, encoding: zlib ? 'zlib-base64' : 'deflate-base64' } : undefined;
  };
  return deflatedFirst ? (inflated(false) ?? inflated(true) ?? plain()) : (plain() ?? inflated(false) ?? inflated(true));
}

export function encodeSamlValue(xml: string, encoding: SamlEncoding): string {
  const bytes = utf8Encode(xml);
  switch (encoding) {
    case 'xml':
      return xml;
    case 'base64':
      return base64Encode(bytes);
    case 'deflate-base64':
      return base64Encode(deflateSync(bytes, { level: 9 }));
    case 'zlib-base64':
      return base64Encode(zlibSync(bytes, { level: 9 }));
  }
}
