import type { IdpFix } from '../idp/fix-for';
import type { OwnFix, Severity } from '../model';
import type { RuleContext } from './context';

/** The pipeline stage that raises a rule as a Problem before the rule engine runs ('flow': after it, from the HTTP answers around a flow). */
export type Stage = 'input' | 'decoder' | 'parser' | 'verifier' | 'engine' | 'flow';

/**
 * How to fix what a rule found. Plain text; several steps are separate lines. Per-IdP text only where the
 * fix is documented publicly for that product (a vague hint is worse than none), with its source URL in
 * `sources`.
 */
export type RuleFix = IdpFix;

/** Everything a person (or the generated README reference) needs to know about a rule. */
export interface RuleMeta {
  /** Stable, never reused for another meaning; the JSON output uses it. */
  slug: string;
  /** Severity under the generic profile; profiles and the raising stage may adjust it. */
  severity: Severity;
  title: string;
  /** Why it matters, in plain words. */
  why: string;
  fix: RuleFix;
  /** Spec reference, `saml-core §2.5.1.2` style; several separated by `; `. */
  spec: string;
}

/** What a check says about one message; the engine adds the rule slug and the severity. */
export interface Hit {
  message: string;
  location?: string;
  /** The attribute the hit is about, and the name the SP reads instead (see Finding). */
  attribute?: string;
  expected?: string;
  /** Only when this hit is more or less serious than the rule's (profile-adjusted) severity. */
  severity?: Severity;
  /** Only when the rule's fix does not fit this hit (see Finding.ownFix). */
  ownFix?: OwnFix;
}

/** A rule the engine runs over each message. */
export interface CheckRule extends RuleMeta {
  raisedBy?: undefined;
  check(ctx: RuleContext): Hit[];
}

/** A rule raised as a Problem by an earlier stage; it carries metadata only (no check of its own). */
export interface StageRule extends RuleMeta {
  raisedBy: Stage;
}

export type Rule = CheckRule | StageRule;

export function isCheckRule(rule: Rule): rule is CheckRule {
  return rule.raisedBy === undefined;
}
