import type { Finding, FindingInstance, Severity } from '../model';
import { merge } from './group';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Rules whose findings, on one message, restate what a signature finding already says (issue 17's wording). */
const SIGNATURE_CAUSES = ['signature-invalid', 'signature-wrapping', 'signature-untrusted', 'certificate-key-weak', 'weak-algorithm'];

/** Another finding at least as severe: linking never hides a more serious finding behind a lighter cause. */
function causeAmong(findings: Finding[], f: Finding, slugs: string[]): Finding | undefined {
  return findings.find((c) => c !== f && !c.causedBy && slugs.includes(c.rule) && RANK[c.severity] >= RANK[f.severity]);
}

function expectedNames(f: Finding): string[] {
  return (f.instances ?? [f]).flatMap((i) => (i.expected ? [i.expected] : []));
}

/** A grouped finding's instances as findings again, to be split and merged anew. */
function parts(f: Finding): Finding[] {
  if (!f.instances) return [f];
  return f.instances.map((i: FindingInstance) => {
    const { severity, ...rest } = i;
    return { rule: f.rule, severity, ...rest };
  });
}

/**
 * `attribute-missing` split by cause: the names whose namespaced form is present are told under
 * `attribute-namespaced`; the others (no lookalike at all) stay a cause of their own.
 */
function splitMissing(f: Finding, findings: Finding[]): Finding[] {
  const namespaced = findings.find((c) => c.rule === 'attribute-namespaced' && RANK[c.severity] >= RANK[f.severity]);
  if (!namespaced) return [f];
  const renamed = new Set(expectedNames(namespaced));
  const all = parts(f);
  const covered = all.filter((p) => p.attribute !== undefined && renamed.has(p.attribute));
  const rest = all.filter((p) => !covered.includes(p));
  if (!covered.length) return [f];
  const told = { ...merge(f.rule, covered), causedBy: namespaced.rule };
  if (!rest.length) return [told];
  // In the order the profile names the attributes.
  const own = merge(f.rule, rest);
  return all.indexOf(covered[0]!) < all.indexOf(rest[0]!) ? [told, own] : [own, told];
}

/**
 * Marks findings of one message that are the consequence of another finding there (Finding.causedBy), so one
 * cause is counted and told once:
 * - `attribute-missing` for names that an `attribute-namespaced` finding says are present under a URI;
 * - `message-unsigned` for a message that carries a signature that does not count, when a signature finding
 *   says why (the key, the digest, the structure);
 * - `sp-refused` whose likely cause, named first in its words, is a finding of the same message.
 * Severities stay as raised: trust is never weakened, only the count and the words are shared.
 */
export function linkCauses(findings: Finding[]): Finding[] {
  return findings.flatMap((f) => {
    if (f.causedBy) return [f];
    if (f.rule === 'attribute-missing') return splitMissing(f, findings);
    let cause: Finding | undefined;
    if (f.rule === 'message-unsigned' && /carries (a|no) signature/.test(f.message)) {
      cause = causeAmong(findings, f, SIGNATURE_CAUSES);
    } else if (f.rule === 'sp-refused') {
      const named = /because of ([a-z0-9-]+)/.exec(f.message)?.[1];
      cause = named ? causeAmong(findings, f, [named]) : undefined;
    }
    return [cause ? { ...f, causedBy: cause.rule } : f];
  });
}
