import type { KnownIdpProduct } from '../idp/product';

export type Severity = 'error' | 'warning' | 'info';

/** One thing a rule has to say about a message or a trace. */
export interface Finding {
  /** Stable slug of the rule that raised it (see lib/core/rules/registry.ts). */
  rule: string;
  severity: Severity;
  /** One sentence about this message, in plain words, with the offending values. */
  message: string;
  /** Element path in the decoded XML, e.g. `/Response/Assertion[1]/Subject/NameID`, so a UI can highlight it. */
  location?: string;
  /** The attribute this finding is about (attribute rules), so a summary can name it without parsing the message. */
  attribute?: string;
  /** The attribute name the SP reads instead (attribute-namespaced), e.g. `email` for `.../emailaddress`. */
  expected?: string;
  /**
   * Several findings of one rule about one message, grouped into this one (issue 9): each instance's own words and
   * place. Absent for a single instance; then `message` and `location` are that instance's.
   */
  instances?: FindingInstance[];
  /**
   * The slug of another finding of the same message that is the root cause of this one (a missing bare attribute
   * whose namespaced form is present; a message judged unsigned because its signature's key is not trusted).
   * Severity is kept as raised; the summary counts only findings without `causedBy` (one count per cause).
   */
  causedBy?: string;
  /**
   * This finding's own fix, with the message's values, when it is more precise than the rule's (the steps for
   * the IdP error code a refusal page names): the verdict and `--json`'s `fix.idp` give it instead.
   */
  ownFix?: OwnFix;
}

/** Whose steps an own fix gives (a product id, or `general`) and the steps. */
export interface OwnFix {
  product: KnownIdpProduct | 'general';
  text: string;
}

/** One occurrence of a grouped finding. */
export interface FindingInstance {
  message: string;
  location?: string;
  attribute?: string;
  expected?: string;
  severity: Severity;
}

/** What a decoder, parser or verifier reports before the rule engine applies profile severities. */
export interface Problem {
  rule: string;
  message: string;
  location?: string;
  /** Overrides the rule's default severity (e.g. a lenient base64 fallback is info, not an error). */
  severity?: Severity;
  ownFix?: OwnFix;
}
