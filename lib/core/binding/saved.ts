// Last resort when no parameter could be found: the XML the capturing tool stored (SAML-tracer `saml`).
import type { ExtractedMessage, TraceEntry } from '../model';
import { guessParameter } from './masked';
import { guarded } from './message';

export function savedXmlMessage(entry: TraceEntry): ExtractedMessage | undefined {
  const xml = entry.savedXml;
  if (!xml) return undefined;
  const binding = entry.method === 'POST' ? 'HTTP-POST' : 'HTTP-Redirect';
  const parameter = guessParameter(xml);
  return guarded(entry, binding, parameter, () => ({
    entryId: entry.id,
    binding,
    parameter,
    xml,
    steps: [
      {
        name: 'saved XML',
        note: entry.masked
          ? 'the request was masked by the capturing tool; using the XML it decoded and stored'
          : 'no SAML parameter found in the request; using the XML the capturing tool decoded and stored',
      },
    ],
    problems: [],
  }));
}
