import type { SignatureVerdict } from './signature';

export interface HttpHeader {
  name: string;
  value: string;
}

export type EntrySource = 'webrequest' | 'har' | 'saml-tracer' | 'pasted' | 'trace';

/** One captured HTTP exchange, whatever tool captured it. */
export interface TraceEntry {
  /** Unique within a trace; stable across export and import. */
  id: string;
  source: EntrySource;
  /** Upper case. */
  method: string;
  /** As requested: the query's raw octets are kept untouched (Redirect signatures cover them). */
  url: string;
  requestHeaders: HttpHeader[];
  /** application/x-www-form-urlencoded fields in document order, values already URL-decoded. */
  formFields?: Array<[string, string]>;
  /** Raw request body text when there are no form fields (SOAP, large or unparsed bodies). */
  body?: string;
  responseStatus?: number;
  responseStatusText?: string;
  responseHeaders: HttpHeader[];
  /** ISO 8601 time the request started, as captured (HAR startedDateTime, webRequest timeStamp). */
  capturedAt?: string;
  tabId?: number;
  /** Location header of a redirect response, when the capture saw one. */
  redirectUrl?: string;
  /**
   * What the capture is missing and why, in words, e.g. that the extension stopped before the response
   * arrived: the request (and its SAML message) is complete, the later parts are not.
   */
  incomplete?: string;
  /** The capturing tool masked parameter values (SAML-tracer "mask values"). */
  masked?: boolean;
  /** Decoded SAML XML stored by the capturing tool (SAML-tracer `saml`); used when parameters are masked. */
  savedXml?: string;
  /**
   * An export's redaction changed this entry (lib/core/trace). Signed content no longer verifies by design:
   * show `capturedSignatures` (checked before redaction) instead of re-verifying, never "signature broken".
   */
  redacted?: boolean;
  /** Signature verdicts of this entry's messages as computed before redaction, in message order. */
  capturedSignatures?: CapturedSignatures[];
  /**
   * The response body as text, when the capture had it (HAR content, the DevTools panel). Kept for SAML
   * entries and the pages around them, and for other pages and API answers of an imported file within its
   * budget (lib/core/input/limits.ts); at most RESPONSE_BODY_MAX_CHARS (lib/core/input/body.ts) each; binary
   * bodies are never kept.
   */
  responseBody?: ResponseBody;
  /**
   * What kind of request the capturing tool said this was, as it said it: HAR `_resourceType` (Chrome:
   * document, xhr, fetch, script, image...) or webRequest `type` (main_frame, xmlhttprequest...). The UI's
   * type filter reads it through `requestTypeOf` (lib/core/http/request-type.ts).
   */
  resourceType?: string;
}

/** A captured response body (decoded to text). */
export interface ResponseBody {
  text: string;
  /** As the capture named it, e.g. `text/html`. */
  mimeType?: string;
  /** The body was longer than what is kept; `text` is its beginning. */
  truncated?: boolean;
}

/** The signature verdicts of one message of an entry, kept across redaction. */
export interface CapturedSignatures {
  /** Carrying parameter (ExtractedMessage.parameter): SAMLRequest, SAMLResponse, wresult, body, ... */
  parameter: string;
  verdicts: SignatureVerdict[];
}
