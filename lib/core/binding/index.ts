// Bindings: find the SAML messages a captured request carries and decode each as far as it goes.
import type { Binding, ExtractedMessage, TraceEntry } from '../model';
import { artifactMessages } from './artifact';
import { bodyMessages } from './body';
import { failed } from './decode';
import { DEFAULT_DECODE_LIMITS, type DecodeLimits } from './limits';
import { postMessages } from './post';
import { redirectMessages } from './redirect';
import { savedXmlMessage } from './saved';
import { parseRawParams, rawQuery, type RawParam } from './urlencoded';
import { wsfedMessages } from './wsfed';
import { MAX_MESSAGES } from '../xml/limits';

export { DEFAULT_DECODE_LIMITS, type DecodeLimits } from './limits';
export { looksLikeSaml } from './looks-like';
export { artifactSourceId, entityForSourceId } from './artifact';

/** Every message of the entry, in query, form, body order. Never throws; a broken one never hides another. */
export function extractMessages(entry: TraceEntry, limits: DecodeLimits = DEFAULT_DECODE_LIMITS): ExtractedMessage[] {
  const out: ExtractedMessage[] = [];
  let params: RawParam[] = [];
  try {
    params = parseRawParams(rawQuery(typeof entry.url === 'string' ? entry.url : ''));
  } catch {
    params = [];
  }
  const stages: Array<[string, Binding, () => ExtractedMessage[]]> = [
    ['query', 'HTTP-Redirect', () => redirectMessages(entry, params, limits)],
    ['SAMLart', 'HTTP-Artifact', () => artifactMessages(entry, params, limits)],
    ['wresult', 'WS-Fed', () => wsfedMessages(entry, params, limits)],
    ['form', 'HTTP-POST', () => postMessages(entry, limits)],
    ['body', 'SOAP', () => bodyMessages(entry, limits)],
  ];
  for (const [where, binding, stage] of stages) {
    try {
      out.push(...stage());
    } catch (e) {
      const why = e instanceof Error && e.message ? e.message : 'unexpected error';
      out.push({
        entryId: String(entry.id),
        binding,
        parameter: where,
        steps: [],
        problems: [failed(where, `could not be read (${why})`)],
      });
    }
  }
  if (out.length === 0) {
    const saved = savedXmlMessage(entry);
    if (saved) out.push(saved);
  }
  return capped(out);
}

/**
 * At most MAX_MESSAGES messages of one request are judged, as for one document (xml/limits.ts). Each message
 * report repeats its request's URL, so a URL carrying thousands of SAMLRequest parameters would cost time and
 * output quadratic in its length; no SAML binding sends more than one message per request, so the rest are
 * refused by an error on the first, never dropped silently.
 */
function capped(out: ExtractedMessage[]): ExtractedMessage[] {
  if (out.length <= MAX_MESSAGES) return out;
  const kept = out.slice(0, MAX_MESSAGES);
  const names = [...new Set(out.slice(MAX_MESSAGES).map((m) => m.parameter))].slice(0, 5).join(', ');
  kept[0]!.problems.push({
    rule: 'xml-refused',
    severity: 'error',
    message:
      `refused to judge: this request carries ${out.length} SAML messages, more than the ${MAX_MESSAGES} SAML Lens judges one by one; ` +
      `the first ${MAX_MESSAGES} are judged and the other ${out.length - MAX_MESSAGES} (${names}) are not. No SAML binding sends more than one message per request.`,
  });
  return kept;
}
