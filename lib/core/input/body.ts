// Response bodies as captures give them (HAR content.text, base64 or not; DevTools getContent) -> ResponseBody.
import type { ResponseBody } from '../model';
import { decodeBase64 } from '../binding/base64';

/**
 * What is kept of one response body: its first million characters. An IdP error page is 50 to 300 KB and the
 * codes sit in its first part; the cap keeps a trace of thousands of entries within browser storage limits.
 */
export const RESPONSE_BODY_MAX_CHARS = 1_000_000;

/** Media types that are never pages: their bytes would only be noise in a text scan. */
const BINARY_TYPE = /^(?:image|audio|video|font)\/|^application\/(?:octet-stream|pdf|zip|gzip|x-protobuf|wasm|vnd\.)/i;

function charsetOf(mimeType: string | undefined): string | undefined {
  return /charset\s*=\s*"?([\w.:-]+)/i.exec(mimeType ?? '')?.[1]?.toLowerCase();
}

/** Bytes to text with the page's own charset where the platform knows it; UTF-8 (lenient) otherwise. */
function decodeBytes(bytes: Uint8Array, mimeType: string | undefined): string {
  const charset = charsetOf(mimeType);
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // An unknown label: the codes SAML Lens looks for are ASCII, which UTF-8 reads the same way.
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/** NUL characters in the first kilobyte: a binary body, whatever its declared type. */
function looksBinary(text: string): boolean {
  return text.slice(0, 1024).includes('\u0000');
}

/**
 * A capture's response body as kept in a trace entry, or undefined when there is none worth keeping (empty,
 * binary, undecodable). Never throws.
 */
export function responseBodyFrom(text: unknown, mimeType?: string, encoding?: string): ResponseBody | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  const type = typeof mimeType === 'string' && mimeType.trim() ? mimeType.trim() : undefined;
  if (type && BINARY_TYPE.test(type)) return undefined;
  let body = text;
  let truncated = false;
  if (typeof encoding === 'string' && encoding.toLowerCase() === 'base64') {
    // Decode no more than what is kept (base64 of at most the cap in bytes; a multiple of 4 stays decodable).
    const limit = Math.floor(RESPONSE_BODY_MAX_CHARS / 3) * 4;
    truncated = text.length > limit;
    const decoded = decodeBase64(truncated ? text.slice(0, limit) : text);
    if (!decoded.ok) return undefined;
    body = decodeBytes(decoded.bytes, type);
  }
  if (looksBinary(body)) return undefined;
  if (body.length > RESPONSE_BODY_MAX_CHARS) {
    body = body.slice(0, RESPONSE_BODY_MAX_CHARS);
    truncated = true;
  }
  const out: ResponseBody = { text: body };
  if (type) out.mimeType = type;
  if (truncated) out.truncated = true;
  return out;
}
