import type { Severity } from '../model';
import type { DiffField, Difference, Importance } from './types';

/**
 * The findings a difference in a field can explain when one side has them and the other has not. A
 * certificate that changed explains an untrusted signature; a renamed attribute explains a missing one.
 */
export const EXPLAINS: Partial<Record<DiffField, readonly string[]>> = {
  'flow.kind': ['unsolicited-response', 'jit-needs-idp-initiated', 'in-response-to-mismatch'],
  endpoint: ['destination-mismatch', 'recipient-mismatch'],
  issuer: ['issuer-mismatch', 'issuer-missing', 'issuer-inconsistent'],
  'artifact.source': ['artifact-source-unknown'],
  destination: ['destination-mismatch'],
  inResponseTo: ['in-response-to-mismatch', 'unsolicited-response', 'jit-needs-idp-initiated'],
  relayState: ['relaystate-too-long'],
  status: ['status-error', 'assertion-missing'],
  'request.acsUrl': ['destination-mismatch', 'recipient-mismatch'],
  'request.nameIdPolicy': ['status-error', 'nameid-format'],
  'request.authnContext': ['status-error'],
  'request.isPassive': ['status-error'],
  assertion: ['assertion-missing'],
  'assertion.issuer': ['issuer-mismatch', 'issuer-inconsistent', 'issuer-missing'],
  audience: ['audience-mismatch'],
  recipient: ['recipient-mismatch', 'bearer-confirmation-missing'],
  nameId: ['nameid-missing', 'nameid-not-email', 'nameid-comment'],
  'nameId.format': ['nameid-format', 'nameid-not-email'],
  attribute: ['attribute-missing', 'attribute-namespaced', 'attribute-duplicate'],
  'attribute.name': ['attribute-missing', 'attribute-namespaced'],
  encryption: ['assertion-encrypted', 'encryption-failed'],
  signature: ['message-unsigned', 'response-unsigned', 'assertion-unsigned', 'signature-untrusted', 'signature-invalid', 'signature-wrapping', 'weak-algorithm'],
  'signature.certificate': ['signature-untrusted', 'signature-invalid', 'certificate-expired', 'certificate-key-weak'],
  'signature.status': ['signature-invalid', 'signature-untrusted', 'signature-wrapping'],
  'signature.algorithm': ['weak-algorithm'],
  'signature.digest': ['weak-algorithm'],
  'validity.conditions': ['assertion-expired', 'assertion-not-yet-valid'],
  'validity.confirmation': ['assertion-expired'],
  'clock.offset': ['clock-skew', 'assertion-expired', 'assertion-not-yet-valid'],
};

/** Content that differs between two people or two logins of one person matters less than who and what is trusted. */
const MINOR = new Set<DiffField>([
  'idp',
  'binding',
  'relayState',
  'status.message',
  'request.forceAuthn',
  'request.isPassive',
  'request.authnContext',
  'nameId',
  'attribute.nameFormat',
  'authnContext',
  'validity.conditions',
  'validity.confirmation',
  'validity.session',
  'clock.offset',
]);

/**
 * Within one importance, causes before symptoms: what the SP asked for before what the IdP answered, the
 * certificate before the verdict it led to, the configuration before the outcome.
 */
const ORDER: readonly DiffField[] = [
  'flow.kind',
  'message',
  'request.nameIdPolicy',
  'request.authnContext',
  'request.isPassive',
  'request.acsUrl',
  'request.protocolBinding',
  'status',
  'assertion',
  'signature.certificate',
  'signature',
  'signature.algorithm',
  'signature.digest',
  'signature.status',
  'encryption',
  'issuer',
  'artifact.source',
  'assertion.issuer',
  'audience',
  'destination',
  'endpoint',
  'recipient',
  'nameId.format',
  'attribute.name',
  'attribute',
  'inResponseTo',
  'clock.offset',
  'validity.conditions',
  'validity.confirmation',
  'validity.session',
  'nameId',
  'attribute.nameFormat',
  'authnContext',
  'request.forceAuthn',
  'status.message',
  'binding',
  'relayState',
  'idp',
  'flow.outcome',
];

const IMPORTANCE: readonly Importance[] = ['critical', 'major', 'minor', 'cosmetic'];
const SEVERITY: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface Ranked {
  field: DiffField;
  kind: Difference['kind'];
  /** Differs from login to login (a RelayState token); a change is cosmetic. */
  volatile?: boolean;
  /** One more message of a kind the other side also has (a request captured twice). */
  extra?: boolean;
  /** The worst finding it explains. */
  worst?: Severity;
}

/** How much a difference matters: what it explains first, then what kind of field it is. */
export function importanceOf(d: Ranked): Importance {
  if (d.worst === 'error') return 'critical';
  let base: Importance = MINOR.has(d.field) || (d.field === 'attribute' && d.kind === 'changed') ? 'minor' : 'major';
  if ((d.volatile && d.kind === 'changed') || d.extra) base = 'cosmetic';
  if (d.worst === 'warning' && IMPORTANCE.indexOf(base) > IMPORTANCE.indexOf('major')) base = 'major';
  return base;
}

/** Sorts most important first; stable, so document order decides last. */
export function rankDifferences<T extends Ranked & { importance: Importance }>(list: T[]): T[] {
  const order = (f: DiffField) => {
    const i = ORDER.indexOf(f);
    return i < 0 ? ORDER.length : i;
  };
  return [...list].sort(
    (x, y) =>
      IMPORTANCE.indexOf(x.importance) - IMPORTANCE.indexOf(y.importance) ||
      (x.worst ? SEVERITY[x.worst] : 3) - (y.worst ? SEVERITY[y.worst] : 3) ||
      order(x.field) - order(y.field),
  );
}
