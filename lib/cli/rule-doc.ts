/** What the CLI shows of a rule's metadata (a subset of the rules' metadata type). */
export interface RuleDoc {
  title: string;
  fix: { general: string; entra?: string; okta?: string; adfs?: string };
  spec?: string;
}

export type RuleLookup = (slug: string) => RuleDoc | undefined;
