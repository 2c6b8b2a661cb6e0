import type { Difference, OneSidedFinding } from './types';

/** A value short enough for one sentence: fingerprints and long URLs cut, lists joined. */
export function shortValue(v: string | string[] | undefined): string {
  if (v === undefined) return '(none)';
  if (Array.isArray(v)) return v.length ? v.map((x) => shortValue(x)).join(', ') : '(no value)';
  if (/^[0-9A-F]{64}$/.test(v)) return `${v.slice(0, 16)}…`;
  const one = v.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}…` : one === '' ? '(empty)' : one;
}

/** `Response › Status`: the label with the message it is on, as every rendering names a difference. */
export function differenceTitle(d: Pick<Difference, 'label' | 'message'>): string {
  return d.message ? `${d.message} › ${d.label}` : d.label;
}

/** "changed from X to Y", "only in B: Y", "only in A: X". */
export function changeText(d: Pick<Difference, 'kind' | 'a' | 'b'>): string {
  if (d.kind === 'added') return `only in B (${shortValue(d.b)})`;
  if (d.kind === 'removed') return `only in A (${shortValue(d.a)})`;
  return `${shortValue(d.a)} → ${shortValue(d.b)}`;
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * The side's finding of `rule` the difference is about: on the difference's message first, then the most severe.
 * A side can have the rule on several messages (an unchecked AuthnRequest signature, info, before an untrusted
 * Response, warning), and the first of them named the wrong element.
 */
function findingFor(list: OneSidedFinding[], rule: string, on: string | undefined): OneSidedFinding | undefined {
  const score = (f: OneSidedFinding) => (f.in === on ? 0 : 3) + RANK[f.severity];
  let best: OneSidedFinding | undefined;
  for (const f of list) if (f.rule === rule && (!best || score(f) < score(best))) best = f;
  return best;
}

function sideOf(rule: string, findings: { onlyA: OneSidedFinding[]; onlyB: OneSidedFinding[] }, on: string | undefined): string {
  const a = findingFor(findings.onlyA, rule, on);
  const b = findingFor(findings.onlyB, rule, on);
  // One-sided by place: findings pair by rule and location, so a rule each side has on another element is on both lists.
  if (a && b) return `A and B both have ${rule} (${b.severity}), on different elements (A: ${a.location ?? a.in}; B: ${b.location ?? b.in})`;
  const f = b ?? a;
  return f ? `${b ? 'B' : 'A'} has ${rule} (${f.severity}) and ${b ? 'A' : 'B'} has not` : rule;
}

/** One sentence for the top of every output: the difference that matters most, and what it explains. */
export function headline(differences: Difference[], findings: { onlyA: OneSidedFinding[]; onlyB: OneSidedFinding[] }): string {
  const top = differences[0];
  const all = [...findings.onlyB, ...findings.onlyA];
  const explaining = (d: Difference | undefined) => `${differenceTitle(d!)}: ${changeText(d!)}; this explains why ${d!.explains!.map((r) => sideOf(r, findings, d!.message)).join('; ')}.`;
  if (top?.explains?.some((rule) => all.some((f) => f.rule === rule && f.severity !== 'info'))) return explaining(top);
  const serious = all.filter((f) => f.severity !== 'info' && !f.explained);
  const worst = serious.find((f) => f.severity === 'error') ?? serious[0];
  if (worst) {
    const side = findings.onlyB.includes(worst) ? 'B' : 'A';
    const first = top && top.importance !== 'cosmetic' ? ` The first difference: ${differenceTitle(top)}, ${changeText(top)}.` : '';
    return `${side} has ${worst.rule} (${worst.severity}) on its ${worst.in} and ${side === 'B' ? 'A' : 'B'} has not; no compared field explains it.${first}`;
  }
  if (!top) return 'Nothing differs that SAML Lens compares: the same parties, endpoints, user, attributes, signatures and findings.';
  if (top.importance === 'cosmetic') return `Nothing that matters differs; only ${differences.length === 1 ? 'a cosmetic difference' : 'cosmetic differences'} (${differenceTitle(top)}).`;
  return top.explains?.length ? explaining(top) : `${differenceTitle(top)}: ${changeText(top)}.`;
}
