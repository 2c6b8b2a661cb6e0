import type { Finding } from '../model';

/**
 * Findings that make an SP refuse a Response, most decisive first: a signature the SP cannot trust, then the
 * values it compares with its configuration, then time and identity. Others follow in their own order.
 */
export const CAUSE_ORDER: readonly string[] = [
  'signature-invalid',
  'signature-wrapping',
  // A signature by another key also makes the message count as unsigned: the key is the cause, name it first.
  'signature-untrusted',
  'certificate-key-weak',
  'message-unsigned',
  'response-unsigned',
  'assertion-unsigned',
  'encryption-failed',
  'audience-mismatch',
  'destination-mismatch',
  'recipient-mismatch',
  'issuer-mismatch',
  'issuer-inconsistent',
  'in-response-to-mismatch',
  'assertion-expired',
  'assertion-not-yet-valid',
  'assertion-missing',
  'assertion-multiple',
  'nameid-missing',
  'nameid-format',
  'nameid-not-email',
  // A namespaced name is why the bare attribute is missing: name the cause first.
  'attribute-namespaced',
  'attribute-missing',
  'weak-algorithm',
  'certificate-expired',
  'clock-skew',
  'unsolicited-response',
];

const rank = (slug: string) => {
  const i = CAUSE_ORDER.indexOf(slug);
  return i < 0 ? CAUSE_ORDER.length : i;
};

/** Up to three errors (or, without errors, warnings) of the Response, most likely cause first, with their words. */
export function likelyCauses(findings: Finding[], max = 3): string[] {
  const own = findings.filter((f) => f.rule !== 'sp-refused' && f.rule !== 'internal-error');
  const errors = own.filter((f) => f.severity === 'error');
  const chosen = (errors.length ? errors : own.filter((f) => f.severity === 'warning')).slice().sort((a, b) => rank(a.rule) - rank(b.rule));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of chosen) {
    if (seen.has(f.rule)) continue;
    seen.add(f.rule);
    const words = f.message.length > 160 ? `${f.message.slice(0, 157)}…` : f.message;
    out.push(`${f.rule} (${words})`);
    if (out.length === max) break;
  }
  return out;
}
