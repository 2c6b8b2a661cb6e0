// A logout pair with no configured entity IDs: the side that verifies with the IdP's certificate tells who sent the other.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import type { TraceEntry } from '../../../lib/core/model';
import { buildLogoutRequest, buildLogoutResponse, encodeRedirectQuery, loadTestKey, type TestKey } from '../../../lib/samlgen';

const SP = 'https://sp.example.test/metadata';
const IDP = 'https://idp.example.test/metadata';

function redirect(id: string, url: string, query: string, at: string): TraceEntry {
  return { id, source: 'har', method: 'GET', url: `${url}?${query}`, requestHeaders: [], responseHeaders: [], capturedAt: at };
}

function logoutPair(requestKey: TestKey, responseKey: TestKey): TraceEntry[] {
  const request = buildLogoutRequest({ id: '_lo-1', issuer: SP, issueInstant: '2027-03-01T10:00:00Z' });
  const response = buildLogoutResponse({ id: '_lr-1', inResponseTo: '_lo-1', issuer: IDP, issueInstant: '2027-03-01T10:00:01Z' });
  return [
    redirect('e1', 'https://idp.example.test/slo', encodeRedirectQuery(request, { param: 'SAMLRequest', key: requestKey }), '2027-03-01T10:00:00Z'),
    redirect('e2', 'https://sp.example.test/slo', encodeRedirectQuery(response, { param: 'SAMLResponse', key: responseKey }), '2027-03-01T10:00:01Z'),
  ];
}

const trusted = { trustedCertificates: [loadTestKey('idp').certificatePem] };

describe('who sent a logout message', () => {
  it('an SP-signed LogoutRequest answered by an IdP-signed LogoutResponse is the SP\'s, never "invalid"', async () => {
    const report = await analyze(logoutPair(loadTestKey('sp'), loadTestKey('idp')), trusted);
    const [request, response] = report.messages;
    expect(request?.direction).toBe('to-idp');
    expect(response?.direction).toBe('to-sp');
    expect(response?.signatures.map((s) => s.status)).toEqual(['valid']);
    expect(request?.signatures.map((s) => s.status)).not.toContain('invalid');
    expect(request?.findings.filter((f) => f.rule === 'signature-invalid')).toEqual([]);
  });

  it('learns nothing when neither side verifies with the IdP certificate', async () => {
    const report = await analyze(logoutPair(loadTestKey('rogue'), loadTestKey('rogue')), trusted);
    expect(report.messages.map((m) => m.direction)).toEqual(['unknown', 'unknown']);
    expect(report.messages.flatMap((m) => m.signatures.map((s) => s.status))).not.toContain('valid');
  });
});

describe('a logout message under the IdP\'s Issuer', () => {
  const HMAC = 'http://www.w3.org/2001/04/xmldsig-more#hmac-sha256';
  const at = (s: number) => `2027-03-01T10:0${s}:00Z`;
  const idpRequest = (id: string, key: TestKey | undefined, s: number) =>
    redirect(`e-${id}`, 'https://sp.example.test/slo', encodeRedirectQuery(buildLogoutRequest({ id, issuer: IDP, destination: 'https://sp.example.test/slo', issueInstant: at(s) }), { param: 'SAMLRequest', key }), at(s));
  const signatureFindings = (r: Awaited<ReturnType<typeof analyze>>, i: number) =>
    r.messages[i]!.findings.filter((f) => f.rule.startsWith('signature-')).map((f) => [f.rule, f.severity]);

  it('is the IdP\'s once another message verified with the IdP certificate under that Issuer: a failing signature is an error', async () => {
    const report = await analyze([idpRequest('_lo-a', loadTestKey('idp'), 0), idpRequest('_lo-b', loadTestKey('rogue'), 1)], trusted);
    expect(report.messages.map((m) => m.direction)).toEqual(['to-sp', 'to-sp']);
    expect(report.messages[1]!.signatures.map((s) => s.status)).toEqual(['invalid']);
    expect(signatureFindings(report, 1)).toEqual([['signature-invalid', 'error']]);
  });

  it('alone, with no IdP-verified message naming its Issuer, is still of unknown sender: a key mismatch stays a warning', async () => {
    const report = await analyze([idpRequest('_lo-b', loadTestKey('rogue'), 1)], trusted);
    expect(report.messages[0]!.direction).toBe('unknown');
    expect(signatureFindings(report, 0)).toEqual([['signature-invalid', 'warning']]);
  });

  it('an HMAC SigAlg is refused as an error even when the sender is unknown (no key explains it)', async () => {
    const signed = encodeRedirectQuery(buildLogoutRequest({ id: '_lo-h', issuer: IDP, destination: 'https://sp.example.test/slo', issueInstant: at(1) }), { param: 'SAMLRequest', key: loadTestKey('idp') });
    const query = signed.replace(/SigAlg=[^&]*/, `SigAlg=${encodeURIComponent(HMAC)}`);
    const report = await analyze([redirect('e-h', 'https://sp.example.test/slo', query, at(1))], trusted);
    expect(report.messages[0]!.direction).toBe('unknown');
    expect(report.messages[0]!.signatures.map((s) => s.status)).toEqual(['unchecked']);
    expect(signatureFindings(report, 0)).toEqual([['signature-invalid', 'error']]);
  });
});


describe('who sent a logout message, from a hosted IdP product', () => {
  const OKTA_SLO = 'https://example-org.okta.com/app/example-org_app_1/exk8f2a1b3c4d5E6f7g8/slo/saml';
  const OKTA_ISSUER = 'http://www.okta.com/exk8f2a1b3c4d5E6f7g8';

  it("an unsigned LogoutRequest sent to Okta's host is the SP's, and Okta's unsigned answer Okta's; each gets its own sender's fix", async () => {
    const request = buildLogoutRequest({ id: '_lo-2', issuer: SP, issueInstant: '2027-03-01T10:00:00Z', destination: OKTA_SLO });
    const response = buildLogoutResponse({ id: '_lr-2', inResponseTo: '_lo-2', issuer: OKTA_ISSUER, issueInstant: '2027-03-01T10:00:01Z' });
    const report = await analyze([
      redirect('e1', OKTA_SLO, encodeRedirectQuery(request, { param: 'SAMLRequest' }), '2027-03-01T10:00:00Z'),
      redirect('e2', 'https://sp.example.test/slo', encodeRedirectQuery(response, { param: 'SAMLResponse' }), '2027-03-01T10:00:01Z'),
    ]);
    expect(report.messages.map((m) => m.direction)).toEqual(['to-idp', 'to-sp']);
    const spFix = report.messages[0]!.findings.find((f) => f.rule === 'message-unsigned')!.ownFix;
    expect(spFix?.text).toMatch(/SP/);
  });
});

describe('a hosted product acting as the SP', () => {
  it('an Okta-issued LogoutRequest sent to AD FS is the SP side (Okta federating to AD FS), not the IdP', async () => {
    const adfs = 'https://adfs.partner.test/adfs/ls/';
    const request = buildLogoutRequest({ id: '_lo-3', issuer: 'https://www.okta.com/saml2/service-provider/spabcdefghijklmnop', issueInstant: '2027-03-01T10:00:00Z', destination: adfs });
    const report = await analyze([redirect('e1', adfs, encodeRedirectQuery(request, { param: 'SAMLRequest' }), '2027-03-01T10:00:00Z')]);
    expect(report.messages.map((m) => m.direction)).toEqual(['to-idp']);
  });
});
