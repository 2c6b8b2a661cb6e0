import type { Finding, Problem, Severity } from '../model';
import type { Profile } from '../profiles';
import type { RuleContext } from './context';
import { getRule, RULES } from './registry';
import { isCheckRule } from './rule';

/** The severity a finding of `slug` gets: the raiser's override, else the profile's, else the rule's default. */
export function severityFor(slug: string, profile: Profile, override?: Severity): Severity {
  return override ?? profile.severities[slug] ?? getRule(slug)?.severity ?? 'error';
}

/**
 * A Problem from the decoder, parser or verifier as a Finding. A profile's severity wins over the stage's:
 * the stage judges SAML in general (SHA-1 is a warning), the profile says what this SP refuses (Twilio Flex
 * refuses SHA-1).
 */
export function problemToFinding(p: Problem, profile: Profile): Finding {
  const f: Finding = { rule: p.rule, severity: profile.severities[p.rule] ?? severityFor(p.rule, profile, p.severity), message: p.message };
  if (p.location) f.location = p.location;
  if (p.ownFix) f.ownFix = p.ownFix;
  return f;
}

/**
 * Runs every check rule over one message. A rule that throws costs only its own verdict: the message gets an
 * internal-error finding naming the rule and the other rules still run.
 */
export function runChecks(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (!isCheckRule(rule)) continue;
    try {
      for (const hit of rule.check(ctx)) {
        const f: Finding = { rule: rule.slug, severity: severityFor(rule.slug, ctx.profile, hit.severity), message: hit.message };
        if (hit.location) f.location = hit.location;
        if (hit.attribute) f.attribute = hit.attribute;
        if (hit.expected) f.expected = hit.expected;
        if (hit.ownFix) f.ownFix = hit.ownFix;
        findings.push(f);
      }
    } catch (e) {
      findings.push({
        rule: 'internal-error',
        severity: 'error',
        message: `The ${rule.slug} check failed on this message (${e instanceof Error ? e.message : String(e)}); its result is missing.`,
      });
    }
  }
  return findings;
}

/** Drops exact repeats (the same problem raised twice for one element). */
export function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.rule}\u0000${f.location ?? ''}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
