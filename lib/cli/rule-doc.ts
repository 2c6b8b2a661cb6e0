import type { IdpFix } from '../core/idp';

/** What the CLI shows of a rule's metadata (a subset of the rules' metadata type). */
export interface RuleDoc {
  title: string;
  fix: IdpFix;
  spec?: string;
}

export type RuleLookup = (slug: string) => RuleDoc | undefined;
