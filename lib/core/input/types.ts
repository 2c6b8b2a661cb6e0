import type { TraceFile } from '../trace/format';
import type { Problem, TraceEntry } from '../model';
import type { ImportLimits } from './limits';

export type InputFormat = 'har' | 'saml-tracer' | 'saml-lens-trace' | 'xml' | 'base64' | 'url' | 'form' | 'unknown';

export interface InputResult {
  format: InputFormat;
  entries: TraceEntry[];
  problems: Problem[];
  /** A native trace's settings and capture-time verdicts (format 'saml-lens-trace' only). */
  trace?: TraceFile;
  /**
   * HAR and SAML-tracer files: requests in the file, requests kept (every SAML one and the pages around it,
   * the others up to `IMPORT_LIMITS`) and how many of those carry a SAML message.
   */
  counts?: { read: number; kept: number; saml: number };
}

export interface ReadOptions {
  /** File name, prefixed to problem messages. */
  name?: string;
  /** Capture time for inputs that carry none (pasted values, exports without times). */
  capturedAt?: string;
  /** How much of a big file is kept; default IMPORT_LIMITS (lib/core/input/limits.ts). */
  limits?: ImportLimits;
}

/**
 * What an MV3 extension has merged from chrome.webRequest events (onBeforeRequest, onBeforeSendHeaders,
 * onHeadersReceived / onBeforeRedirect / onCompleted) for one request. Each redirect hop must be its own
 * record (the browser reuses the requestId across a redirect chain; timeStamp tells the hops apart).
 */
export interface WebRequestDetails {
  requestId: string;
  url: string;
  method: string;
  tabId: number;
  /** Milliseconds since the epoch, as webRequest gives it. */
  timeStamp: number;
  type?: string;
  requestBody?: {
    /** Decoded by the browser; field order across names is lost. */
    formData?: Record<string, string[]>;
    /** Given instead of formData for large or non-form bodies. */
    raw?: Array<{ bytes?: ArrayBuffer | Uint8Array; file?: string }>;
    error?: string;
  } | null;
  requestHeaders?: Array<{ name: string; value?: string }>;
  statusCode?: number;
  /** e.g. 'HTTP/1.1 302 Found'. */
  statusLine?: string;
  responseHeaders?: Array<{ name: string; value?: string }>;
  redirectUrl?: string;
}
