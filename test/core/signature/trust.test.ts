import { describe, expect, it } from 'vitest';
import { parseCertificates, verifySignatures } from '../../../lib/core/signature';
import { buildLogoutRequest, buildResponse, encodeRedirectQuery, loadTestKey, signXml } from '../../../lib/samlgen';
import { errorsOf, parsedOf, redirectOf, statusOf, trust } from './helpers';

const both = (key = loadTestKey('idp')) => parsedOf(signXml(buildResponse({}), { key, targets: ['root', 'assertion'] }));

describe('trust decisions', () => {
  it('is valid with the trusted certificate and names it', async () => {
    const a = await verifySignatures(both(), { trusted: trust('idp'), binding: 'HTTP-POST' });
    expect(statusOf(a)).toEqual({ '/Response': 'valid', '/Response/Assertion': 'valid' });
    expect(a.verdicts[0]!.verifiedWith?.sha256).toBe(trust('idp')[0]!.info.sha256);
    expect(a.verdicts[0]!.keyInfoCertificate?.trusted).toBe(true);
    expect(a.problems).toEqual([]);
  });

  it('without a trusted certificate says "intact, signer not verified" as a warning, never valid', async () => {
    const a = await verifySignatures(both(), { trusted: [], binding: 'HTTP-POST' });
    expect(statusOf(a)).toEqual({ '/Response': 'untrusted', '/Response/Assertion': 'untrusted' });
    expect(a.verdicts[0]!.reason).toBe('intact, but the signer is not verified (no trusted IdP certificate configured)');
    expect(a.problems.map((p) => [p.rule, p.severity])).toEqual([
      ['signature-untrusted', 'warning'],
      ['signature-untrusted', 'warning'],
    ]);
  });

  it('accepts either certificate during a rollover (two trusted)', async () => {
    const a = await verifySignatures(both(loadTestKey('idp-next')), { trusted: trust('idp', 'idp-next'), binding: 'HTTP-POST' });
    expect(statusOf(a)).toEqual({ '/Response': 'valid', '/Response/Assertion': 'valid' });
    expect(a.verdicts[0]!.verifiedWith?.subject).toContain('idp-next');
  });

  it('reports a renewed certificate as untrusted with both fingerprints', async () => {
    const a = await verifySignatures(both(loadTestKey('idp-next')), { trusted: trust('idp'), binding: 'HTTP-POST' });
    expect(statusOf(a)['/Response']).toBe('untrusted');
    const p = a.problems.find((x) => x.rule === 'signature-untrusted')!;
    expect(p.severity).toBe('error');
    expect(p.message).toContain('rollover');
    expect(p.message).toContain(trust('idp-next')[0]!.info.sha256);
    expect(p.message).toContain(trust('idp')[0]!.info.sha256);
  });

  it('never trusts the KeyInfo certificate: the rogue key with its own cert is untrusted, without it invalid', async () => {
    const rogue = loadTestKey('rogue');
    const withCert = await verifySignatures(both(rogue), { trusted: trust('idp'), binding: 'HTTP-POST' });
    expect(Object.values(statusOf(withCert))).toEqual(['untrusted', 'untrusted']);
    expect(withCert.verdicts[0]!.keyInfoCertificate?.trusted).toBe(false);
    const bare = parsedOf(signXml(buildResponse({}), { key: rogue, targets: ['root'], keyInfo: false }));
    const without = await verifySignatures(bare, { trusted: trust('idp'), binding: 'HTTP-POST' });
    expect(without.verdicts[0]).toMatchObject({ status: 'invalid', failure: 'signature-value' });
    expect(errorsOf(without)).toEqual(['signature-invalid']);
  });

  it('tells a digest mismatch (content changed) from a signature-value mismatch (wrong key)', async () => {
    const xml = signXml(buildResponse({}), { key: loadTestKey('idp'), targets: ['assertion'] });
    const tampered = await verifySignatures(parsedOf(xml.replace('alice@', 'mallory@')), { trusted: trust('idp'), binding: 'HTTP-POST' });
    expect(tampered.verdicts[0]).toMatchObject({ status: 'invalid', failure: 'digest' });
    expect(tampered.problems[0]!.message).toContain('<Assertion> was changed after it was signed');
    const wrongKey = await verifySignatures(parsedOf(xml), { trusted: trust('rogue'), binding: 'HTTP-POST' });
    // the KeyInfo (idp) key verifies it, but it is not the trusted one
    expect(wrongKey.verdicts[0]).toMatchObject({ status: 'untrusted' });
    const alteredSignedInfo = xml.replace(/(<ds:SignatureValue>)(.)/, (_m, a: string, c: string) => a + (c === 'A' ? 'B' : 'A'));
    const sv = await verifySignatures(parsedOf(alteredSignedInfo), { trusted: trust('idp'), binding: 'HTTP-POST' });
    expect(sv.verdicts[0]).toMatchObject({ status: 'invalid', failure: 'signature-value' });
    expect(sv.problems[0]!.message).toContain('wrong or rolled-over certificate');
  });

  it('warns when the trusted certificate that verified has expired, without failing the signature', async () => {
    const a = await verifySignatures(both(), { trusted: trust('idp'), binding: 'HTTP-POST', at: new Date('2200-01-01T00:00:00Z') });
    expect(statusOf(a)['/Response']).toBe('valid');
    expect(a.problems.map((p) => [p.rule, p.severity])).toEqual([['certificate-expired', 'warning']]);
  });

  it('one bad signature is an error even when the other verifies', async () => {
    const xml = signXml(buildResponse({}), { key: loadTestKey('idp'), targets: ['root', 'assertion'] });
    // edit only the Response envelope: the assertion signature still verifies, the Response one does not
    const edited = parsedOf(xml.replace('</samlp:Status>', '<samlp:StatusMessage>edited</samlp:StatusMessage></samlp:Status>'));
    const a = await verifySignatures(edited, { trusted: trust('idp'), binding: 'HTTP-POST' });
    expect(statusOf(a)).toEqual({ '/Response': 'invalid', '/Response/Assertion': 'valid' });
    expect(errorsOf(a)).toEqual(['signature-invalid']);
  });
});

describe('HTTP-Redirect query signatures', () => {
  const idp = loadTestKey('idp');
  const query = encodeRedirectQuery(buildLogoutRequest({ issuer: 'https://idp.example.test/metadata' }), { param: 'SAMLRequest', relayState: 'state-1', key: idp });
  const check = async (q: string, trusted = trust('idp')) => {
    const { xml, redirect } = redirectOf(q);
    return verifySignatures(parsedOf(xml), { trusted, binding: 'HTTP-Redirect', redirect });
  };

  it('verifies over the raw octets', async () => {
    const a = await check(query);
    expect(a.verdicts).toEqual([expect.objectContaining({ form: 'redirect-query', status: 'valid', target: '/LogoutRequest' })]);
  });
  it('is invalid when any signed parameter changed', async () => {
    const a = await check(query.replace('state-1', 'state-2'));
    expect(a.verdicts[0]).toMatchObject({ status: 'invalid', failure: 'signature-value' });
    expect(errorsOf(a)).toEqual(['signature-invalid']);
  });
  it('is invalid with another key (SHA-1 variant reported weak)', async () => {
    const q = encodeRedirectQuery(buildLogoutRequest({}), { param: 'SAMLRequest', key: loadTestKey('rogue'), sigAlg: 'rsa-sha1' });
    const a = await check(q);
    expect(a.verdicts[0]!.status).toBe('invalid');
    expect(a.problems.map((p) => p.rule).sort()).toEqual(['signature-invalid', 'weak-algorithm']);
  });
  it('requires SigAlg', async () => {
    const a = await check(query.replace(/&SigAlg=[^&]*/, ''));
    expect(a.verdicts[0]).toMatchObject({ status: 'unchecked', failure: 'algorithm' });
    expect(errorsOf(a)).toEqual(['redirect-signature-missing-sigalg']);
  });
  it('cannot be checked without a trusted certificate (a query carries none)', async () => {
    const a = await check(query, []);
    expect(a.verdicts[0]).toMatchObject({ status: 'unchecked', failure: 'no-key' });
    expect(a.problems.map((p) => [p.rule, p.severity])).toEqual([['signature-untrusted', 'warning']]);
  });
});

describe('certificates', () => {
  const pem = loadTestKey('idp').certificatePem;
  const b64 = loadTestKey('idp').certificateBase64;
  const expected = parseCertificates(pem, 'x').certs[0]!.info;

  it('reads PEM, several PEM blocks, bare base64 with and without line breaks', () => {
    expect(expected.subject).toBe('CN=saml-lens test-only idp key, O=SAML Lens tests');
    expect(expected.sha256).toMatch(/^[0-9A-F]{64}$/);
    expect(expected.sha1).toMatch(/^[0-9A-F]{40}$/);
    expect(expected.notAfter).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const two = parseCertificates(pem + '\n' + loadTestKey('idp-next').certificatePem, 'x');
    expect(two.certs.map((c) => c.info.subject)).toEqual([expected.subject, expect.stringContaining('idp-next')]);
    expect(parseCertificates(b64, 'x').certs[0]!.info).toEqual(expected);
    expect(parseCertificates(b64.replace(/(.{64})/g, '$1\r\n'), 'x').certs[0]!.info).toEqual(expected);
  });

  it('matches fingerprints computed by node:crypto', async () => {
    const { X509Certificate } = await import('node:crypto');
    const x = new X509Certificate(pem);
    expect(expected.sha256).toBe(x.fingerprint256.replace(/:/g, ''));
    expect(expected.sha1).toBe(x.fingerprint.replace(/:/g, ''));
    expect(Date.parse(expected.notAfter!)).toBe(Date.parse(x.validTo));
  });

  it('reports bad text as a problem, never throws', () => {
    for (const bad of ['', 'hello world', 'AAAA', '-----BEGIN CERTIFICATE-----\nAAAA', loadTestKey('idp').privateKeyPem]) {
      const r = parseCertificates(bad, 'settings');
      expect(r.certs).toEqual([]);
      expect(r.problems.length, bad.slice(0, 20)).toBeGreaterThan(0);
      expect(r.problems[0]!.rule).toBe('certificate-invalid');
    }
  });
});
