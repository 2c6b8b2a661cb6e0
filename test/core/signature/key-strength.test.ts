// Issue 17 (class 9): a trusted RSA key shorter than 2048 bits proves nothing, so what verifies only with it
// is never `valid`; and a query signature over repeated parameters is refused whatever it verifies with.
import { describe, expect, it } from 'vitest';
import { verifySignatures } from '../../../lib/core/signature';
import { x509Of } from '../../../lib/core/signature/certificates';
import { buildAuthnRequest, buildLogoutRequest, buildResponse, encodeRedirectQuery, loadTestKey, signXml, type TestKeyName } from '../../../lib/samlgen';
import { errorsOf, parsedOf, redirectOf, statusOf, trust } from './helpers';

const IDP = 'https://idp.example.test/metadata';

describe('RSA key size', () => {
  it('is read from the certificate (the modulus length in its SPKI)', () => {
    const bits = (name: TestKeyName) => {
      const key = x509Of(trust(name)[0]!.der).key;
      return key.kind === 'rsa' ? key.bits : undefined;
    };
    expect([bits('weak-512'), bits('weak-1024'), bits('idp'), bits('sp')]).toEqual([512, 1024, 2048, 2048]);
  });
});

describe('signatures that verify only with a trusted key too weak to trust', () => {
  const response = (key: TestKeyName) => signXml(buildResponse({}), { key: loadTestKey(key), targets: ['root', 'assertion'] });
  const query = (key: TestKeyName) => encodeRedirectQuery(buildLogoutRequest({ issuer: IDP }), { param: 'SAMLRequest', relayState: 'r1', key: loadTestKey(key) });
  const checkQuery = (q: string, ...trusted: TestKeyName[]) => {
    const { xml, redirect } = redirectOf(q);
    return verifySignatures(parsedOf(xml), { trusted: trust(...trusted), binding: 'HTTP-Redirect', redirect });
  };

  for (const key of ['weak-512', 'weak-1024'] as const) {
    const bits = key.slice('weak-'.length);
    it(`XML, ${bits} bits: untrusted, with an error that names the key size`, async () => {
      const a = await verifySignatures(parsedOf(response(key)), { trusted: trust(key), binding: 'HTTP-POST' });
      expect(statusOf(a)).toEqual({ '/Response': 'untrusted', '/Response/Assertion': 'untrusted' });
      expect(errorsOf(a)).toEqual(['certificate-key-weak', 'certificate-key-weak']);
      expect(a.problems[0]?.message).toContain(`RSA key is ${bits} bits: too weak to trust`);
      expect(a.verdicts[0]?.reason).toContain(`${bits}-bit RSA key is too weak to trust`);
      expect(a.verdicts[0]?.verifiedWith).toBeUndefined();
    });

    it(`HTTP-Redirect, ${bits} bits: untrusted, with an error`, async () => {
      const a = await checkQuery(query(key), key);
      expect(a.verdicts).toEqual([expect.objectContaining({ form: 'redirect-query', status: 'untrusted' })]);
      expect(errorsOf(a)).toEqual(['certificate-key-weak']);
    });
  }

  it('a 2048-bit key is fine: valid and quiet', async () => {
    const a = await verifySignatures(parsedOf(response('idp')), { trusted: trust('idp'), binding: 'HTTP-POST' });
    expect(statusOf(a)).toEqual({ '/Response': 'valid', '/Response/Assertion': 'valid' });
    expect(a.problems).toEqual([]);
  });

  it('a strong trusted key that verifies wins over a weak one also trusted', async () => {
    const a = await checkQuery(query('idp'), 'weak-512', 'idp');
    expect(a.verdicts[0]?.status).toBe('valid');
    expect(a.problems).toEqual([]);
  });

  it('a weak trusted key does not make a signature by another key anything but invalid', async () => {
    const a = await checkQuery(query('rogue'), 'weak-1024');
    expect(a.verdicts[0]?.status).toBe('invalid');
    expect(errorsOf(a)).toEqual(['signature-invalid']);
  });

  it('content changed after a weak-key signature: still a digest error', async () => {
    const a = await verifySignatures(parsedOf(response('weak-1024').replace('alice@example.test', 'admin@example.test')), { trusted: trust('weak-1024'), binding: 'HTTP-POST' });
    expect(statusOf(a)['/Response/Assertion']).toBe('invalid');
    expect(errorsOf(a)).toContain('signature-invalid');
  });

  it("the SP's weak key is the IdP's to judge: a warning, and still not valid", async () => {
    const signed = signXml(buildAuthnRequest(), { key: loadTestKey('weak-1024'), targets: ['root'] });
    const a = await verifySignatures(parsedOf(signed), { trusted: trust('weak-1024'), binding: 'HTTP-POST', signer: 'sp' });
    expect(statusOf(a)).toEqual({ '/AuthnRequest': 'untrusted' });
    expect(a.problems.map((p) => [p.rule, p.severity])).toEqual([['certificate-key-weak', 'warning']]);
  });
});

describe('a query signature over repeated parameters', () => {
  it('is refused even though it verifies over the first copies', async () => {
    const q = `${encodeRedirectQuery(buildLogoutRequest({ issuer: IDP }), { param: 'SAMLRequest', relayState: 'r1', key: loadTestKey('idp') })}&RelayState=r2`;
    const { xml, redirect } = redirectOf(q);
    const a = await verifySignatures(parsedOf(xml), { trusted: trust('idp'), binding: 'HTTP-Redirect', redirect });
    expect(a.verdicts).toEqual([expect.objectContaining({ form: 'redirect-query', status: 'unchecked', failure: 'structure', reason: expect.stringMatching(/^refused: the query carries RelayState 2 times/) })]);
  });
});
