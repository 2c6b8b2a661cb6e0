import type { Finding, FindingInstance, Severity } from '../model';
import { getRule } from '../rules/registry';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

function instanceOf(f: Finding): FindingInstance {
  const i: FindingInstance = { message: f.message, severity: f.severity };
  if (f.location) i.location = f.location;
  if (f.attribute) i.attribute = f.attribute;
  if (f.expected) i.expected = f.expected;
  return i;
}

/** The last segment of a URI-like attribute name (`.../claims/emailaddress` → `emailaddress`), for short lists. */
export function shortName(name: string): string {
  const tail = name.replace(/[/#:]+$/, '').split(/[/#:]/).pop();
  return tail || name;
}

/** A short label for one instance: its attribute (with what the SP reads instead), else the last element of its place. */
export function instanceLabel(i: FindingInstance): string {
  if (i.attribute && i.expected) return `${shortName(i.attribute)} → ${i.expected}`;
  if (i.attribute) return i.attribute;
  const last = i.location?.split('/').filter(Boolean).pop();
  return last ?? i.message.slice(0, 40);
}

/** A list for one sentence: the first `max` items, then how many more. */
export function listShort(items: string[], max = 4): string {
  return items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', ');
}

/** One finding for several of one rule (a single one is returned as it is). */
export function merge(rule: string, group: Finding[]): Finding {
  if (group.length === 1) return group[0]!;
  // Already grouped findings (a report judged again) contribute their instances, not themselves.
  const instances = group.flatMap((f) => f.instances ?? [instanceOf(f)]);
  const severity = instances.reduce<Severity>((w, i) => (RANK[i.severity] > RANK[w] ? i.severity : w), 'info');
  const title = getRule(rule)?.title ?? rule;
  const labels = instances.map(instanceLabel);
  const merged: Finding = { rule, severity, message: `${title}: ${instances.length} instances (${listShort(labels)}).`, instances };
  const first = instances[0]!;
  if (first.location) merged.location = first.location;
  return merged;
}

/**
 * One finding per rule and message (issue 9): the same rule raised several times on one message is one cause
 * with several instances, listed under one "why" and one fix. Order is that of each rule's first finding.
 */
export function groupFindings(findings: Finding[]): Finding[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  return [...byRule.entries()].map(([rule, group]) => merge(rule, group));
}
