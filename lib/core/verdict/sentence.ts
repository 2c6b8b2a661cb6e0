import type { Finding, FindingInstance } from '../model';
import { instanceLabel, listShort, shortName } from './group';
import { plural } from './words';

const instancesOf = (f: Finding): FindingInstance[] => f.instances ?? [{ message: f.message, severity: f.severity, ...(f.location ? { location: f.location } : {}), ...(f.attribute ? { attribute: f.attribute } : {}), ...(f.expected ? { expected: f.expected } : {}) }];


/** The first sentence of a finding's words (a rule's message can run to several). */
export function firstSentence(text: string): string {
  // \u201d, not the character itself: the CLI bundle must stay ASCII (lib/scripts/build-node.mjs).
  const cut = /[.!?]["\u201d)]?\s+(?=[A-Z])/.exec(text);
  let s = cut ? text.slice(0, cut.index + cut[0].trimEnd().length) : text;
  // A long sentence keeps its main clause: what comes after a semicolon is the detail.
  const semi = s.indexOf('; ', 40);
  if (s.length > 160 && semi > 0) s = s.slice(0, semi);
  return s.replace(/[.\s]+$/, '');
}

function namespaced(f: Finding): string {
  // One entry per name the SP reads: `displayname, name → full_name`.
  const byExpected = new Map<string, string[]>();
  for (const i of instancesOf(f)) {
    if (!i.attribute || !i.expected) continue;
    const list = byExpected.get(i.expected) ?? [];
    list.push(shortName(i.attribute));
    byExpected.set(i.expected, list);
  }
  if (!byExpected.size) return firstSentence(f.message);
  const pairs = [...byExpected.entries()].map(([expected, names]) => `${names.join(', ')} → ${expected}`);
  return `${plural(byExpected.size, 'required claim is', 'required claims are')} namespaced (${pairs.join('; ')})`;
}

function missing(f: Finding): string {
  const names = instancesOf(f).flatMap((i) => (i.attribute ? [i.attribute] : []));
  if (!names.length || !f.instances) return firstSentence(f.message);
  return `${plural(names.length, 'required attribute is', 'required attributes are')} missing (${listShort(names)})`;
}

/**
 * The cause in a few words, from the finding's own words: a summary for the attribute rules (one line for all
 * the claims), the first sentence otherwise, naming the other places of a grouped finding.
 */
export function causeSentence(f: Finding): string {
  if (f.rule === 'attribute-namespaced') return namespaced(f);
  if (f.rule === 'attribute-missing') return missing(f);
  const all = instancesOf(f);
  const first = firstSentence(all[0]!.message);
  if (all.length < 2) return first;
  return `${first} (also ${listShort(all.slice(1).map(instanceLabel), 3)})`;
}
