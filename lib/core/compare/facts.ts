import type { AssertionView, MessageReport, Report, SignatureVerdict } from '../model';
import { parseInstant } from '../flow/time';
import { BEARER } from '../rules/helpers';
import { duration } from '../rules/time';
import type { DiffField } from './types';

/**
 * One comparable fact about a message: what the comparison puts side by side. IDs, instants and signature
 * values are never facts (they differ on every login); what they say is (a window's length, a clock offset,
 * whether InResponseTo answers the captured request).
 */
export interface Fact {
  field: DiffField;
  /** Unique within a message; pairs A's fact with B's and ends the difference's path. */
  key: string;
  label: string;
  value: string | string[];
  /** What equality is judged on when it is not the value itself. */
  same?: string;
  /** Numbers equal within a tolerance (a clock offset of 2 s and of 40 s are the same clock). */
  num?: { value: number; tolerance: number };
  /** Differs from login to login for some SPs: a change is cosmetic, only presence matters. */
  volatile?: boolean;
  /** A fact that only exists with its parent: when the parent is on one side only, this one is not reported. */
  parent?: string;
  /** Personal data: pseudonymised in shared reports, and not compared when only one side is pseudonymised. */
  personal?: 'nameid' | 'attribute';
  /** What a finding names (its location, or a quoted attribute name) when this fact explains it. */
  target?: string;
  /** Context for reading, never compared. */
  detail?: string;
  /** The attribute name, for rename detection. */
  attribute?: string;
}

const STATUS_PREFIX = /^urn:oasis:names:tc:SAML:2\.0:status:/;
/** The key of a Response's assertion: what is read from it exists only when both sides have one. */
const ASSERTION = 'assertion';

function urlBase(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}

function seconds(from: string | undefined, to: string | undefined): number | undefined {
  const a = parseInstant(from);
  const b = parseInstant(to);
  return a && b ? Math.round((b.getTime() - a.getTime()) / 1000) : undefined;
}

function windowFact(field: DiffField, label: string, from: string | undefined, to: string | undefined): Fact[] {
  const s = seconds(from, to);
  if (s === undefined) return [];
  return [{ field, key: field, label, value: s < 0 ? `ends ${duration(s * 1000)} before it starts` : duration(s * 1000), same: String(s), parent: ASSERTION }];
}

/** The identity assertion, as the rules pick it: in the expected place, the signed one first. */
function identityAssertion(m: MessageReport): AssertionView | undefined {
  const placed = m.view?.assertions.filter((a) => a.expectedPlace) ?? [];
  return placed.find((a) => m.signatures.some((s) => s.form === 'xml' && s.target === a.path)) ?? placed[0];
}

function roleOf(m: MessageReport): string {
  if (m.direction === 'to-sp') return ' (IdP)';
  if (m.direction === 'to-idp') return ' (SP)';
  return '';
}

function answered(m: MessageReport, report: Report): string | undefined {
  if (!m.inResponseTo) return undefined;
  const request = report.messages.find((r) => r.index !== m.index && r.id !== undefined && r.id.trim() === m.inResponseTo!.trim() && /Request|Resolve/.test(r.kind));
  return request ? `answers the captured ${request.kind}` : 'answers a request that was not captured';
}

/** What a Response's assertion says; all of it is left out when only one side has an assertion at all. */
function assertionFacts(a: AssertionView): Fact[] {
  const facts: Fact[] = [];
  const add = (field: DiffField, label: string, value: string | string[] | undefined) => value !== undefined && facts.push({ field, key: field, label, value, parent: ASSERTION });
  add('assertion.issuer', 'Assertion Issuer (IdP)', a.issuer);
  add('audience', 'Audience (SP entity ID)', a.conditions?.audiences);
  const bearer = a.confirmations.find((c) => c.method === BEARER) ?? a.confirmations[0];
  add('recipient', 'Recipient (ACS URL)', bearer?.recipient);
  add('authnContext', 'AuthnContextClassRef', a.authn?.authnContextClassRef);
  facts.push(
    ...windowFact('validity.conditions', 'Assertion validity (NotBefore to NotOnOrAfter)', a.conditions?.notBefore, a.conditions?.notOnOrAfter),
    ...windowFact('validity.confirmation', 'Bearer confirmation lifetime (from IssueInstant)', a.issueInstant, bearer?.notOnOrAfter),
    ...windowFact('validity.session', 'Session lifetime (SessionNotOnOrAfter)', a.authn?.authnInstant, a.authn?.sessionNotOnOrAfter),
  );
  return facts;
}

function requestFacts(m: MessageReport): Fact[] {
  const r = m.view?.request;
  if (!r) return [];
  const facts: Fact[] = [];
  const add = (field: DiffField, label: string, value: string | undefined) => value !== undefined && facts.push({ field, key: field, label, value });
  add('request.acsUrl', 'Requested ACS URL', r.assertionConsumerServiceUrl ?? (r.assertionConsumerServiceIndex !== undefined ? `index ${r.assertionConsumerServiceIndex}` : undefined));
  add('request.protocolBinding', 'Requested response binding', r.protocolBinding);
  add('request.nameIdPolicy', 'Requested NameID format (NameIDPolicy)', r.nameIdPolicyFormat);
  add('request.forceAuthn', 'ForceAuthn', r.forceAuthn === undefined ? undefined : String(r.forceAuthn));
  add('request.isPassive', 'IsPassive', r.isPassive === undefined ? undefined : String(r.isPassive));
  if (r.requestedAuthnContext.length) facts.push({ field: 'request.authnContext', key: 'request.authnContext', label: 'Requested AuthnContext', value: r.requestedAuthnContext });
  return facts;
}

function certificateDetail(v: SignatureVerdict): string | undefined {
  const c = v.verifiedWith ?? v.keyInfoCertificate;
  if (!c) return undefined;
  const parts = [c.subject, c.notAfter ? `valid until ${c.notAfter}` : undefined, c.trusted ? 'trusted' : 'not trusted'].filter(Boolean);
  return parts.join(', ');
}

function signatureFacts(signatures: SignatureVerdict[], inResponse: boolean): Fact[] {
  const facts: Fact[] = [];
  const seen = new Map<string, number>();
  for (const v of signatures) {
    const what = v.form === 'redirect-query' ? 'query' : v.targetKind;
    const n = (seen.get(what) ?? 0) + 1;
    seen.set(what, n);
    const key = `signature[${what}${n > 1 ? ` ${n}` : ''}]`;
    const name = v.form === 'redirect-query' ? 'Redirect query signature' : `${v.targetKind} signature`;
    const target = v.target;
    const parent = inResponse && v.targetKind === 'Assertion' ? { parent: ASSERTION } : {};
    facts.push({ field: 'signature', key, label: name, value: `signed (${v.status})`, same: 'signed', target, ...parent });
    facts.push({ field: 'signature.status', key: `${key}.status`, label: `${name} verdict`, value: v.status, parent: key, target, detail: v.reason });
    if (v.signatureAlgorithm) facts.push({ field: 'signature.algorithm', key: `${key}.algorithm`, label: `${name} algorithm`, value: v.signatureAlgorithm, parent: key, target });
    if (v.digestAlgorithm) facts.push({ field: 'signature.digest', key: `${key}.digest`, label: `${name} digest algorithm`, value: v.digestAlgorithm, parent: key, target });
    const cert = v.certificateSha256 ?? v.keyInfoCertificate?.sha256;
    if (cert) {
      const detail = certificateDetail(v);
      facts.push({ field: 'signature.certificate', key: `${key}.certificate`, label: `${name} certificate (SHA-256)`, value: cert, parent: key, target, ...(detail ? { detail } : {}) });
    }
  }
  return facts;
}

function encryptionFact(m: MessageReport): Fact[] {
  const view = m.view;
  if (!view || view.kind !== 'Response') return [];
  const encrypted = view.encryptedAssertions.length > 0 || m.findings.some((f) => f.rule === 'assertion-encrypted');
  if (!encrypted && !view.assertions.length) return [];
  const algorithms = view.encryptedAssertions.flatMap((e) => [e.dataAlgorithm, e.keyAlgorithm]).filter((x): x is string => !!x);
  const value = encrypted ? `encrypted${algorithms.length ? ` (${[...new Set(algorithms)].join(', ')})` : ''}` : 'not encrypted';
  return [{ field: 'encryption', key: 'encryption', label: 'Assertion encryption', value, parent: ASSERTION }];
}

function clockFact(m: MessageReport): Fact[] {
  const s = seconds(m.view?.issueInstant, m.capturedAt);
  if (s === undefined) return [];
  const value = Math.abs(s) < 1 ? 'issued at the capture time' : s > 0 ? `issued ${duration(s * 1000)} before the capture` : `issued ${duration(s * 1000)} after the capture (sender's clock ahead)`;
  // Logins take seconds to minutes between IssueInstant and the POST; a minute apart is the same clock.
  return [{ field: 'clock.offset', key: 'clock.offset', label: 'IssueInstant against capture time', value, num: { value: s, tolerance: 60 } }];
}

function attributeFacts(m: MessageReport, parent: Partial<Fact>): Fact[] {
  const byName = new Map<string, { values: string[]; formats: Set<string> }>();
  for (const a of m.attributes) {
    const slot = byName.get(a.name) ?? { values: [], formats: new Set<string>() };
    slot.values.push(...a.values);
    if (a.nameFormat) slot.formats.add(a.nameFormat);
    byName.set(a.name, slot);
  }
  const facts: Fact[] = [];
  for (const [name, slot] of byName) {
    const key = `attribute[${name}]`;
    facts.push({ field: 'attribute', key, label: `Attribute "${name}"`, value: slot.values, personal: 'attribute', target: name, attribute: name, ...parent });
    if (slot.formats.size) facts.push({ field: 'attribute.nameFormat', key: `${key}.nameFormat`, label: `Attribute "${name}": NameFormat`, value: [...slot.formats].join(', '), parent: key, target: name });
  }
  return facts;
}

/** Every comparable fact of one message, in the order a person reads it. */
export function messageFacts(m: MessageReport, report: Report): Fact[] {
  const facts: Fact[] = [];
  const add = (field: DiffField, label: string, value: string | undefined, extra: Partial<Fact> = {}) =>
    value !== undefined && facts.push({ field, key: field, label, value, ...extra });
  if (m.idp && m.idp.product !== 'unknown') add('idp', 'IdP product', m.idp.product);
  add('binding', 'Binding', m.binding);
  add('endpoint', m.direction === 'to-sp' ? 'Sent to (SP endpoint)' : m.direction === 'to-idp' ? 'Sent to (IdP endpoint)' : 'Sent to', m.url ? urlBase(m.url) : undefined);
  add('issuer', `Issuer${roleOf(m)}`, m.issuer);
  // The SourceID is the SHA-1 of the issuer's entity ID: the same IdP on every login, whatever the handle.
  if (m.artifact) add('artifact.source', 'Artifact SourceID (IdP)', m.artifact.sourceId.toLowerCase(), m.artifact.matchedEntityId ? { detail: m.artifact.matchedEntityId } : {});
  add('destination', 'Destination', m.destination);
  add('inResponseTo', 'InResponseTo', answered(m, report));
  add('relayState', 'RelayState', m.relayState, { volatile: true });
  if (m.status) {
    const codes = [m.status.code, ...m.status.subCodes].filter((c): c is string => !!c);
    if (codes.length) add('status', 'Status', codes.map((c) => c.replace(STATUS_PREFIX, '')).join(' / '), { same: codes.join(' ') });
    add('status.message', 'StatusMessage', m.status.message);
  }
  facts.push(...requestFacts(m));
  const inResponse = m.view?.kind === 'Response';
  if (inResponse && (m.view!.assertions.length || m.view!.encryptedAssertions.length)) {
    // Only presence: an error Response carries none, and everything read from an assertion goes with it.
    add('assertion', 'Assertion', m.view!.assertions.length ? 'present' : 'encrypted', { same: 'present' });
  }
  const fromAssertion: Partial<Fact> = inResponse ? { parent: ASSERTION } : {};
  if (m.nameId) {
    add('nameId', 'NameID', m.nameId.value, { personal: 'nameid', ...fromAssertion });
    add('nameId.format', 'NameID format', m.nameId.format, { parent: 'nameId' });
  }
  facts.push(...attributeFacts(m, fromAssertion));
  const a = identityAssertion(m);
  if (a) facts.push(...assertionFacts(a));
  facts.push(...encryptionFact(m), ...signatureFacts(m.signatures, inResponse), ...clockFact(m));
  return facts;
}

/** Equality as the comparison judges it: lists as sets, numbers within their tolerance. */
export function sameFact(a: Fact, b: Fact): boolean {
  if (a.num && b.num) return Math.abs(a.num.value - b.num.value) <= Math.max(a.num.tolerance, b.num.tolerance);
  return comparable(a) === comparable(b);
}

function comparable(f: Fact): string {
  if (f.same !== undefined) return f.same;
  return Array.isArray(f.value) ? JSON.stringify([...f.value].sort()) : f.value;
}
