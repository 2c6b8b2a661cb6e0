import type { Report, Severity } from '../model';
import { lastSegment } from '../rules/helpers';
import { messageFacts, sameFact, type Fact } from './facts';
import type { MessagePair } from './pairs';
import type { Ranked } from './rank';
import type { DiffField, Difference, SameField } from './types';

/** A difference before it is explained and ranked. */
export interface Draft extends Ranked {
  /** The fact's key (Fact.key) within its message. */
  key: string;
  label: string;
  path: string;
  message?: string;
  a?: string | string[];
  b?: string | string[];
  detail?: { a?: string; b?: string };
  /** Locations or attribute names a finding must name to be explained by this difference specifically. */
  targets: string[];
  explains: string[];
  worst?: Severity;
}

export interface PairDiff {
  drafts: Draft[];
  same: SameField[];
}

function draft(message: string, key: string, field: DiffField, label: string, a: Fact | undefined, b: Fact | undefined): Draft {
  const kind: Difference['kind'] = a && b ? 'changed' : a ? 'removed' : 'added';
  const detail = a?.detail !== undefined || b?.detail !== undefined ? { ...(a?.detail ? { a: a.detail } : {}), ...(b?.detail ? { b: b.detail } : {}) } : undefined;
  return {
    key,
    field,
    kind,
    label,
    path: `${message}.${key}`,
    message,
    ...(a ? { a: a.value } : {}),
    ...(b ? { b: b.value } : {}),
    ...(detail && (detail.a || detail.b) ? { detail } : {}),
    ...((a ?? b)?.volatile ? { volatile: true } : {}),
    targets: [a?.target, b?.target].filter((t): t is string => !!t),
    explains: [],
  };
}

const sameName = (x: string, y: string) => x.toLowerCase() === y.toLowerCase() || lastSegment(x).toLowerCase() === lastSegment(y).toLowerCase();

/**
 * An attribute gone from A and one new in B with the same values, or a name that differs only in case or
 * namespace, is one claim renamed: the usual cause of "attribute missing" after someone edits the claims.
 */
function findRenames(message: string, drafts: Draft[], facts: { a: Map<string, Fact>; b: Map<string, Fact> }, valuesComparable: boolean): Draft[] {
  const removed = drafts.filter((d) => d.field === 'attribute' && d.kind === 'removed');
  const added = drafts.filter((d) => d.field === 'attribute' && d.kind === 'added');
  const out = drafts.filter((d) => !removed.includes(d) && !added.includes(d));
  const used = new Set<Draft>();
  for (const r of removed) {
    const fa = facts.a.get(r.key)!;
    const match = added.find((d) => {
      if (used.has(d)) return false;
      const fb = facts.b.get(d.key)!;
      const sameValues = valuesComparable && (fa.value as string[]).length > 0 && sameFact(fa, fb);
      return sameValues || sameName(fa.attribute!, fb.attribute!);
    });
    if (!match) {
      out.push(r);
      continue;
    }
    used.add(match);
    const fb = facts.b.get(match.key)!;
    const from = fa.attribute!;
    const to = fb.attribute!;
    out.push({
      key: `${r.key}.name`,
      field: 'attribute.name',
      kind: 'changed',
      label: 'Attribute name',
      path: `${message}.attribute[${from}].name`,
      message,
      a: from,
      b: to,
      targets: [from, to],
      explains: [],
    });
    if (valuesComparable && !sameFact(fa, fb)) out.push({ ...draft(message, `attribute[${to}]`, 'attribute', `Attribute "${to}" (was "${from}")`, fa, fb), targets: [from, to] });
  }
  out.push(...added.filter((d) => !used.has(d)));
  return out;
}

/**
 * The differences between two paired messages, fact by fact. `personalComparable` false (only one side is
 * pseudonymised): NameID and attribute values are compared for presence only, never value against pseudonym.
 */
export function diffPair(pair: MessagePair, reports: { a: Report; b: Report }, personalComparable: boolean): PairDiff {
  const message = pair.label;
  const list = (m: typeof pair.a, r: Report) => (m ? messageFacts(m, r) : []);
  const fa = list(pair.a, reports.a);
  const fb = list(pair.b, reports.b);
  const facts = { a: new Map(fa.map((f) => [f.key, f])), b: new Map(fb.map((f) => [f.key, f])) };
  const keys = [...new Set([...fa, ...fb].map((f) => f.key))];
  const drafts: Draft[] = [];
  const same: SameField[] = [];
  for (const key of keys) {
    const a = facts.a.get(key);
    const b = facts.b.get(key);
    const f = (a ?? b)!;
    // A detail of something only one side has (the algorithm of a signature B lacks) is said by its parent.
    if (f.parent && !(facts.a.has(f.parent) && facts.b.has(f.parent))) continue;
    // Value against pseudonym says nothing: with only one side pseudonymised, personal values are not compared.
    if (a && b && a.personal && !personalComparable) continue;
    if (a && b && sameFact(a, b)) {
      same.push({ field: f.field, label: f.label, path: `${message}.${key}`, message, value: a.value });
      continue;
    }
    drafts.push(draft(message, key, f.field, f.label, a, b));
  }
  return { drafts: findRenames(message, drafts, facts, personalComparable), same };
}
