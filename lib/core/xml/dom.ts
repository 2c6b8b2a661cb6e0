import { DOMParser } from '@xmldom/xmldom';
import type { Problem } from '../model';

class StopParse extends Error {}

/**
 * Pipeline step 3: the one namespace-aware parse (xmldom 0.8, the copy xml-crypto verifies with). Every
 * message xmldom has is collected as a problem; nothing is thrown to the caller. The guards have already
 * checked well-formedness, so a message here means xmldom read the text differently than expected.
 */
export function parseDom(xml: string): { doc?: Document; problems: Problem[] } {
  const problems: Problem[] = [];
  const collect = (severity: 'warning' | 'error') => (msg: unknown) => {
    problems.push({ rule: 'decode-failed', severity, message: `not XML: ${clean(msg)}` });
  };
  const parser = new DOMParser({
    errorHandler: {
      warning: collect('warning'),
      error: collect('error'),
      fatalError: (msg: unknown) => {
        collect('error')(msg);
        // xmldom keeps going after a fatal error when the handler returns; the tree would be a guess.
        throw new StopParse();
      },
    },
  });
  try {
    const doc = parser.parseFromString(xml, 'text/xml');
    if (!doc?.documentElement) {
      problems.push({ rule: 'decode-failed', message: 'not XML: there is no root element' });
      return { problems };
    }
    return { doc, problems };
  } catch (e) {
    if (!(e instanceof StopParse)) problems.push({ rule: 'decode-failed', message: `not XML: ${clean(e instanceof Error ? e.message : e)}` });
    return { problems };
  }
}

/** xmldom prefixes `[xmldom error]\t` and appends a locator; keep the sentence. */
function clean(msg: unknown): string {
  return String(msg)
    .replace(/^\[xmldom [a-zA-Z]+\]\s*/, '')
    .replace(/\s*@#\[line:(\d+),col:(\d+)\]\s*$/, ' at line $1, column $2')
    .replace(/\s*@#\[line:[^\]]*\]\s*$/, '')
    .trim();
}
