// SP metadata as expectations: RequestedAttribute isRequired, NameIDFormat, WantAssertionsSigned and
// AuthnRequestsSigned turn into what the rules judge, with no profile written.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import { parseMetadata } from '../../../lib/core/xml';
import { profileFromMetadata, resolveExpectations, resolveProfile } from '../../../lib/core/profiles';
import { NAMEID } from '../../../lib/samlgen';
import { ACS, SP_ENTITY, SSO, TRUST, at, authnRequest, cleanFlow, postEntry, redirectEntry, response } from '../rules/build';
import { findingsOf } from '../rules/find';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const MAIL_OID = 'urn:oid:0.9.2342.19200300.100.1.3';

function spMetadata(opts: { formats?: string[]; wantAssertionsSigned?: boolean; authnRequestsSigned?: boolean; requested?: string } = {}): string {
  const requested =
    opts.requested ??
    '<md:RequestedAttribute Name="email" FriendlyName="mail" isRequired="true"/>' +
      '<md:RequestedAttribute Name="employeeNumber" isRequired="true"/>' +
      '<md:RequestedAttribute Name="department" isRequired="false"/>';
  return `<md:EntityDescriptor xmlns:md="${MD}" entityID="${SP_ENTITY}">
  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"${opts.wantAssertionsSigned ? ' WantAssertionsSigned="true"' : ''}${opts.authnRequestsSigned ? ' AuthnRequestsSigned="true"' : ''}>
    ${(opts.formats ?? []).map((f) => `<md:NameIDFormat>${f}</md:NameIDFormat>`).join('')}
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${ACS}" index="0"/>
    <md:AttributeConsumingService index="0"><md:ServiceName xml:lang="en">App</md:ServiceName>${requested}</md:AttributeConsumingService>
  </md:SPSSODescriptor>
</md:EntityDescriptor>`;
}

const email = { name: 'email', values: ['alice@example.test'] };

describe('SP metadata with two required attributes, and a flow that lacks one', () => {
  it('attribute-missing names the absent one, and says the metadata requires it; the optional one is not asked for', async () => {
    const report = await analyze(cleanFlow({ attributes: [email] }), { ...TRUST, spMetadataXml: spMetadata() });
    const missing = findingsOf(report, 'attribute-missing');
    expect(missing.map((f) => [f.severity, f.message])).toEqual([
      ['error', 'Attribute "employeeNumber" (the "employeeNumber" attribute) is missing; the SP metadata marks it isRequired="true".'],
    ]);
    const complete = await analyze(cleanFlow({ attributes: [email, { name: 'employeeNumber', values: ['42'] }] }), { ...TRUST, spMetadataXml: spMetadata() });
    expect(findingsOf(complete, 'attribute-missing')).toEqual([]);
  });

  it('the same value under a claim URI is attribute-namespaced: the metadata names the exact attribute', async () => {
    const claim = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress';
    const report = await analyze(cleanFlow({ attributes: [{ name: claim, values: ['alice@example.test'] }, { name: 'employeeNumber', values: ['42'] }] }), {
      ...TRUST,
      spMetadataXml: spMetadata(),
    });
    expect(findingsOf(report, 'attribute-namespaced').map((f) => f.message)).toEqual([
      `Attribute "${claim}" looks like mail, but the SP reads only the bare name "email"; this value is ignored.`,
    ]);
    expect(findingsOf(report, 'attribute-missing')[0]?.message).toContain(`Found "${claim}" instead; the SP reads only the exact name "email".`);
  });

  it('a requested URI name (an OID) is matched exactly, and its friendly name counts as a lookalike', async () => {
    const md = spMetadata({ requested: `<md:RequestedAttribute Name="${MAIL_OID}" FriendlyName="mail" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri" isRequired="true"/>` });
    const report = await analyze(cleanFlow({ attributes: [{ name: 'mail', values: ['alice@example.test'] }] }), { ...TRUST, spMetadataXml: md });
    expect(findingsOf(report, 'attribute-missing')[0]?.message).toContain(`Attribute "${MAIL_OID}" (mail) is missing`);
    expect(findingsOf(report, 'attribute-namespaced')).toEqual([]);
  });

  it('a profile already requiring the attribute keeps its own wording', () => {
    const { profile } = resolveProfile({ name: 'Mine', requiredAttributes: [{ name: 'email', purpose: 'login' }] });
    const e = resolveExpectations({ profileDocument: profile!.document, spMetadataXml: spMetadata() });
    expect(e.profile.requiredAttributes.map((a) => [a.name, a.purpose, a.requiredBy])).toEqual([
      ['email', 'login', undefined],
      ['employeeNumber', 'the "employeeNumber" attribute', 'the SP metadata marks it isRequired="true"'],
    ]);
  });
});

describe('SP metadata NameIDFormat, WantAssertionsSigned, AuthnRequestsSigned', () => {
  it('a NameID in a format the metadata does not list is nameid-format; unspecified in the list accepts anything', async () => {
    const transient = () => cleanFlow({ nameId: { value: 'x1', format: NAMEID.transient }, attributes: [] });
    const md = spMetadata({ formats: [NAMEID.email, NAMEID.persistent], requested: '' });
    const report = await analyze(transient(), { ...TRUST, spMetadataXml: md });
    expect(findingsOf(report, 'nameid-format').map((f) => f.message)).toEqual([
      `NameID format is ${NAMEID.transient}; the SP metadata accepts only ${NAMEID.email}, ${NAMEID.persistent}.`,
    ]);
    const lenient = await analyze(transient(), { ...TRUST, spMetadataXml: spMetadata({ formats: [NAMEID.unspecified], requested: '' }) });
    expect(findingsOf(lenient, 'nameid-format')).toEqual([]);
  });

  it('an unsigned assertion when the metadata says WantAssertionsSigned="true" is an error', async () => {
    const report = await analyze(cleanFlow({}, ['root']), { ...TRUST, spMetadataXml: spMetadata({ wantAssertionsSigned: true, requested: '' }) });
    expect(findingsOf(report, 'assertion-unsigned').map((f) => f.severity)).toEqual(['error']);
  });

  it('an unsigned AuthnRequest when the SP metadata says AuthnRequestsSigned="true" is a warning', async () => {
    const flow = [redirectEntry('SAMLRequest', authnRequest(), SSO, at(-2)), postEntry('SAMLResponse', response(), ACS, at(2))];
    const report = await analyze(flow, { ...TRUST, spMetadataXml: spMetadata({ authnRequestsSigned: true, requested: '' }) });
    expect(findingsOf(report, 'message-unsigned').map((f) => [f.severity, f.message])).toEqual([
      ['warning', expect.stringContaining('the SP metadata says AuthnRequestsSigned="true"')],
    ]);
    const signed = [redirectEntry('SAMLRequest', authnRequest(), SSO, at(-2), { sign: true }), postEntry('SAMLResponse', response(), ACS, at(2))];
    const quiet = await analyze(signed, { ...TRUST, spMetadataXml: spMetadata({ authnRequestsSigned: true, requested: '' }) });
    expect(findingsOf(quiet, 'message-unsigned')).toEqual([]);
  });

  it('becomes a profile document for the editor to start from', () => {
    const { metadata } = parseMetadata(spMetadata({ formats: [NAMEID.email], wantAssertionsSigned: true }));
    const doc = profileFromMetadata(metadata!);
    expect(doc).toEqual({
      name: `SP ${SP_ENTITY}`,
      extends: 'generic',
      requiredAttributes: [{ name: 'email', friendlyName: 'mail' }, 'employeeNumber'],
      bareAttributeNames: true,
      nameIdFormat: NAMEID.email,
      sign: { assertion: true },
      spEntityId: SP_ENTITY,
      acsUrl: ACS,
    });
    expect(resolveProfile(doc).errors).toEqual([]);
  });

  it('hostile metadata (not XML, huge, wrong role) is a configuration finding; judging goes on', async () => {
    for (const xml of ['<md:EntityDescriptor', 'x'.repeat(5_000_000), '<html/>']) {
      const e = resolveExpectations({ spMetadataXml: xml });
      expect(e.problems.map((p) => p.rule)).toContain('config-invalid');
      expect(e.profile.id).toBe('generic');
    }
  });
});
