// Searches exported bytes, and every SAML message decoded from them, for planted values.
import { extractMessages } from '../../../lib/core/binding';
import { readInput } from '../../../lib/core/input';
import type { TraceEntry } from '../../../lib/core/model';
import { parseTrace } from '../../../lib/core/trace';
import { spellings } from './flow';

export function entriesOf(text: string): TraceEntry[] {
  const parsed = parseTrace(text);
  if (parsed.trace) return parsed.trace.entries;
  return readInput(text).entries;
}

/** Every decoded SAML document the exported file carries, as the import path decodes it. */
export function decodedXml(text: string): string[] {
  return entriesOf(text).flatMap((e) => extractMessages(e).flatMap((m) => (m.xml ? [m.xml] : [])));
}

/** The planted values found anywhere (bytes in any spelling, or the decoded XML). Empty means no leak. */
export function leaks(text: string, planted: Record<string, string>): string[] {
  const haystacks = [text, ...decodedXml(text)];
  const found: string[] = [];
  for (const [label, value] of Object.entries(planted)) {
    for (const spelling of spellings(value)) {
      if (haystacks.some((h) => h.includes(spelling))) {
        found.push(`${label} as ${JSON.stringify(spelling)}`);
        break;
      }
    }
  }
  return found;
}
