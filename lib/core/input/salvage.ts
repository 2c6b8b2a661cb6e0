// A HAR or SAML-tracer export cut off before its end (a download interrupted, an export that ran out of
// memory, a file truncated to fit an upload limit): the entries written before the cut are still whole, and
// what was captured must not be lost with the broken tail.

/** The array a capture keeps its exchanges in, and the wrapper it belongs in. */
const ARRAYS: Array<{ key: RegExp; wrap: (items: unknown[], head: Record<string, unknown>) => unknown }> = [
  { key: /"entries"\s*:\s*\[/, wrap: (entries, head) => ({ log: { ...head, entries } }) },
  { key: /"requests"\s*:\s*\[/, wrap: (requests, head) => ({ ...head, requests }) },
];

/** At most this much of the text is searched for the array's start (a HAR's pages come before its entries). */
const HEAD_SEARCH = 1_000_000;

export interface Salvaged {
  data: unknown;
  /** Whole entries read before the cut. */
  kept: number;
}

/** Where the JSON value starting at `from` ends (exclusive), or -1 when the text ends first. */
function valueEnd(text: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The complete entries of a capture whose JSON ends early, in a wrapper the reader knows; undefined when none. */
export function salvageTruncated(text: string): Salvaged | undefined {
  const head = text.slice(0, HEAD_SEARCH);
  for (const { key, wrap } of ARRAYS) {
    const m = key.exec(head);
    if (!m) continue;
    // The HAR's creator (its name says how its form fields are encoded), when it stands before the entries.
    const creator = /"creator"\s*:\s*(\{[^{}]{0,2000}\})/.exec(head.slice(0, m.index))?.[1];
    let meta: Record<string, unknown> = {};
    try {
      if (creator) meta = { creator: JSON.parse(creator) as unknown };
    } catch {
      meta = {};
    }
    const items: unknown[] = [];
    let at = m.index + m[0].length;
    for (;;) {
      while (at < text.length && /[\s,]/.test(text[at]!)) at++;
      if (text[at] !== '{') break;
      const end = valueEnd(text, at);
      if (end < 0) break;
      try {
        items.push(JSON.parse(text.slice(at, end)));
      } catch {
        break;
      }
      at = end;
    }
    return items.length ? { data: wrap(items, meta), kept: items.length } : undefined;
  }
  return undefined;
}
