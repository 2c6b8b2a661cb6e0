import { deflateSync, inflateSync, unzlibSync, zlibSync } from 'fflate';
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

function inflateBounded(bytes: Uint8Array, zlib: boolean): Uint8Array | undefined {
  // DEFLATE cannot expand more than about 1032:1, so this bound never truncates honest data.
  const size = Math.min(MAX_INFLATED_BYTES + 1, bytes.length * 1032 + 64);
  try {
    const out = zlib ? unzlibSync(bytes, { out: new Uint8Array(size) }) : inflateSync(bytes, { out: new Uint8Array(size) });
    return out.length > MAX_INFLATED_BYTES ? undefined : out;
  } catch {
    return undefined;
  }
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
