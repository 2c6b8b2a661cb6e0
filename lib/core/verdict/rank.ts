import type { Finding, Severity } from '../model';
import { CAUSE_ORDER } from '../outcome/causes';

/** A forged, broken or untrusted message: nothing else it says can be believed, so it is named first. */
export const TRUST_RULES: readonly string[] = [
  'signature-wrapping',
  'signature-invalid',
  'namespace-lookalike',
  'xml-refused',
  'xml-doctype',
  'signature-untrusted',
  'certificate-key-weak',
  'certificate-invalid',
  'message-unsigned',
  'assertion-unsigned',
  'encryption-failed',
];

/** The IdP or SP said no: the refusal is the answer, after the signature and before what the refusal names. */
const REFUSALS: readonly string[] = ['status-error', 'idp-refused'];

/** What could not be read at all: the cause is the input itself. */
const INPUT: readonly string[] = ['input-unrecognised', 'not-saml', 'decode-failed', 'internal-error'];

const SEVERITY: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The rank of a cause, lowest first: severity, then a forged or broken signature, then an IdP refusal or an
 * error status, then what an SP compares (audience, times, attributes: CAUSE_ORDER), then anything else, and
 * last `sp-refused`, which is a symptom when another finding names why.
 */
export function causeRank(f: Finding): number[] {
  const slug = f.rule;
  const tier = TRUST_RULES.includes(slug)
    ? 0
    : INPUT.includes(slug)
      ? 1
      : REFUSALS.includes(slug)
        ? 2
        : CAUSE_ORDER.includes(slug)
          ? 3
          : slug === 'sp-refused'
            ? 5
            : 4;
  const within = tier === 0 ? TRUST_RULES.indexOf(slug) : tier === 3 ? CAUSE_ORDER.indexOf(slug) : 0;
  return [SEVERITY[f.severity], tier, within];
}

export function compareCauses(a: Finding, b: Finding): number {
  const ra = causeRank(a);
  const rb = causeRank(b);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
  return 0;
}

/** Findings that can be the answer: not info, and not the consequence of another finding. */
export function causes(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.severity !== 'info' && !f.causedBy).sort(compareCauses);
}
