import type { HttpHeader } from '../../core/model';
import { dictionary } from '../../core/dictionary';

/**
 * One hop of one request as webRequest reports it, merged from its events. A redirect ends a hop: the
 * browser reuses the requestId for the next URL, which becomes the next hop.
 */
export interface Hop {
  requestId: string;
  /** 0 for the first URL of a request, +1 after each redirect. */
  hop: number;
  method: string;
  url: string;
  /** -1 when the request does not belong to a tab (service workers, other extensions, DevTools). */
  tabId: number;
  type?: string;
  initiator?: string;
  /** Milliseconds since the epoch (webRequest timeStamp). */
  timeStamp: number;
  /** As webRequest parsed it: field name -> values (form posts). */
  formData?: Record<string, string[]>;
  /** Request body bytes (cut at MAX_BODY_BYTES) when webRequest gave raw bytes instead of formData. */
  rawBytes?: Uint8Array;
  requestHeaders?: HttpHeader[];
  statusCode?: number;
  statusLine?: string;
  responseHeaders?: HttpHeader[];
  redirectUrl?: string;
  error?: string;
}

/** The subset of webRequest's requestBody we read (Chrome and Firefox agree on it). */
export interface RequestBodyLike {
  formData?: Record<string, string[] | undefined>;
  raw?: Array<{ bytes?: ArrayBuffer; file?: string }>;
  error?: string;
}

/** Bodies larger than this are cut: a SAML message is far smaller, and storage.session holds 10 MB. */
export const MAX_BODY_BYTES = 1_000_000;

export function readRequestBody(body: RequestBodyLike | undefined | null): Pick<Hop, 'formData' | 'rawBytes'> {
  if (!body) return {};
  if (body.formData) {
    const formData = dictionary<string[]>();
    for (const [name, values] of Object.entries(body.formData)) formData[name] = values ?? [];
    return { formData };
  }
  if (!body.raw?.length) return {};
  // Copied now: the browser may reuse the buffers after the event.
  const chunks = body.raw.map((part) => (part.bytes ? new Uint8Array(part.bytes) : undefined));
  const total = chunks.reduce((n, c) => n + (c?.byteLength ?? 0), 0);
  const bytes = new Uint8Array(Math.min(total, MAX_BODY_BYTES));
  let at = 0;
  for (const chunk of chunks) {
    if (!chunk || at >= bytes.length) continue;
    const part = chunk.subarray(0, bytes.length - at);
    bytes.set(part, at);
    at += part.byteLength;
  }
  return { rawBytes: bytes };
}

/** webRequest headers carry `value` or `binaryValue`; keep text, decode binary as UTF-8. */
export function readHeaders(headers: Array<{ name: string; value?: string; binaryValue?: ArrayLike<number> }> | undefined): HttpHeader[] | undefined {
  if (!headers) return undefined;
  return headers.map((h) => ({
    name: h.name,
    value: h.value ?? (h.binaryValue ? new TextDecoder().decode(Uint8Array.from(h.binaryValue)) : ''),
  }));
}
