import type { Finding } from '../model';
import type { MessagePair } from './pairs';
import type { OneSidedFinding } from './types';

/**
 * Findings are matched by rule and location (their messages carry IDs and instants that always differ);
 * the attribute rules also by the attribute they name, so "email missing" on A and "roles missing" on B
 * are two differences, not one finding both have.
 */
function groupKey(f: Finding): string {
  const named = f.rule.startsWith('attribute-') ? (/"([^"]*)"/.exec(f.message)?.[1] ?? '') : '';
  return `${f.rule}\u0000${f.location ?? ''}\u0000${named}`;
}

function oneSided(f: Finding, label: string): OneSidedFinding {
  return { rule: f.rule, severity: f.severity, message: f.message, ...(f.location ? { location: f.location } : {}), in: label, explained: false };
}

/** What one paired message has that the other has not; an unpaired message's findings are all one-sided. */
export function diffFindings(pair: MessagePair): { onlyA: OneSidedFinding[]; onlyB: OneSidedFinding[] } {
  const a = pair.a?.findings ?? [];
  const b = pair.b?.findings ?? [];
  const onlyA: OneSidedFinding[] = [];
  const restB = new Map<string, Finding[]>();
  for (const f of b) restB.set(groupKey(f), [...(restB.get(groupKey(f)) ?? []), f]);
  for (const f of a) {
    const rest = restB.get(groupKey(f));
    if (!rest?.length) {
      onlyA.push(oneSided(f, pair.label));
      continue;
    }
    // The same text if there is one, else any of the group: equal counts mean nothing is one-sided.
    const i = Math.max(0, rest.findIndex((g) => g.message === f.message));
    rest.splice(i, 1);
  }
  const left = new Set([...restB.values()].flat());
  const onlyB = b.filter((f) => left.has(f)).map((f) => oneSided(f, pair.label));
  return { onlyA, onlyB };
}
