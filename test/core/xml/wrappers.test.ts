import { describe, expect, it } from 'vitest';
import { buildResponse, loadTestKey, signXml } from '../../../lib/samlgen';
import { parseSaml } from '../../../lib/core/xml';

const P = 'urn:oasis:names:tc:SAML:2.0:protocol';
const A = 'urn:oasis:names:tc:SAML:2.0:assertion';
const A1 = 'urn:oasis:names:tc:SAML:1.0:assertion';
const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';

function parse(xml: string) {
  const r = parseSaml(xml);
  if (!r.parsed) throw new Error(JSON.stringify(r.problems));
  return { ...r.parsed, problems: r.problems };
}

function bareAssertion(id: string) {
  const r = buildResponse({ assertionId: id, issuer: 'https://sts.windows.net/t/' });
  return r.slice(r.indexOf('<saml:Assertion'), r.indexOf('</samlp:Response>'));
}

const saml11 = `<saml:Assertion xmlns:saml="${A1}" MajorVersion="1" MinorVersion="1" AssertionID="_a11" Issuer="http://adfs.example.test/adfs/services/trust" IssueInstant="2026-01-15T10:00:00Z">
<saml:Conditions NotBefore="2026-01-15T09:55:00Z" NotOnOrAfter="2026-01-15T11:00:00Z"><saml:AudienceRestrictionCondition><saml:Audience> urn:federation:sp </saml:Audience></saml:AudienceRestrictionCondition></saml:Conditions>
<saml:AttributeStatement><saml:Subject><saml:NameIdentifier Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">carol@example.test</saml:NameIdentifier><saml:SubjectConfirmation><saml:ConfirmationMethod>urn:oasis:names:tc:SAML:1.0:cm:bearer</saml:ConfirmationMethod></saml:SubjectConfirmation></saml:Subject>
<saml:Attribute AttributeName="emailaddress" AttributeNamespace="http://schemas.xmlsoap.org/ws/2005/05/identity/claims"><saml:AttributeValue>carol@example.test</saml:AttributeValue></saml:Attribute>
<saml:Attribute AttributeName="role" AttributeNamespace="http://schemas.microsoft.com/ws/2008/06/identity/claims"><saml:AttributeValue>admin</saml:AttributeValue><saml:AttributeValue>agent</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>
<saml:AuthenticationStatement AuthenticationMethod="urn:oasis:names:tc:SAML:1.0:am:password" AuthenticationInstant="2026-01-15T09:59:00Z"><saml:Subject><saml:NameIdentifier>carol@example.test</saml:NameIdentifier></saml:Subject></saml:AuthenticationStatement>
</saml:Assertion>`;

describe('SOAP', () => {
  it('judges the ArtifactResponse inside a SOAP Body; paths start at the Envelope', () => {
    const key = loadTestKey('idp');
    const response = signXml(buildResponse({ id: '_inner', assertionId: '_assert' }), { key, targets: ['assertion'] }).replace(/^<\?xml[^>]*\?>/, '');
    const xml = `<soap:Envelope xmlns:soap="${SOAP11}"><soap:Body><samlp:ArtifactResponse xmlns:samlp="${P}" xmlns:saml="${A}" ID="_artresp" Version="2.0" InResponseTo="_resolve" IssueInstant="2026-01-15T10:00:00Z"><saml:Issuer>https://idp.example.test/metadata</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${response}</samlp:ArtifactResponse></soap:Body></soap:Envelope>`;
    const { view, root, problems, ids } = parse(xml);
    expect(problems).toEqual([]);
    expect(root.localName).toBe('ArtifactResponse');
    expect(view).toMatchObject({
      kind: 'ArtifactResponse',
      wrapper: 'SOAP 1.1',
      rootName: 'Envelope',
      rootNamespace: SOAP11,
      messagePath: '/Envelope/Body/ArtifactResponse',
      id: '_artresp',
      inResponseTo: '_resolve',
      status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Success', path: '/Envelope/Body/ArtifactResponse/Status' },
    });
    expect(view.assertions.map((a) => [a.path, a.expectedPlace])).toEqual([['/Envelope/Body/ArtifactResponse/Response/Assertion', true]]);
    expect(view.signatures.map((s) => s.parentPath)).toEqual(['/Envelope/Body/ArtifactResponse/Response/Assertion']);
    expect([...ids.keys()].sort()).toEqual(['_artresp', '_assert', '_inner']);
  });

  it('reports a SOAP Fault as not SAML with its reason', () => {
    const r = parseSaml(`<s:Envelope xmlns:s="${SOAP11}"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>Unknown artifact</faultstring></s:Fault></s:Body></s:Envelope>`);
    expect(r.parsed?.view).toMatchObject({ kind: 'Unknown', wrapper: 'SOAP 1.1' });
    expect(r.problems).toEqual([{ rule: 'not-saml', message: expect.stringContaining('SOAP Fault instead of a SAML message: Unknown artifact'), location: '/Envelope/Body/Fault' }]);
  });

  it('reads SOAP 1.2 envelopes too', () => {
    const xml = `<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body><samlp:ArtifactResolve xmlns:samlp="${P}" ID="_x" Version="2.0"><samlp:Artifact>AAQ=</samlp:Artifact></samlp:ArtifactResolve></e:Body></e:Envelope>`;
    expect(parse(xml).view).toMatchObject({ kind: 'ArtifactResolve', wrapper: 'SOAP 1.2', artifact: 'AAQ=' });
  });
});

describe('WS-Federation token responses', () => {
  it('maps a SAML 1.1 assertion in a WS-Trust 2005/02 RSTR', () => {
    const xml = `<t:RequestSecurityTokenResponse xmlns:t="http://schemas.xmlsoap.org/ws/2005/02/trust"><t:Lifetime/><wsp:AppliesTo xmlns:wsp="http://schemas.xmlsoap.org/ws/2004/09/policy"/><t:RequestedSecurityToken>${saml11}</t:RequestedSecurityToken></t:RequestSecurityTokenResponse>`;
    const { view, root, problems, ids } = parse(xml);
    expect(problems).toEqual([]);
    expect(root.getAttribute('AssertionID')).toBe('_a11');
    expect(view).toMatchObject({
      kind: 'Assertion',
      samlVersion: '1.1',
      wrapper: 'WS-Trust',
      rootName: 'RequestSecurityTokenResponse',
      messagePath: '/RequestSecurityTokenResponse/RequestedSecurityToken/Assertion',
      id: '_a11',
      version: '1.1',
      issuer: 'http://adfs.example.test/adfs/services/trust',
    });
    const a = view.assertions[0]!;
    expect(a).toMatchObject({
      expectedPlace: true,
      nameId: { value: 'carol@example.test', format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' },
      conditions: { notBefore: '2026-01-15T09:55:00Z', notOnOrAfter: '2026-01-15T11:00:00Z', audiences: ['urn:federation:sp'] },
      authn: { authnInstant: '2026-01-15T09:59:00Z', authnContextClassRef: 'urn:oasis:names:tc:SAML:1.0:am:password' },
      confirmations: [{ method: 'urn:oasis:names:tc:SAML:1.0:cm:bearer' }],
    });
    expect(a.attributes.map((x) => [x.name, x.nameFormat, x.values])).toEqual([
      ['emailaddress', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims', ['carol@example.test']],
      ['role', 'http://schemas.microsoft.com/ws/2008/06/identity/claims', ['admin', 'agent']],
    ]);
    // WS-Fed signatures reference the SAML 1.1 AssertionID, so it is indexed like an ID.
    expect(ids.get('_a11')).toBe(root);
  });

  it('finds a SAML 2.0 assertion in a WS-Trust 1.3 RSTR collection', () => {
    const wst = 'http://docs.oasis-open.org/ws-sx/ws-trust/200512';
    const xml = `<trust:RequestSecurityTokenResponseCollection xmlns:trust="${wst}"><trust:RequestSecurityTokenResponse><trust:RequestedSecurityToken>${bareAssertion('_tok')}</trust:RequestedSecurityToken></trust:RequestSecurityTokenResponse></trust:RequestSecurityTokenResponseCollection>`;
    const { view, problems } = parse(xml);
    expect(problems).toEqual([]);
    expect(view).toMatchObject({ kind: 'Assertion', samlVersion: '2.0', wrapper: 'WS-Trust', id: '_tok', issuer: 'https://sts.windows.net/t/' });
    expect(view.assertions.map((a) => [a.path, a.expectedPlace])).toEqual([
      ['/RequestSecurityTokenResponseCollection/RequestSecurityTokenResponse/RequestedSecurityToken/Assertion', true],
    ]);
  });

  it('reads a bare SAML 2.0 assertion as the message', () => {
    const { view, problems } = parse(bareAssertion('_bare'));
    expect(problems).toEqual([]);
    expect(view).toMatchObject({ kind: 'Assertion', rootName: 'Assertion', id: '_bare', version: '2.0', issuer: 'https://sts.windows.net/t/' });
    expect(view.assertions[0]?.expectedPlace).toBe(true);
  });

  it('says what the token is when it is not a SAML assertion', () => {
    const r = parseSaml(`<t:RequestSecurityTokenResponse xmlns:t="http://schemas.xmlsoap.org/ws/2005/02/trust"><t:RequestedSecurityToken><x:Jwt xmlns:x="urn:jwt"/></t:RequestedSecurityToken></t:RequestSecurityTokenResponse>`);
    expect(r.problems[0]).toMatchObject({ rule: 'not-saml', message: expect.stringContaining('the WS-Trust token is <x:Jwt> in namespace "urn:jwt"') });
  });
});
