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
}

/** What a decoder, parser or verifier reports before the rule engine applies profile severities. */
export interface Problem {
  rule: string;
  message: string;
  location?: string;
  /** Overrides the rule's default severity (e.g. a lenient base64 fallback is info, not an error). */
  severity?: Severity;
}
