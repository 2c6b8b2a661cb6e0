import { hasXmlsec } from '../core/signature/xmlsec1';
import { xmlsecSignBoth } from '../fixtures/xmlsec/cases';
import { buildAuthnRequest, buildResponse, encodePostValue, encodeRedirectQuery, loadTestKey, NAMEID, signXml } from '../../lib/samlgen';

export const BENCH_SP = { entityId: 'https://sp.bench.test/metadata', acs: 'https://sp.bench.test/acs' };
export const BENCH_IDP = 'https://sts.windows.net/00000000-0000-4000-8000-000000000000/';

function attributes(count: number, valuesEach: number, valueLength: number) {
  const names = ['email', 'given_name', 'family_name', 'full_name', 'roles', 'department', 'employee_id', 'groups', 'upn', 'locale'];
  return Array.from({ length: count }, (_, i) => ({
    name: names[i % names.length] + (i >= names.length ? `_${i}` : ''),
    nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
    values: Array.from({ length: valuesEach }, (_, j) => `value-${i}-${j}-`.padEnd(valueLength, 'abcdef0123456789')),
  }));
}

function benchResponse(size: 'typical' | 'large', issueInstant: string): string {
  return buildResponse({
    issueInstant,
    inResponseTo: '_bench-request',
    destination: BENCH_SP.acs,
    issuer: BENCH_IDP,
    audiences: [BENCH_SP.entityId],
    nameId: { value: 'alice.example@bench.test', format: NAMEID.email },
    attributes: size === 'typical' ? attributes(10, 1, 40) : attributes(40, 100, 90),
  });
}

/** A signed Response as an IdP sends it: RSA-SHA256, exclusive C14N, Response and Assertion signed. */
export function signedResponse(size: 'typical' | 'large', issueInstant: string): { xml: string; base64: string } {
  const xml = signXml(benchResponse(size, issueInstant), { key: loadTestKey('idp'), targets: ['assertion', 'root'] });
  return { xml, base64: encodePostValue(xml) };
}

/** The same Response signed by xmlsec1 (libxmlsec1) instead of xml-crypto; undefined without xmlsec1. */
export function xmlsecSignedResponse(size: 'typical' | 'large', issueInstant: string): { xml: string; base64: string } | undefined {
  if (!hasXmlsec) return undefined;
  const xml = xmlsecSignBoth(benchResponse(size, issueInstant));
  return { xml, base64: encodePostValue(xml) };
}

export function authnRequestUrl(issueInstant: string): string {
  const req = buildAuthnRequest({ id: '_bench-request', issueInstant, acsUrl: BENCH_SP.acs, issuer: BENCH_SP.entityId });
  return `https://idp.bench.test/sso?${encodeRedirectQuery(req, { param: 'SAMLRequest', relayState: 'bench' })}`;
}
