import type { FlowReport, MessageKind, Report, Severity } from '../model';
import type { FlowOutcome } from '../idp/product';

/**
 * The field families a comparison reports on. Stable ids: `saml-lens diff --json` prints them as
 * `differences[].field`, and a script may switch on them.
 */
export type DiffField =
  | 'flow.kind'
  | 'flow.outcome'
  | 'message'
  | 'idp'
  | 'binding'
  | 'endpoint'
  | 'issuer'
  | 'artifact.source'
  | 'destination'
  | 'inResponseTo'
  | 'relayState'
  | 'status'
  | 'status.message'
  | 'request.acsUrl'
  | 'request.protocolBinding'
  | 'request.nameIdPolicy'
  | 'request.forceAuthn'
  | 'request.isPassive'
  | 'request.authnContext'
  | 'assertion'
  | 'assertion.issuer'
  | 'audience'
  | 'recipient'
  | 'nameId'
  | 'nameId.format'
  | 'attribute'
  | 'attribute.name'
  | 'attribute.nameFormat'
  | 'authnContext'
  | 'encryption'
  | 'signature'
  | 'signature.status'
  | 'signature.algorithm'
  | 'signature.digest'
  | 'signature.certificate'
  | 'validity.conditions'
  | 'validity.confirmation'
  | 'validity.session'
  | 'clock.offset';

/**
 * How much a difference matters, most first. critical: it explains an error finding one side has and the
 * other has not. major: identity or trust (entity IDs, endpoints, audience, NameID format, status,
 * signatures, encryption), or it explains a warning. minor: content (NameID value, attribute values,
 * validity lengths, clock offsets, RelayState presence, binding). cosmetic: differs without meaning much
 * (a per-login RelayState token, a request captured twice).
 */
export type Importance = 'critical' | 'major' | 'minor' | 'cosmetic';

export interface Difference {
  field: DiffField;
  /** Plain words: `Attribute "email"`, `Assertion signature: certificate (SHA-256)`. */
  label: string;
  /** Stable locator, unique in one comparison: `Response.attribute[email]`, `flow.kind`. */
  path: string;
  /** The message pair it belongs to (`Response`, `AuthnRequest 2`); absent for flow-level fields. */
  message?: string;
  /** added: only B has it; removed: only A has it; changed: both have it, with other values. */
  kind: 'added' | 'removed' | 'changed';
  /** Value on A as text, absent when A has none. Arrays for the multi-valued `attribute` and `audience`. */
  a?: string | string[];
  b?: string | string[];
  /** Context for reading, never compared (certificate subject and validity). */
  detail?: { a?: string; b?: string };
  importance: Importance;
  /** Rule slugs of findings that one side has and the other has not, which this difference explains. */
  explains?: string[];
}

/** A finding one side has and the other has not (same rule on the paired message). */
export interface OneSidedFinding {
  rule: string;
  severity: Severity;
  message: string;
  location?: string;
  /** The message it is on, as in Difference.message. */
  in: string;
  /** A difference in the list explains it. */
  explained: boolean;
}

/** A field with the same value on both sides (for the UI's "same on both sides" part). */
export interface SameField {
  field: DiffField;
  label: string;
  path: string;
  message?: string;
  value: string | string[];
}

export interface ComparisonSide {
  /** What the user gave: a file name, or a label the UI chose. */
  input: string;
  scope: 'flow' | 'message';
  /** The flow compared, or the flow of the message compared. `number` is 1-based, as `--flow` takes it. */
  flow?: { number: number; id: string; kind: FlowReport['kind']; outcome?: FlowOutcome };
  /** The messages compared, in capture order: `index` into that side's report (0-based, as in `check --json`). */
  messages: Array<{ index: number; kind: MessageKind }>;
  /** Findings on the compared messages. */
  counts: { errors: number; warnings: number; infos: number };
  /** Its NameID or attribute values are pseudonyms of a `share` redaction. */
  pseudonymised: boolean;
}

export interface Comparison {
  schemaVersion: 1;
  type: 'diff';
  /** The profile and time reference both sides were judged with (the same expectations apply to both). */
  profile: string;
  at: string;
  a: ComparisonSide;
  b: ComparisonSide;
  /** Ranked: what explains a one-sided finding first, then identity and trust, then content, cosmetic last. */
  differences: Difference[];
  findings: { onlyA: OneSidedFinding[]; onlyB: OneSidedFinding[] };
  summary: {
    /** True when something that matters differs: a difference that is not cosmetic, or a one-sided error or warning. */
    matters: boolean;
    /** One sentence: the difference that matters most, with the finding it explains. */
    headline: string;
    differences: number;
    critical: number;
    major: number;
    minor: number;
    cosmetic: number;
  };
  /** Caveats in plain words (pseudonymised values, a comparison of single messages from whole flows). */
  notes: string[];
  /** Fields equal on both sides. Not in `--json` unless `--include-same`. */
  same: SameField[];
}

/** Which part of a report to compare. Numbers are 1-based, as people read them in the list and the CLI. */
export type Pick = { flow: number } | { message: number } | { auto: true };

export interface CompareInput {
  report: Report;
  /** Shown as ComparisonSide.input. */
  input: string;
  pick: Pick;
}

export interface CompareOptions {
  /** Compare even when the two sides share no IdP or SP entity ID. */
  allowUnrelated?: boolean;
}

/** Why two sides cannot be compared; `saml-lens diff` exits 2 with `message`. */
export interface CompareProblem {
  reason: 'no-message' | 'no-such-flow' | 'no-such-message' | 'no-common-kind' | 'unrelated' | 'internal';
  message: string;
}

export type CompareOutcome = { comparison: Comparison; problem?: undefined } | { comparison?: undefined; problem: CompareProblem };
