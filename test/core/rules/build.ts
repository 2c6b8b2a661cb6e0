// Builders for whole traces, shared by the rule, flow, profile and analyze tests. Every signed message is
// signed here from the test-only keys (lib/samlgen); nothing is a hand-edited signed file.
import {
  buildAuthnRequest,
  buildResponse,
  encodePostValue,
  encodeRedirectQuery,
  loadTestKey,
  shift,
  signXml,
  type AuthnRequestSpec,
  type ResponseSpec,
  type TestKey,
} from '../../../lib/samlgen';
import type { TraceEntry } from '../../../lib/core/model';

export const idpKey = loadTestKey('idp');
export const rogueKey = loadTestKey('rogue');
export const spKey = loadTestKey('sp');

/** After the test certificates' notBefore, so trusted-certificate checks see a valid certificate. */
export const T0 = '2027-03-01T10:00:00Z';
export const SP_ENTITY = 'https://sp.example.test/metadata';
export const IDP_ENTITY = 'https://idp.example.test/metadata';
export const ACS = 'https://sp.example.test/acs';
export const SSO = 'https://idp.example.test/sso';

let counter = 0;
function entryId(): string {
  counter += 1;
  return `e${counter}`;
}

export function at(seconds: number): string {
  return shift(T0, seconds);
}

export function postEntry(param: 'SAMLResponse' | 'SAMLRequest', xml: string, url = ACS, capturedAt: string | undefined = at(2), extra: Array<[string, string]> = []): TraceEntry {
  const e: TraceEntry = {
    id: entryId(),
    source: 'har',
    method: 'POST',
    url,
    requestHeaders: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
    formFields: [[param, encodePostValue(xml)], ...extra],
    responseHeaders: [],
  };
  if (capturedAt) e.capturedAt = capturedAt;
  return e;
}

export function redirectEntry(
  param: 'SAMLRequest' | 'SAMLResponse',
  xml: string,
  url = SSO,
  capturedAt = at(-2),
  opts: { relayState?: string; sign?: boolean; key?: TestKey } = {},
): TraceEntry {
  const query = encodeRedirectQuery(xml, { param, relayState: opts.relayState, key: opts.sign ? (opts.key ?? spKey) : undefined });
  return { id: entryId(), source: 'har', method: 'GET', url: `${url}?${query}`, requestHeaders: [], responseHeaders: [], capturedAt };
}

export function authnRequest(spec: AuthnRequestSpec = {}): string {
  return buildAuthnRequest({ id: '_req1', issueInstant: at(-3), destination: SSO, acsUrl: ACS, issuer: SP_ENTITY, ...spec });
}

/** A Response as a default IdP would send it for the default request: signed as asked (both by default). */
export function response(spec: ResponseSpec = {}, sign: Array<'root' | 'assertion'> = ['root', 'assertion'], key = idpKey): string {
  const xml = buildResponse({
    issueInstant: T0,
    inResponseTo: '_req1',
    destination: ACS,
    issuer: IDP_ENTITY,
    audiences: [SP_ENTITY],
    ...spec,
  });
  return sign.length ? signXml(xml, { key, targets: sign }) : xml;
}

/** The clean SP-initiated flow: Redirect AuthnRequest, then POST Response signed on both levels. */
export function cleanFlow(spec: ResponseSpec = {}, sign: Array<'root' | 'assertion'> = ['root', 'assertion']): TraceEntry[] {
  return [redirectEntry('SAMLRequest', authnRequest(), SSO, at(-2), { relayState: 'rs-1' }), postEntry('SAMLResponse', response(spec, sign), ACS, at(2), [['RelayState', 'rs-1']])];
}

export const TRUST = { trustedCertificates: [idpKey.certificatePem] };
