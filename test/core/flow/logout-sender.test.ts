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
