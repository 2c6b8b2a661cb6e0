import { describe, expect, it } from 'vitest';
import { buildAuthnRequest, buildLogoutRequest, buildLogoutResponse, buildResponse, loadTestKey, signXml, STATUS, NAMEID } from '../../../lib/samlgen';
import { parseSaml } from '../../../lib/core/xml';

const P = 'urn:oasis:names:tc:SAML:2.0:protocol';
const A = 'urn:oasis:names:tc:SAML:2.0:assertion';

function parse(xml: string) {
  const r = parseSaml(xml);
  if (!r.parsed) throw new Error(JSON.stringify(r.problems));
  return { ...r.parsed, problems: r.problems };
}

/** A Response whose assertion's NameID is replaced by `nameId` (raw XML). */
function withNameId(nameId: string) {
  return buildResponse().replace(/<saml:NameID[^>]*>[^<]*<\/saml:NameID>/, nameId);
}

describe('Response view', () => {
  it('reads the envelope, the assertion and its statements', () => {
    const { view, problems, root, ids } = parse(
      buildResponse({
        id: '_resp',
        assertionId: '_assert',
        destination: 'https://sp.example.test/acs',
        inResponseTo: '_req1',
        issuer: 'https://sts.windows.net/tenant/',
        audiences: ['https://sp.example.test/metadata', 'urn:other'],
        nameId: { value: 'alice@example.test', format: NAMEID.email, spNameQualifier: 'sp' },
        sessionIndex: '_s9',
        attributes: [
          { name: 'email', values: ['alice@example.test'] },
          { name: 'roles', nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic', friendlyName: 'R', values: ['admin', 'agent'] },
        ],
      }),
    );
    expect(problems).toEqual([]);
    expect(root.localName).toBe('Response');
    expect(view).toMatchObject({
      kind: 'Response',
      rootName: 'Response',
      rootNamespace: P,
      samlVersion: '2.0',
      id: '_resp',
      version: '2.0',
      destination: 'https://sp.example.test/acs',
      inResponseTo: '_req1',
      issuer: 'https://sts.windows.net/tenant/',
      status: { code: STATUS.success, subCodes: [], path: '/Response/Status' },
    });
    expect(view.wrapper).toBeUndefined();
    expect(view.assertions).toHaveLength(1);
    const a = view.assertions[0]!;
    expect(a).toMatchObject({
      id: '_assert',
      issuer: 'https://sts.windows.net/tenant/',
      path: '/Response/Assertion',
      expectedPlace: true,
      encryptedNameId: false,
      nameId: { value: 'alice@example.test', format: NAMEID.email, spNameQualifier: 'sp', path: '/Response/Assertion/Subject/NameID' },
      authn: { sessionIndex: '_s9', path: '/Response/Assertion/AuthnStatement' },
    });
    expect(a.nameId?.splitBy).toBeUndefined();
    expect(a.conditions?.audiences).toEqual(['https://sp.example.test/metadata', 'urn:other']);
    expect(a.confirmations[0]).toMatchObject({ method: 'urn:oasis:names:tc:SAML:2.0:cm:bearer', recipient: 'https://sp.example.test/acs', inResponseTo: '_req1' });
    expect(a.attributes).toEqual([
      { name: 'email', values: ['alice@example.test'], path: '/Response/Assertion/AttributeStatement/Attribute[1]' },
      {
        name: 'roles',
        nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
        friendlyName: 'R',
        values: ['admin', 'agent'],
        path: '/Response/Assertion/AttributeStatement/Attribute[2]',
      },
    ]);
    expect([...ids.keys()].sort()).toEqual(['_assert', '_resp']);
  });

  it('shows the nested status code chain and message', () => {
    const xml = `<samlp:Response xmlns:samlp="${P}" ID="_r" Version="2.0"><samlp:Status><samlp:StatusCode Value="${STATUS.requester}"><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy"><samlp:StatusCode Value="urn:x:deeper"/></samlp:StatusCode></samlp:StatusCode><samlp:StatusMessage> MSIS7070: policy </samlp:StatusMessage></samlp:Status></samlp:Response>`;
    const { view } = parse(xml);
    expect(view.status).toEqual({
      code: STATUS.requester,
      subCodes: ['urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy', 'urn:x:deeper'],
      message: 'MSIS7070: policy',
      path: '/Response/Status',
    });
    expect(view.assertions).toEqual([]);
  });

  it('reads NameID around a comment without the comment and says it was split', () => {
    const nameId = parse(withNameId('<saml:NameID>alice@example.test<!---->.evil.test</saml:NameID>')).view.assertions[0]!.nameId!;
    expect(nameId.value).toBe('alice@example.test.evil.test');
    expect(nameId.splitBy).toBe('comment');
  });

  it('reads NameID split by CDATA as one value', () => {
    const nameId = parse(withNameId('<saml:NameID>alice@example.test<![CDATA[.evil.test]]></saml:NameID>')).view.assertions[0]!.nameId!;
    expect(nameId.value).toBe('alice@example.test.evil.test');
    expect(nameId.splitBy).toBe('cdata');
  });

  it('takes a NameID that is one CDATA section as is, and trims surrounding whitespace only', () => {
    expect(parse(withNameId('<saml:NameID><![CDATA[a&b@example.test]]></saml:NameID>')).view.assertions[0]!.nameId).toMatchObject({ value: 'a&b@example.test' });
    const spaced = parse(withNameId('<saml:NameID>\n   alice @example.test \n</saml:NameID>')).view.assertions[0]!.nameId!;
    expect(spaced.value).toBe('alice @example.test');
    expect(spaced.splitBy).toBeUndefined();
  });

  it('flags an assertion hidden in Advice as not in the expected place and keeps both', () => {
    const inner = `<saml:Assertion ID="_evil" Version="2.0"><saml:Issuer>https://evil</saml:Issuer><saml:Subject><saml:NameID>admin@example.test</saml:NameID></saml:Subject></saml:Assertion>`;
    const xml = buildResponse({ assertionId: '_good' }).replace('</saml:Conditions>', `</saml:Conditions><saml:Advice>${inner}</saml:Advice>`);
    const { view } = parse(xml);
    expect(view.assertions.map((a) => [a.id, a.path, a.expectedPlace])).toEqual([
      ['_good', '/Response/Assertion', true],
      ['_evil', '/Response/Assertion/Advice/Assertion', false],
    ]);
  });

  it('gives each of two sibling assertions an index and lists duplicate IDs', () => {
    const one = buildResponse({ assertionId: '_same' });
    const assertion = one.slice(one.indexOf('<saml:Assertion'), one.indexOf('</samlp:Response>'));
    const { view, duplicateIds, ids } = parse(one.replace('</samlp:Response>', `${assertion}</samlp:Response>`));
    expect(view.assertions.map((a) => [a.path, a.expectedPlace])).toEqual([
      ['/Response/Assertion[1]', true],
      ['/Response/Assertion[2]', true],
    ]);
    expect(duplicateIds).toEqual(['_same']);
    expect(ids.get('_same')).toBeDefined();
  });

  it('does not take a saml-prefixed element in another namespace as an Assertion', () => {
    const xml = `<samlp:Response xmlns:samlp="${P}" ID="_r" Version="2.0"><saml:Assertion xmlns:saml="urn:evil" ID="_x"><saml:Subject><saml:NameID>admin</saml:NameID></saml:Subject></saml:Assertion></samlp:Response>`;
    const { view, ids } = parse(xml);
    expect(view.assertions).toEqual([]);
    expect(ids.has('_x')).toBe(true);
  });

  it('reads an EncryptedAssertion and its algorithms', () => {
    const xml = `<samlp:Response xmlns:samlp="${P}" xmlns:saml="${A}" ID="_r" Version="2.0"><saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" Type="http://www.w3.org/2001/04/xmlenc#Element"><xenc:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#aes256-gcm"/><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><xenc:EncryptedKey><xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"/><xenc:CipherData><xenc:CipherValue>AAAA</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo><xenc:CipherData><xenc:CipherValue>BBBB</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData></saml:EncryptedAssertion></samlp:Response>`;
    const { view } = parse(xml);
    expect(view.encryptedAssertions).toEqual([
      { path: '/Response/EncryptedAssertion', dataAlgorithm: 'http://www.w3.org/2009/xmlenc11#aes256-gcm', keyAlgorithm: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p' },
    ]);
    expect(view.assertions).toEqual([]);
  });

  it('describes every signature: parent, references, algorithms, transforms, KeyInfo certificate', () => {
    const key = loadTestKey('idp');
    const xml = signXml(buildResponse({ id: '_resp', assertionId: '_assert' }), { key, targets: ['assertion', 'root'], signatureAlgorithm: 'rsa-sha1', digestAlgorithm: 'sha1' });
    const { view } = parse(xml);
    expect(view.signatures).toHaveLength(2);
    const byParent = Object.fromEntries(view.signatures.map((s) => [s.parentKind, s]));
    expect(byParent.Response).toMatchObject({ path: '/Response/Signature', parentPath: '/Response', parentId: '_resp', referenceUris: ['#_resp'] });
    expect(byParent.Assertion).toMatchObject({
      path: '/Response/Assertion/Signature',
      parentPath: '/Response/Assertion',
      parentId: '_assert',
      referenceUris: ['#_assert'],
      signatureAlgorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
      digestAlgorithm: 'http://www.w3.org/2000/09/xmldsig#sha1',
      canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
      transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
      keyInfoCertificates: [key.certificateBase64],
    });
  });

  it('lists a signature in the wrong place and every Reference of it', () => {
    const xml = `<samlp:Response xmlns:samlp="${P}" ID="_r" Version="2.0"><samlp:Extensions><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:Reference URI="#_a"/><ds:Reference URI="#_b"/></ds:SignedInfo><ds:KeyInfo><ds:X509Data><ds:X509Certificate>\n  MIIB\n  AAA=\n</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature></samlp:Extensions></samlp:Response>`;
    const sig = parse(xml).view.signatures[0]!;
    expect(sig).toMatchObject({ path: '/Response/Extensions/Signature', parentKind: 'Extensions', referenceUris: ['#_a', '#_b'], keyInfoCertificates: ['MIIBAAA='] });
    expect(sig.parentId).toBeUndefined();
  });

  it('builds the view but reports a protocol root without ID or with another Version', () => {
    const r = parseSaml(`<samlp:Response xmlns:samlp="${P}" Version="1.1"><samlp:Status><samlp:StatusCode Value="${STATUS.success}"/></samlp:Status></samlp:Response>`);
    expect(r.parsed?.view.status?.code).toBe(STATUS.success);
    expect(r.problems).toEqual([
      { rule: 'not-saml', message: expect.stringMatching(/no ID attribute and Version="1.1" instead of "2.0"/), location: '/Response' },
    ]);
  });
});

describe('request and logout views', () => {
  it('reads an AuthnRequest', () => {
    const xml = buildAuthnRequest({ id: '_req', acsUrl: 'https://sp.example.test/acs', nameIdPolicyFormat: NAMEID.email, forceAuthn: true, issuer: 'https://sp.example.test/metadata' }).replace(
      '</samlp:AuthnRequest>',
      `<samlp:RequestedAuthnContext Comparison="exact"><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></samlp:RequestedAuthnContext></samlp:AuthnRequest>`,
    );
    const { view, problems } = parse(xml);
    expect(problems).toEqual([]);
    expect(view).toMatchObject({ kind: 'AuthnRequest', id: '_req', issuer: 'https://sp.example.test/metadata', destination: 'https://idp.example.test/sso' });
    expect(view.request).toEqual({
      assertionConsumerServiceUrl: 'https://sp.example.test/acs',
      assertionConsumerServiceIndex: undefined,
      protocolBinding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
      nameIdPolicyFormat: NAMEID.email,
      allowCreate: true,
      forceAuthn: true,
      isPassive: undefined,
      requestedAuthnContext: ['urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport'],
    });
  });

  it('reads a LogoutRequest NameID and SessionIndex', () => {
    const { view } = parse(buildLogoutRequest({ id: '_lo', nameId: { value: 'bob@example.test', format: NAMEID.email }, sessionIndex: '_s7' }));
    expect(view.kind).toBe('LogoutRequest');
    expect(view.logout).toMatchObject({ nameId: { value: 'bob@example.test', format: NAMEID.email, path: '/LogoutRequest/NameID' }, sessionIndexes: ['_s7'] });
  });

  it('reads a LogoutResponse status', () => {
    const { view } = parse(buildLogoutResponse({ inResponseTo: '_lo', status: { code: STATUS.responder, subCode: 'urn:oasis:names:tc:SAML:2.0:status:PartialLogout' } }));
    expect(view).toMatchObject({ kind: 'LogoutResponse', inResponseTo: '_lo', status: { code: STATUS.responder, subCodes: ['urn:oasis:names:tc:SAML:2.0:status:PartialLogout'] } });
  });

  it('reads an ArtifactResolve artifact', () => {
    const xml = `<samlp:ArtifactResolve xmlns:samlp="${P}" xmlns:saml="${A}" ID="_ar" Version="2.0" IssueInstant="2026-01-15T10:00:00Z"><saml:Issuer>https://sp</saml:Issuer><samlp:Artifact>\n AAQAAMh48/1oXIM+sDo7Dh2qMp1HM4IF5DaRNmDj6RdUmllwn9jJHyEgIi8=\n</samlp:Artifact></samlp:ArtifactResolve>`;
    expect(parse(xml).view).toMatchObject({ kind: 'ArtifactResolve', issuer: 'https://sp', artifact: 'AAQAAMh48/1oXIM+sDo7Dh2qMp1HM4IF5DaRNmDj6RdUmllwn9jJHyEgIi8=' });
  });

  it('treats an assertion inside a LogoutRequest as out of place', () => {
    const response = buildResponse({ assertionId: '_signed' });
    const assertion = response.slice(response.indexOf('<saml:Assertion'), response.indexOf('</samlp:Response>'));
    const { view } = parse(buildLogoutRequest().replace('</samlp:LogoutRequest>', `<samlp:Extensions>${assertion}</samlp:Extensions></samlp:LogoutRequest>`));
    expect(view.assertions.map((a) => [a.path, a.expectedPlace])).toEqual([['/LogoutRequest/Extensions/Assertion', false]]);
  });
});

describe('unknown roots', () => {
  it('says what the root is and still returns the tree', () => {
    const r = parseSaml('<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>');
    expect(r.parsed?.view.kind).toBe('Unknown');
    expect(r.problems).toEqual([{ rule: 'not-saml', message: expect.stringContaining('<html> in namespace "http://www.w3.org/1999/xhtml"'), location: '/html' }]);
  });

  it('explains a SAML-looking root in the wrong namespace', () => {
    const r = parseSaml('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:1.0:protocol" ResponseID="_1"/>');
    expect(r.parsed?.view.kind).toBe('Unknown');
    expect(r.problems[0]?.message).toMatch(/looks like SAML, but its namespace is "urn:oasis:names:tc:SAML:1.0:protocol"/);
  });

  it('reports an undeclared namespace prefix', () => {
    const r = parseSaml(`<samlp:Response xmlns:samlp="${P}" ID="_r" Version="2.0"><saml:Issuer>x</saml:Issuer></samlp:Response>`);
    expect(r.problems).toEqual([{ rule: 'decode-failed', message: expect.stringContaining('prefix "saml" of <saml:Issuer> is not declared'), location: '/Response/Issuer' }]);
    expect(r.parsed?.view.issuer).toBeUndefined();
  });
});
