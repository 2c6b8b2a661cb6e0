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
  return out;
}
