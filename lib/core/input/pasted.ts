// A message pasted on its own: XML, base64 (deflated or not), a URL, a query, a form body, or an HTML page
// with an auto-posting SAML form.
import type { TraceEntry } from '../model';
import { decodeSamlValue } from '../binding/decode';
import { DEFAULT_DECODE_LIMITS } from '../binding/limits';
import { guessParameter } from '../binding/masked';
import { parseFormBody, parseRawParams } from '../binding/urlencoded';
import { SAML_PARAMS } from './fields';
import { looksLikeHtml, samlFormOf } from './html-form';
import type { InputFormat } from './types';

const QUERY_ONLY = new Set(['SigAlg', 'Signature']);
const BASE64ISH = /^[A-Za-z0-9+/=_\-\s%]+$/;

export interface PastedResult {
  format: InputFormat;
  entry?: TraceEntry;
  problem?: string;
}

/**
 * Words rather than a cut-off message: base64 of the smallest SAML message runs to hundreds of characters and
 * wraps at line ends, never at spaces. Text like this that does not decode to XML is not SAML at all, and saying
 * so beats a decoding error about stray base64 characters.
 */
function isPlainText(text: string): boolean {
  return text.length < 64 || / \S/.test(text);
}

function notSaml(text: string): string {
  const start = JSON.stringify(text.slice(0, 24));
  return `not SAML: ${start}${text.length > 24 ? '...' : ''} is neither a SAML message nor base64 of one (nor a HAR file, a SAML-tracer export, a URL or a form body)`;
}

/** `text` is trimmed and non-empty. */
export function readPasted(text: string, capturedAt: string | undefined): PastedResult {
  // One literal for every entry, whatever it carries: a spread of a base entry (`{ ...base, formFields }`) gave
  // each pasted entry a hidden class of its own, and every later read of its fields missed V8's caches.
  const base = (method: string, url: string, content: Pick<TraceEntry, 'formFields' | 'body'> = {}): TraceEntry => ({
    id: 'pasted-0',
    source: 'pasted',
    method,
    url,
    requestHeaders: [],
    formFields: content.formFields,
    body: content.body,
    responseHeaders: [],
    capturedAt: capturedAt || undefined,
  });

  if (looksLikeHtml(text)) {
    const form = samlFormOf(text);
    if (!form) return { format: 'unknown', problem: 'an HTML page with no SAML form in it (no SAMLResponse, SAMLRequest or SAMLart field)' };
    return { format: 'form', entry: base('POST', form.action, { formFields: form.fields }) };
  }
  if (text.startsWith('<')) return { format: 'xml', entry: base('POST', '', { body: text }) };
  if (/^https?:\/\//i.test(text)) return { format: 'url', entry: base('GET', text) };

  const query = text.startsWith('?') ? text.slice(1) : text;
  const params = text.includes('=') ? parseRawParams(query) : [];
  if (params.length > 0 && params.every((p) => p.rawValue !== '' || p.raw.endsWith('=')) && SAML_PARAMS.has(params[0]?.name ?? '')) {
    // A query keeps its raw octets in the URL (a Redirect signature covers them); a form body is decoded.
    if (text.startsWith('?') || params.some((p) => QUERY_ONLY.has(p.name))) {
      return { format: 'url', entry: base('GET', `?${query}`) };
    }
    return { format: 'form', entry: base('POST', '', { formFields: parseFormBody(text) }) };
  }

  if (BASE64ISH.test(text)) {
    // Decode once here only to name the parameter and the method; extractMessages does the real decoding.
    const trial = decodeSamlValue(text, { parameter: 'pasted value', expect: 'plain', limits: DEFAULT_DECODE_LIMITS });
    if (trial.xml === undefined && isPlainText(text)) return { format: 'unknown', problem: notSaml(text) };
    const parameter = trial.xml !== undefined ? guessParameter(trial.xml) : 'SAMLResponse';
    const deflated = trial.steps.some((s) => s.name.startsWith('inflate'));
    return { format: 'base64', entry: base(deflated ? 'GET' : 'POST', '', { formFields: [[parameter, text]] }) };
  }

  const start = JSON.stringify(text.slice(0, 24));
  return {
    format: 'unknown',
    problem:
      `not a HAR file, a SAML-tracer export, a URL, a form body, XML or base64 (it starts with ${start}${text.length > 24 ? '...' : ''})`,
  };
}

