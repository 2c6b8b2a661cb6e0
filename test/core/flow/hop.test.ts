import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import type { TraceEntry } from '../../../lib/core/model';
import { rstr, signed11, WST_2005 } from '../../fixtures/forgeries/wstrust';
import { ACS, at, authnRequest, postEntry, redirectEntry, response, rogueKey, SP_ENTITY, SSO, TRUST } from '../rules/build';
import { allFindings, errors, findingsOf } from '../rules/find';
import { loadTestKey, type TestKeyName } from '../../../lib/samlgen';

// A federated domain: AD FS signs a SAML 1.1 token for Entra ID (audience urn:federation:MicrosoftOnline) and the
// browser posts it to login.microsoftonline.com/login.srf; Entra ID then sends its own Response to the SP.
const ENTRA_WSFED = 'https://login.microsoftonline.com/login.srf';
const SP_OPTIONS = { ...TRUST, spEntityId: SP_ENTITY, acsUrl: ACS };

function adfsToken(key: TestKeyName): string {
  const subject = `<saml:Subject><saml:NameIdentifier>alice@contoso.example</saml:NameIdentifier><saml:SubjectConfirmation><saml:ConfirmationMethod>urn:oasis:names:tc:SAML:1.0:cm:bearer</saml:ConfirmationMethod></saml:SubjectConfirmation></saml:Subject>`;
  return signed11(
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:1.0:assertion" MajorVersion="1" MinorVersion="1" AssertionID="_adfs1" Issuer="http://adfs.contoso.example/adfs/services/trust" IssueInstant="${at(-1)}">` +
      `<saml:Conditions NotBefore="${at(-1)}" NotOnOrAfter="${at(3600)}"><saml:AudienceRestrictionCondition><saml:Audience>urn:federation:MicrosoftOnline</saml:Audience></saml:AudienceRestrictionCondition></saml:Conditions>` +
      `<saml:AttributeStatement>${subject}<saml:Attribute AttributeName="UPN" AttributeNamespace="http://schemas.xmlsoap.org/claims"><saml:AttributeValue>alice@contoso.example</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>` +
      `<saml:AuthenticationStatement AuthenticationMethod="urn:oasis:names:tc:SAML:1.0:am:password" AuthenticationInstant="${at(-2)}">${subject}</saml:AuthenticationStatement></saml:Assertion>`,
    key,
  );
}

function wsFedPost(url: string, key: TestKeyName): TraceEntry {
  const e = postEntry('SAMLResponse', '', url, at(0));
  e.formFields = [
    ['wa', 'wsignin1.0'],
    ['wresult', rstr(WST_2005, adfsToken(key))],
    ['wctx', 'LoginOptions=3&estsredirect=2'],
  ];
  return e;
}

function federatedLogin(hop: TraceEntry): TraceEntry[] {
  return [redirectEntry('SAMLRequest', authnRequest(), SSO, at(-5)), hop, postEntry('SAMLResponse', response({ issuer: 'https://idp.example.test/metadata' }), ACS, at(2))];
}

describe('federation hops: a token delivered to an IdP, not to the SP', () => {
  it('judges the upstream IdP\'s token to Entra ID without the SP\'s settings: no error, and says why', async () => {
    const report = await analyze(federatedLogin(wsFedPost(ENTRA_WSFED, 'idp-next')), SP_OPTIONS);
    expect(errors(report)).toEqual([]);
    const hop = report.messages.find((m) => m.url === ENTRA_WSFED)!;
    expect(hop.findings.map((f) => f.rule)).not.toContain('audience-mismatch');
    expect(findingsOf(report, 'federation-hop')).toHaveLength(1);
    expect(findingsOf(report, 'federation-hop')[0]!.message).toContain('Microsoft Entra ID');
    // Signed by the upstream IdP's key, not the trusted one: said, as a note that names the hop (no warning: every
    // real hop is signed so, and the login is clean).
    const untrusted = hop.findings.find((f) => f.rule === 'signature-untrusted')!;
    expect(untrusted.severity).toBe('info');
    expect(allFindings(report).filter((f) => f.severity === 'warning')).toEqual([]);
    expect(untrusted.message).toContain('went to Microsoft Entra ID');
    // The SP's own Response is still judged with every setting.
    expect(report.messages.at(-1)!.signatures.map((s) => s.status)).toEqual(['valid', 'valid']);
  });

  it('still verifies a hop token signed with a trusted key', async () => {
    const report = await analyze([wsFedPost(ENTRA_WSFED, 'idp')], SP_OPTIONS);
    expect(report.messages[0]!.signatures.map((s) => s.status)).toEqual(['valid']);
    expect(allFindings(report).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('judges the same token posted to the SP by the SP\'s settings: a wrong audience and an untrusted signer are errors', async () => {
    const report = await analyze([wsFedPost(ACS, 'idp-next')], SP_OPTIONS);
    const rules = errors(report).map((f) => f.rule);
    expect(rules).toContain('audience-mismatch');
    expect(rules).toContain('signature-untrusted');
    expect(findingsOf(report, 'federation-hop')).toEqual([]);
  });

  it('is never a hop when the URL only seems to name an IdP host, or the Response does not name that URL', async () => {
    const forged = (to: string, destination?: string) => postEntry('SAMLResponse', response({ destination, inResponseTo: undefined }, ['root', 'assertion'], rogueKey), to);
    const urls = [
      'https://evil.okta.com:x@sp.example.test/acs',
      'https://sp.example.test/adfs/ls/../../acs',
      'https://sp.example.test/adfs/ls/%2e%2e/%2E%2E/acs',
      'https://sp.example.test\\x.okta.com/../acs',
    ];
    for (const url of urls) {
      const report = await analyze([forged(url)], SP_OPTIONS);
      expect(findingsOf(report, 'federation-hop'), url).toEqual([]);
      expect(errors(report).map((f) => f.rule), url).toContain('signature-untrusted');
    }
    // Posted to a real IdP host, but its Destination is the SP's ACS (or absent): it is the SP's to judge.
    for (const destination of [ACS, undefined]) {
      const report = await analyze([forged('https://example.okta.com/sso/saml2/0oa1', destination)], SP_OPTIONS);
      expect(findingsOf(report, 'federation-hop'), String(destination)).toEqual([]);
      expect(errors(report).map((f) => f.rule)).toContain('signature-untrusted');
    }
  });

  // Keycloak brokering an upstream AD FS: the capture shows the hop on a host of the organisation's own.
  const KEYCLOAK = 'https://sso.corp.test/realms/acme';
  const BROKER = `${KEYCLOAK}/broker/partner/endpoint`;
  function brokered(upstreamKey = loadTestKey('idp-next'), to = BROKER) {
    const own = redirectEntry('SAMLRequest', authnRequest({ id: '_app1', destination: `${KEYCLOAK}/protocol/saml` }), `${KEYCLOAK}/protocol/saml`, at(-6));
    const upstream = redirectEntry('SAMLRequest', authnRequest({ id: '_kc1', issuer: KEYCLOAK, acsUrl: BROKER, destination: 'https://adfs.partner.test/adfs/ls/' }), 'https://adfs.partner.test/adfs/ls/', at(-5));
    const token = postEntry('SAMLResponse', response({ id: '_adfs-r1', assertionId: '_adfs-a1', inResponseTo: '_kc1', destination: to, issuer: 'http://adfs.partner.test/adfs/services/trust', audiences: [KEYCLOAK], recipient: to }, ['assertion'], upstreamKey), to, at(0));
    const answer = postEntry('SAMLResponse', response({ inResponseTo: '_app1', issuer: KEYCLOAK }), ACS, at(2));
    return [own, upstream, token, answer];
  }

  it('sees a hop to a self-hosted IdP in the capture: a token answering the IdP\'s own AuthnRequest, posted to a host the SP\'s went to', async () => {
    const report = await analyze(brokered(), { ...SP_OPTIONS, idpEntityId: KEYCLOAK });
    expect(errors(report).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    // The upstream IdP's key is not the configured one: said, as a note that names the hop.
    expect(allFindings(report).filter((f) => f.severity === 'warning')).toEqual([]);
    expect(allFindings(report).filter((f) => f.rule === 'signature-untrusted').map((f) => f.severity)).toEqual(['info']);
    const hops = report.messages.filter((m) => m.findings.some((f) => f.rule === 'federation-hop')).map((m) => m.kind);
    expect(hops).toEqual(['AuthnRequest', 'Response']);
    expect(findingsOf(report, 'federation-hop')[0]!.message).toContain(`issued by ${KEYCLOAK}, not by the SP`);
  });

  it('never takes the SP\'s own login for a hop, even with its ACS on the IdP\'s host', async () => {
    const acsOnIdpHost = `${KEYCLOAK}/app/acs`;
    const own = redirectEntry('SAMLRequest', authnRequest({ id: '_app1', acsUrl: acsOnIdpHost }), `${KEYCLOAK}/protocol/saml`, at(-6));
    const forged = postEntry('SAMLResponse', response({ inResponseTo: '_app1', destination: acsOnIdpHost, recipient: acsOnIdpHost }, ['root', 'assertion'], rogueKey), acsOnIdpHost, at(0));
    const report = await analyze([own, forged], { ...TRUST, spEntityId: SP_ENTITY });
    expect(findingsOf(report, 'federation-hop')).toEqual([]);
    expect(errors(report).map((f) => f.rule)).toContain('signature-untrusted');
  });

  it('never takes a token for the configured SP, or one posted on the SP\'s own host, for a hop', async () => {
    // Okta as the SP (inbound federation), configured by its entity ID only: a forged token for it is its own.
    const okta = 'https://corp.okta.com/sso/saml2/0oa1';
    const forOkta = response({ audiences: ['https://www.okta.com/saml2/service-provider/sp1'], destination: okta, inResponseTo: undefined }, ['root', 'assertion'], rogueKey);
    const asSp = await analyze([postEntry('SAMLResponse', forOkta, okta)], { ...TRUST, spEntityId: 'https://www.okta.com/saml2/service-provider/sp1' });
    expect(findingsOf(asSp, 'federation-hop')).toEqual([]);
    expect(errors(asSp).map((f) => f.rule)).toContain('signature-untrusted');
    // An AuthnRequest "from the SP" sent to the SP's own host, another entity's request (issuer with a stray
    // non-breaking space), and a forged answer to it on the SP's host: the SP's ground, never a hop.
    const spHost = 'https://sp.example.test';
    const decoy = redirectEntry('SAMLRequest', authnRequest({ id: '_d1', destination: `${spHost}/x` }), `${spHost}/x`, at(-6));
    const other = redirectEntry('SAMLRequest', authnRequest({ id: '_x1', issuer: `${SP_ENTITY}\u00a0`, destination: `${spHost}/y` }), `${spHost}/y`, at(-5));
    const to = `${spHost}/acs/`;
    const forged = postEntry('SAMLResponse', response({ inResponseTo: '_x1', destination: to, recipient: to, audiences: [SP_ENTITY] }, ['root', 'assertion'], rogueKey), to, at(0));
    const report = await analyze([decoy, other, forged], { ...TRUST, spEntityId: SP_ENTITY });
    expect(findingsOf(report, 'federation-hop')).toEqual([]);
    expect(errors(report).map((f) => f.rule)).toContain('signature-untrusted');
  });

  it('treats a Response to an IdP host as the SP\'s when that URL is the configured ACS (the SP is hosted there)', async () => {
    const okta = 'https://example.okta.com/sso/saml2/0oa1b2c3d4e5f6g7h8i9';
    const forOther = response({ audiences: ['https://other.example.test/metadata'], destination: okta, inResponseTo: undefined });
    const asHop = await analyze([postEntry('SAMLResponse', forOther, okta)], SP_OPTIONS);
    expect(findingsOf(asHop, 'federation-hop')[0]!.message).toContain('Okta');
    expect(findingsOf(asHop, 'audience-mismatch')).toEqual([]);
    const asSp = await analyze([postEntry('SAMLResponse', forOther, okta)], { ...SP_OPTIONS, acsUrl: okta });
    expect(findingsOf(asSp, 'federation-hop')).toEqual([]);
    expect(errors(asSp).map((f) => f.rule)).toContain('audience-mismatch');
  });
});

describe('federation hops the capture shows in other shapes', () => {
  it("a hop to an ACS with a query (Auth0's /login/callback?connection=...): the token names it with that query", async () => {
    const callback = 'https://acme.auth0.com/login/callback?connection=adfs-partner';
    const token = postEntry('SAMLResponse', response({ id: '_up-r1', assertionId: '_up-a1', inResponseTo: undefined, destination: callback, recipient: callback, issuer: 'http://adfs.partner.test/adfs/services/trust', audiences: ['urn:auth0:acme:adfs-partner'] }, ['assertion'], loadTestKey('idp-next')), callback, at(0));
    const report = await analyze(federatedLogin(token), SP_OPTIONS);
    expect(findingsOf(report, 'federation-hop')).toHaveLength(1);
    expect(errors(report)).toEqual([]);
  });

  it('a hop to a self-hosted IdP seen with only the ACS URL configured: the SP is whoever asked for that ACS', async () => {
    const keycloak = 'https://sso.corp.test/realms/acme';
    const broker = `${keycloak}/broker/partner/endpoint`;
    const own = redirectEntry('SAMLRequest', authnRequest({ id: '_app1', destination: `${keycloak}/protocol/saml` }), `${keycloak}/protocol/saml`, at(-6));
    const upstream = redirectEntry('SAMLRequest', authnRequest({ id: '_kc1', issuer: keycloak, acsUrl: broker, destination: 'https://adfs.partner.test/adfs/ls/' }), 'https://adfs.partner.test/adfs/ls/', at(-5));
    const token = postEntry('SAMLResponse', response({ id: '_adfs-r1', assertionId: '_adfs-a1', inResponseTo: '_kc1', destination: broker, issuer: 'http://adfs.partner.test/adfs/services/trust', audiences: [keycloak], recipient: broker }, ['assertion'], loadTestKey('idp-next')), broker, at(0));
    const answer = postEntry('SAMLResponse', response({ inResponseTo: '_app1', issuer: keycloak }), ACS, at(2));
    const report = await analyze([own, upstream, token, answer], { ...TRUST, acsUrl: ACS });
    expect(errors(report).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    expect(report.messages.filter((m) => m.findings.some((f) => f.rule === 'federation-hop')).map((m) => m.kind)).toEqual(['AuthnRequest', 'Response']);
  });
});
