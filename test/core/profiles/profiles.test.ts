import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import { builtinProfiles, getProfile, resolveExpectations } from '../../../lib/core/profiles';
import { NAMEID, buildResponse, signXml } from '../../../lib/samlgen';
import { ACS, IDP_ENTITY, SP_ENTITY, T0, TRUST, at, cleanFlow, idpKey, postEntry, response } from '../rules/build';
import { IDPS } from '../rules/idps';
import { findingsOf } from '../rules/find';
import { encryptedResponse } from '../rules/cases/xml';

const SID = 'AC0123456789abcdef0123456789abcdef';
const FLEX_ACS = `https://iam.twilio.com/v1/Accounts/${SID}/saml2`;
const FLEX_SP = `https://iam.twilio.com/v1/Accounts/${SID}/saml2/metadata`;
const entra = IDPS.find((i) => i.name === 'Entra ID')!;

function severities(report: Awaited<ReturnType<typeof analyze>>, slug: string) {
  return findingsOf(report, slug).map((f) => f.severity);
}

describe('profiles', () => {
  it('are data: generic first, the Twilio and SendGrid ones, then other documented SPs', () => {
    expect(builtinProfiles().map((p) => p.id)).toEqual([
      'generic', 'twilio-console', 'twilio-flex', 'sendgrid',
      'aws-iam-identity-center', 'atlassian-cloud', 'github-enterprise-cloud', 'google-workspace', 'slack',
    ]);
    expect(getProfile(undefined)?.id).toBe('generic');
    expect(getProfile('Twilio-Flex')?.id).toBe('twilio-flex');
    expect(getProfile('okta')).toBeUndefined();
  });

  describe('twilio-console', () => {
    const transient = () => cleanFlow({ nameId: { value: '9f3c2a', format: NAMEID.transient } });
    it('requires an e-mail NameID in emailAddress format', async () => {
      const report = await analyze(transient(), { ...TRUST, profile: 'twilio-console' });
      expect(severities(report, 'nameid-format')).toEqual(['error']);
      expect(severities(report, 'nameid-not-email')).toEqual(['error']);
      const generic = await analyze(transient(), TRUST);
      expect(findingsOf(generic, 'nameid-format')).toEqual([]);
      expect(findingsOf(generic, 'nameid-not-email')).toEqual([]);
    });

    it('requires the Response itself to be signed (Entra ID default signs only the assertion)', async () => {
      const flow = () => cleanFlow(entra.spec, entra.sign);
      const report = await analyze(flow(), { ...TRUST, profile: 'twilio-console' });
      expect(severities(report, 'response-unsigned')).toEqual(['error']);
      expect(findingsOf(report, 'response-unsigned')[0]!.message).toContain('Twilio Console requires the Response itself to be signed');
      expect(severities(await analyze(flow(), TRUST), 'response-unsigned')).toEqual(['info']);
    });
  });

  describe('twilio-flex', () => {
    const options = { ...TRUST, profile: 'twilio-flex', accountSid: SID };
    const entraToFlex = () => [postEntry('SAMLResponse', response({ ...entra.spec, inResponseTo: undefined, destination: FLEX_ACS, audiences: [FLEX_SP] }, ['root', 'assertion']), FLEX_ACS)];

    it('derives ACS URL and SP entity ID from the Account SID', () => {
      const e = resolveExpectations({ profile: 'twilio-flex', accountSid: SID });
      expect(e.acsUrls.map((a) => a.value)).toEqual([FLEX_ACS]);
      expect(e.spEntityId?.value).toBe(FLEX_SP);
      expect(e.problems).toEqual([]);
    });

    it('refuses an Account SID that is not AC + 32 hex digits', () => {
      for (const bad of ['AC123', 'US0123456789abcdef0123456789abcdef', 'AC0123456789abcdef0123456789abcdeg']) {
        const e = resolveExpectations({ profile: 'twilio-flex', accountSid: bad });
        expect(e.problems.map((p) => p.rule)).toEqual(['config-invalid']);
        expect(e.acsUrls).toEqual([]);
      }
    });

    it('wants bare email, full_name and roles: Entra ID\'s namespaced claims do not count', async () => {
      const report = await analyze(entraToFlex(), options);
      const missing = findingsOf(report, 'attribute-missing');
      expect(missing.map((f) => f.message.match(/Attribute "(\w+)"/)?.[1])).toEqual(['email', 'full_name', 'roles']);
      expect(missing.every((f) => f.severity === 'error')).toBe(true);
      expect(missing[0]!.message).toContain('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress');
      expect(severities(report, 'attribute-namespaced').length).toBeGreaterThanOrEqual(2);
      const generic = await analyze(entraToFlex(), TRUST);
      expect(findingsOf(generic, 'attribute-missing')).toEqual([]);
      expect(findingsOf(generic, 'attribute-namespaced')).toEqual([]);
    });

    it('checks Destination, Recipient and Audience against the derived values', async () => {
      const report = await analyze(cleanFlow({ inResponseTo: undefined }), options);
      expect(findingsOf(report, 'destination-mismatch')[0]?.message).toContain(FLEX_ACS);
      expect(findingsOf(report, 'recipient-mismatch')[0]?.message).toContain(FLEX_ACS);
      expect(findingsOf(report, 'audience-mismatch')[0]?.message).toContain(FLEX_SP);
    });

    it('refuses SHA-1 and an unsigned assertion as errors', async () => {
      const xml = buildResponse({ issueInstant: T0, destination: FLEX_ACS, audiences: [FLEX_SP], issuer: IDP_ENTITY });
      const sha1 = [postEntry('SAMLResponse', signXml(xml, { key: idpKey, targets: ['root'], signatureAlgorithm: 'rsa-sha1', digestAlgorithm: 'sha1' }), FLEX_ACS)];
      const report = await analyze(sha1, options);
      expect(severities(report, 'weak-algorithm')).toContain('error');
      expect(severities(report, 'assertion-unsigned')).toEqual(['error']);
      const generic = await analyze(sha1, TRUST);
      expect(severities(generic, 'weak-algorithm')).toEqual(['warning']);
      expect(severities(generic, 'assertion-unsigned')).toEqual(['info']);
    });

    it('compares the Response Issuer with the configured IdP issuer exactly', async () => {
      const report = await analyze(entraToFlex(), { ...options, idpEntityId: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47' });
      const mismatch = findingsOf(report, 'issuer-mismatch');
      expect(mismatch.map((f) => f.location)).toContain('/Response/Issuer');
      expect(mismatch.map((f) => f.message).join(' ')).toMatch(/trailing slash.*Identity Provider Issuer/);
    });
  });

  describe('sendgrid', () => {
    it('wants FirstName and LastName (a warning: users are created as "Unknown")', async () => {
      const flow = () => [postEntry('SAMLResponse', response({ ...entra.spec, inResponseTo: undefined }, ['root', 'assertion']))];
      const report = await analyze(flow(), { ...TRUST, profile: 'sendgrid' });
      expect(findingsOf(report, 'attribute-missing').map((f) => [f.severity, f.message.match(/"(\w+)"/)?.[1]])).toEqual([
        ['warning', 'FirstName'],
        ['warning', 'LastName'],
      ]);
      expect(findingsOf(await analyze(flow(), TRUST), 'attribute-missing')).toEqual([]);
    });

    it('expects IdP-initiated logins: unsolicited is info, SP-initiated gets the JIT hint', async () => {
      const unsolicited = () => [postEntry('SAMLResponse', response({ inResponseTo: undefined, attributes: [{ name: 'FirstName', values: ['A'] }, { name: 'LastName', values: ['B'] }] }))];
      expect(severities(await analyze(unsolicited(), { ...TRUST, profile: 'sendgrid' }), 'unsolicited-response')).toEqual(['info']);
      expect(severities(await analyze(unsolicited(), TRUST), 'unsolicited-response')).toEqual(['warning']);
      expect(severities(await analyze(cleanFlow(), { ...TRUST, profile: 'sendgrid' }), 'jit-needs-idp-initiated')).toEqual(['info']);
      expect(findingsOf(await analyze(cleanFlow(), TRUST), 'jit-needs-idp-initiated')).toEqual([]);
    });
  });
});

const IDP_METADATA = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${IDP_ENTITY}">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" WantAuthnRequestsSigned="true">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${idpKey.certificateBase64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.test/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;

const SP_METADATA = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${SP_ENTITY}">
  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" WantAssertionsSigned="true">
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${ACS}" index="0"/>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact" Location="https://sp.example.test/acs/artifact" index="1"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>`;

describe('expectations', () => {
  it('fill the IdP entity ID and trusted certificates from IdP metadata', async () => {
    const e = resolveExpectations({ idpMetadataXml: IDP_METADATA });
    expect(e.idpEntityId).toEqual({ value: IDP_ENTITY, source: 'IdP metadata' });
    expect(e.trusted).toHaveLength(1);
    expect(e.idpWantsRequestsSigned).toBe(true);
    const report = await analyze(cleanFlow(), { idpMetadataXml: IDP_METADATA });
    expect(report.messages[1]!.signatures.map((s) => s.status)).toEqual(['valid', 'valid']);
    // The IdP wants signed requests and this one is not.
    expect(findingsOf(report, 'message-unsigned').map((f) => [f.severity, f.location])).toEqual([['warning', '/AuthnRequest']]);
  });

  it('fill SP entity ID and every ACS URL from SP metadata, and honour WantAssertionsSigned', async () => {
    const e = resolveExpectations({ spMetadataXml: SP_METADATA });
    expect(e.spEntityId?.value).toBe(SP_ENTITY);
    expect(e.acsUrls.map((a) => a.value)).toEqual([ACS, 'https://sp.example.test/acs/artifact']);
    const report = await analyze(cleanFlow({}, ['root']), { ...TRUST, spMetadataXml: SP_METADATA });
    expect(severities(report, 'assertion-unsigned')).toEqual(['error']);
    expect(findingsOf(report, 'destination-mismatch')).toEqual([]);
  });

  it('let configured values win over metadata', () => {
    const e = resolveExpectations({ spMetadataXml: SP_METADATA, acsUrl: 'https://sp.example.test/other', spEntityId: 'urn:sp' });
    expect(e.acsUrls).toEqual([{ value: 'https://sp.example.test/other', source: 'configured ACS URL' }]);
    expect(e.spEntityId).toEqual({ value: 'urn:sp', source: 'configured SP entity ID' });
  });

  it('report unusable options once, as configuration findings, and fall back', async () => {
    const e = resolveExpectations({ profile: 'salesforce', at: 'yesterday', clockSkewSeconds: -5, idpMetadataXml: '<notmetadata/>' });
    expect(e.profile.id).toBe('generic');
    expect(e.time).toEqual({ mode: 'capture' });
    expect(e.skewSeconds).toBe(180);
    expect(e.problems.map((p) => p.rule)).toEqual(['config-invalid', 'config-invalid', 'config-invalid', 'config-invalid']);
    const report = await analyze(cleanFlow(), { profile: 'salesforce' });
    expect(report.findings.map((f) => f.rule)).toEqual(['config-invalid']);
    expect(report.summary.profile).toBe('generic');
  });

  it('use the capture time by default and the skew given', () => {
    expect(resolveExpectations({}).time).toEqual({ mode: 'capture' });
    expect(resolveExpectations({ clockSkewSeconds: 30 }).skewSeconds).toBe(30);
    expect(resolveExpectations({ at: 'now', now: () => new Date(at(5)) }).time).toEqual({ mode: 'now', instant: new Date(at(5)) });
  });
});

describe('profiles of other documented SPs', () => {
  const transient = () => cleanFlow({ nameId: { value: '9f3c2a', format: NAMEID.transient } });

  it('aws-iam-identity-center: emailAddress NameID holding an e-mail address; no encrypted assertions', async () => {
    const report = await analyze(transient(), { ...TRUST, profile: 'aws-iam-identity-center' });
    expect(severities(report, 'nameid-format')).toEqual(['error']);
    expect(severities(report, 'nameid-not-email')).toEqual(['error']);
    const encrypted = await analyze([postEntry('SAMLResponse', encryptedResponse(), ACS)], { ...TRUST, profile: 'aws-iam-identity-center' });
    expect(findingsOf(encrypted, 'assertion-encrypted').map((f) => [f.severity, f.message])).toEqual([
      ['error', expect.stringContaining('AWS IAM Identity Center does not support encrypted assertions')],
    ]);
    const generic = await analyze([postEntry('SAMLResponse', encryptedResponse(), ACS)], TRUST);
    expect(severities(generic, 'assertion-encrypted')).toEqual(['info']);
  });

  it('slack: User.Email required by that exact name, the Response signed, Audience https://slack.com', async () => {
    const flow = () => cleanFlow({ ...entra.spec, audiences: ['https://slack.com'] }, entra.sign);
    const report = await analyze(flow(), { ...TRUST, profile: 'slack' });
    expect(findingsOf(report, 'attribute-missing').map((f) => f.message.match(/Attribute "([^"]+)"/)?.[1])).toEqual(['User.Email']);
    expect(severities(report, 'attribute-missing')).toEqual(['error']);
    expect(severities(report, 'response-unsigned')).toEqual(['error']);
    expect(findingsOf(report, 'audience-mismatch')).toEqual([]);
    const elsewhere = await analyze(cleanFlow({ attributes: [{ name: 'User.Email', values: ['alice@example.test'] }] }), { ...TRUST, profile: 'slack' });
    expect(findingsOf(elsewhere, 'audience-mismatch')[0]?.message).toContain('https://slack.com');
    expect(findingsOf(elsewhere, 'attribute-missing')).toEqual([]);
  });

  it('github-enterprise-cloud: a transient NameID is refused; a persistent one is fine', async () => {
    const report = await analyze(transient(), { ...TRUST, profile: 'github-enterprise-cloud' });
    expect(findingsOf(report, 'nameid-format').map((f) => [f.severity, f.message])).toEqual([
      ['error', `NameID format is ${NAMEID.transient}, which GitHub Enterprise Cloud does not accept.`],
    ]);
    const persistent = await analyze(cleanFlow({ nameId: { value: 'u-123', format: NAMEID.persistent } }), { ...TRUST, profile: 'github-enterprise-cloud' });
    expect(findingsOf(persistent, 'nameid-format')).toEqual([]);
  });

  it('google-workspace and atlassian-cloud: the NameID must be an e-mail address', async () => {
    for (const profile of ['google-workspace', 'atlassian-cloud']) {
      const report = await analyze(transient(), { ...TRUST, profile });
      expect(severities(report, 'nameid-not-email'), profile).toEqual(['error']);
      expect(findingsOf(await analyze(cleanFlow(), { ...TRUST, profile }), 'nameid-not-email'), profile).toEqual([]);
    }
  });
});

describe('aggregate metadata (a federation EntitiesDescriptor)', () => {
  const entity = (id: string, role: 'IDP' | 'SP') =>
    role === 'IDP'
      ? IDP_METADATA.replace(`entityID="${IDP_ENTITY}"`, `entityID="${id}"`).replace(' xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"', '')
      : SP_METADATA.replace(`entityID="${SP_ENTITY}"`, `entityID="${id}"`).replace(' xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"', '');
  const aggregate = (...entities: string[]) =>
    `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">${entities.join('')}</md:EntitiesDescriptor>`;
  const federation = aggregate(entity('https://other-idp.example.test/idp', 'IDP'), entity(IDP_ENTITY, 'IDP'), entity(SP_ENTITY, 'SP'));

  it('the IdP named by its entity ID is the one used, without a word', () => {
    const e = resolveExpectations({ idpMetadataXml: federation, idpEntityId: IDP_ENTITY });
    expect(e.idpMetadata?.entityId).toBe(IDP_ENTITY);
    expect(e.problems).toEqual([]);
  });

  it('without one, the first IdP is used and the report says it guessed among several', () => {
    const e = resolveExpectations({ idpMetadataXml: federation });
    expect(e.idpMetadata?.entityId).toBe('https://other-idp.example.test/idp');
    expect(e.problems.map((p) => [p.rule, p.severity])).toEqual([['config-invalid', 'warning']]);
    expect(e.problems[0]!.message).toMatch(/aggregate of 2 IdPs.*--idp-entity-id/);
  });

  it('given as SP metadata, its SP is used (not its first IdP, called swapped files)', () => {
    const e = resolveExpectations({ spMetadataXml: federation });
    expect(e.spMetadata?.entityId).toBe(SP_ENTITY);
    expect(e.problems).toEqual([]);
  });
});
