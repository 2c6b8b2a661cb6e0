// Node only: a small trace made with lib/samlgen (the same signing code as the fixtures), for previews.
import type { TraceEntry } from '../../../lib/core/model';
import { buildAuthnRequest, buildResponse, encodePostValue, encodeRedirectQuery, loadTestKey, signXml, NAMEID, STATUS } from '../../../lib/samlgen';

const T0 = '2026-01-15T10:00:00Z';
const at = (s: number) => new Date(Date.parse(T0) + s * 1000).toISOString();

function get(id: string, url: string, s: number, tabId = 1): TraceEntry {
  return { id, source: 'webrequest', method: 'GET', url, requestHeaders: [{ name: 'Accept', value: 'text/html' }], responseHeaders: [], responseStatus: 200, capturedAt: at(s), tabId };
}

function post(id: string, url: string, fields: Array<[string, string]>, s: number, tabId = 1): TraceEntry {
  return {
    id, source: 'webrequest', method: 'POST', url, formFields: fields, capturedAt: at(s), tabId, responseStatus: 302,
    requestHeaders: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }, { name: 'Cookie', value: 'sid=abc' }],
    responseHeaders: [{ name: 'Location', value: 'https://sp.example.test/home' }],
  };
}

export function sampleTrace(): TraceEntry[] {
  const idp = loadTestKey('idp');
  const sp = loadTestKey('sp');
  const req = buildAuthnRequest({ id: '_req1', destination: 'https://idp.example.test/sso', issuer: 'https://sp.example.test', acsUrl: 'https://sp.example.test/acs', nameIdPolicyFormat: NAMEID.email });
  const good = signXml(
    buildResponse({
      id: '_res1', inResponseTo: '_req1', destination: 'https://sp.example.test/acs', issuer: 'https://idp.example.test/metadata', issueInstant: T0,
      audiences: ['https://sp.example.test'], recipient: 'https://sp.example.test/acs',
      attributes: [
        { name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', values: ['alice@example.test'] },
        { name: 'role', values: ['agent', '<img src=x onerror=alert(1)>', 'javascript:alert(1)'] },
      ],
    }),
    { key: idp, targets: ['assertion'] },
  );
  const expired = signXml(
    buildResponse({ id: '_res2', destination: 'https://sp.example.test/acs', issueInstant: at(-3600), nameId: { value: 'bob', format: NAMEID.transient }, audiences: ['https://other.example.test'] }),
    { key: loadTestKey('rogue'), targets: ['root'] },
  );
  const failed = buildResponse({ id: '_res3', inResponseTo: '_req9', status: { code: STATUS.requester, subCode: 'urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy', message: 'NameID policy not satisfied' } });
  void sp;
  const entries: TraceEntry[] = [
    get('n1', 'https://sp.example.test/login', 0),
    get('a1', `https://idp.example.test/sso?${encodeRedirectQuery(req, { param: 'SAMLRequest', relayState: '/dashboard', key: sp })}`, 1),
    get('n2', 'https://idp.example.test/static/app.css', 2),
    post('a2', 'https://sp.example.test/acs', [['SAMLResponse', encodePostValue(good)], ['RelayState', '/dashboard']], 9),
    post('a3', 'https://sp.example.test/acs', [['SAMLResponse', encodePostValue(expired)]], 60, 2),
    post('a4', 'https://sp.example.test/acs', [['SAMLResponse', encodePostValue(failed)]], 90),
  ];
  return entries;
}

/** `n` extra non-SAML requests, to see the list with thousands of rows. */
export function noise(n: number): TraceEntry[] {
  return Array.from({ length: n }, (_, i) => get(`z${i}`, `https://cdn.example.test/asset/${i}.js`, 100 + i / 10));
}

/** IdP metadata for the test IdP key, to exercise the settings' metadata import. */
export function idpMetadata(): string {
  const idp = loadTestKey('idp');
  return (
    '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp.example.test/metadata">' +
    '<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">' +
    `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${idp.certificateBase64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
    '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.test/sso"/>' +
    '</md:IDPSSODescriptor></md:EntityDescriptor>'
  );
}
