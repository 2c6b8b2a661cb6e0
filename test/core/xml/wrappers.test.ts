import { describe, expect, it } from 'vitest';
import { buildResponse, loadTestKey, signXml } from '../../../lib/samlgen';
import { parseSaml, parseSamlMessages } from '../../../lib/core/xml';

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

describe('documents carrying several messages', () => {
  const key = loadTestKey('idp');
  const signedResponse = (id: string) => signXml(buildResponse({ id, assertionId: `${id}-a` }), { key, targets: ['assertion'] }).replace(/^<\?xml[^>]*\?>/, '');
  const parts = (xml: string) => parseSamlMessages(xml).map((m) => {
    if (!m.parsed) throw new Error(JSON.stringify(m.problems));
    return { ...m.parsed, problems: m.problems };
  });

  it('gives every message of a SOAP Body, each seeing only its own assertions and signatures', () => {
    const xml = `<soap:Envelope xmlns:soap="${SOAP11}"><soap:Body>${signedResponse('_one')}${buildResponse({ id: '_two', assertionId: '_two-a' })}</soap:Body></soap:Envelope>`;
    const [one, two, ...rest] = parts(xml);
    expect(rest).toEqual([]);
    expect(one!.root.getAttribute('ID')).toBe('_one');
    expect(two!.root.getAttribute('ID')).toBe('_two');
    expect(one!.view.messagePath).toBe('/Envelope/Body/Response[1]');
    expect(two!.view.messagePath).toBe('/Envelope/Body/Response[2]');
    expect(one!.view.signatures.map((s) => s.parentPath)).toEqual(['/Envelope/Body/Response[1]/Assertion']);
    expect(two!.view.signatures).toEqual([]);
    expect(two!.view.assertions.map((a) => [a.path, a.expectedPlace])).toEqual([['/Envelope/Body/Response[2]/Assertion', true]]);
    const siblings = {
      messages: ['/Envelope/Body/Response[1]', '/Envelope/Body/Response[2]'],
      overfull: [{ container: 'SOAP Body', path: '/Envelope/Body', holds: ['/Envelope/Body/Response[1]', '/Envelope/Body/Response[2]'] }],
    };
    expect(one!.view.siblings).toEqual(siblings);
    expect(two!.view.siblings).toEqual(siblings);
    // IDs stay indexed over the whole document, so a copied ID is seen from either side.
    expect([...two!.ids.keys()].sort()).toEqual(['_one', '_one-a', '_two', '_two-a']);
  });

  it('gives every token of a WS-Trust collection; several RSTRs are allowed, so nothing is overfull', () => {
    const wst = 'http://docs.oasis-open.org/ws-sx/ws-trust/200512';
    const one = (id: string) => `<trust:RequestSecurityTokenResponse><trust:RequestedSecurityToken>${bareAssertion(id)}</trust:RequestedSecurityToken></trust:RequestSecurityTokenResponse>`;
    const xml = `<trust:RequestSecurityTokenResponseCollection xmlns:trust="${wst}">${one('_t1')}${one('_t2')}</trust:RequestSecurityTokenResponseCollection>`;
    const found = parts(xml);
    expect(found.map((p) => [p.view.kind, p.view.id, p.view.wrapper])).toEqual([
      ['Assertion', '_t1', 'WS-Trust'],
      ['Assertion', '_t2', 'WS-Trust'],
    ]);
    expect(found[1]!.view.assertions.map((a) => a.path)).toEqual([
      '/RequestSecurityTokenResponseCollection/RequestSecurityTokenResponse[2]/RequestedSecurityToken/Assertion',
    ]);
    expect(found[0]!.view.siblings?.overfull).toEqual([]);
    expect(found[0]!.view.siblings?.messages).toHaveLength(2);
  });

  it('reports two tokens in one RequestedSecurityToken as an overfull RSTR', () => {
    const xml = `<t:RequestSecurityTokenResponse xmlns:t="http://schemas.xmlsoap.org/ws/2005/02/trust"><t:RequestedSecurityToken>${saml11}${saml11.replace('_a11', '_b11')}</t:RequestedSecurityToken></t:RequestSecurityTokenResponse>`;
    const found = parts(xml);
    expect(found.map((p) => p.view.id)).toEqual(['_a11', '_b11']);
    expect(found[1]!.view.siblings?.overfull).toEqual([
      {
        container: 'RequestSecurityTokenResponse',
        path: '/RequestSecurityTokenResponse',
        holds: ['/RequestSecurityTokenResponse/RequestedSecurityToken/Assertion[1]', '/RequestSecurityTokenResponse/RequestedSecurityToken/Assertion[2]'],
      },
    ]);
  });

  it('keeps an ArtifactResponse one message, and says it carries two', () => {
    const xml = `<samlp:ArtifactResponse xmlns:samlp="${P}" xmlns:saml="${A}" ID="_ar" Version="2.0"><saml:Issuer>https://idp.example.test/metadata</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${signedResponse('_one')}${buildResponse({ id: '_two', assertionId: '_two-a' })}</samlp:ArtifactResponse>`;
    const [only, ...rest] = parts(xml);
    expect(rest).toEqual([]);
    expect(only!.view.kind).toBe('ArtifactResponse');
    expect(only!.view.siblings).toEqual({
      messages: ['/ArtifactResponse'],
      overfull: [{ container: 'ArtifactResponse', path: '/ArtifactResponse', holds: ['/ArtifactResponse/Response[1]', '/ArtifactResponse/Response[2]'] }],
    });
  });

  it('judges a SOAP Fault or foreign element beside a message as a message that is not SAML, scoped to itself', () => {
    const xml = `<soap:Envelope xmlns:soap="${SOAP11}"><soap:Body>${signedResponse('_one')}<soap:Fault><faultstring>late</faultstring></soap:Fault></soap:Body></soap:Envelope>`;
    const [one, fault] = parts(xml);
    expect(one!.problems).toEqual([]);
    expect(fault!.view).toMatchObject({ kind: 'Unknown', messagePath: '/Envelope/Body/Fault', signatures: [] });
    expect(fault!.root.localName).toBe('Fault');
    expect(fault!.problems).toEqual([{ rule: 'not-saml', message: expect.stringContaining('SOAP Fault instead of a SAML message: late'), location: '/Envelope/Body/Fault' }]);
  });

  it('refuses a document with more messages side by side than it judges one by one', () => {
    const body = (n: number) => `<soap:Envelope xmlns:soap="${SOAP11}"><soap:Body>${'<x:M xmlns:x="urn:x"/>'.repeat(n)}</soap:Body></soap:Envelope>`;
    expect(parseSamlMessages(body(32))).toHaveLength(32);
    const refused = parseSamlMessages(body(33));
    expect(refused).toEqual([{ problems: [{ rule: 'xml-refused', message: expect.stringContaining('carries 33 messages or tokens side by side'), location: '/Envelope/Body' }] }]);
    const tokens = `<t:RequestSecurityTokenResponse xmlns:t="http://schemas.xmlsoap.org/ws/2005/02/trust"><t:RequestedSecurityToken>${saml11.repeat(3)}</t:RequestedSecurityToken></t:RequestSecurityTokenResponse>`;
    expect(parseSamlMessages(tokens, { maxChars: 100_000, maxDepth: 64, maxMessages: 2 })[0]?.problems.map((p) => p.rule)).toEqual(['xml-refused']);
  });

  it('leaves a single message without a siblings view, and parseSaml gives the first message', () => {
    const xml = `<soap:Envelope xmlns:soap="${SOAP11}"><soap:Body>${signedResponse('_one')}</soap:Body></soap:Envelope>`;
    expect(parts(xml)[0]!.view.siblings).toBeUndefined();
    const two = `<soap:Envelope xmlns:soap="${SOAP11}"><soap:Body>${signedResponse('_one')}${signedResponse('_two')}</soap:Body></soap:Envelope>`;
    expect(parseSaml(two).parsed?.view.id).toBe('_one');
  });
});
