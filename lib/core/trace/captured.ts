import { scalarText } from '../input/fields';
import type { CapturedSignatures, TraceEntry } from '../model';

/**
 * Items grouped by key, each group in the original order: the n-th message of an entry and parameter finds
 * its stored verdict in one look-up instead of a filter over every stored verdict (quadratic in a big trace).
 */
export function groupByKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const byList = new WeakMap<readonly CapturedSignatures[], Map<string, CapturedSignatures[]>>();

/**
 * The verdicts captured before redaction for an entry's messages carried in `parameter`, in message order;
 * undefined when the entry kept none. Grouped once per list.
 */
export function capturedSignaturesOf(entry: TraceEntry, parameter: string): CapturedSignatures[] | undefined {
  const list = entry.capturedSignatures;
  if (!Array.isArray(list)) return undefined;
  let groups = byList.get(list);
  if (!groups) {
    // A hand-edited file may hold anything here; what is not a verdict record belongs to no parameter.
    groups = groupByKey(list, (c) => (typeof c === 'object' && c !== null ? scalarText(c.parameter) : '\u0000'));
    byList.set(list, groups);
  }
  return groups.get(parameter) ?? [];
}
