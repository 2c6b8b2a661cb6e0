import { createPublicKey, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCertificates, verifySignatures } from '../../../lib/core/signature';
import { parseFingerprint } from '../../../lib/core/signature/fingerprint';
import { buildLogoutRequest, buildResponse, encodeRedirectQuery, loadTestKey, signXml, type TestKey } from '../../../lib/samlgen';
import { errorsOf, parsedOf, redirectOf, statusOf } from './helpers';

const idp = loadTestKey('idp');
const rogue = loadTestKey('rogue');
const cert = (k: TestKey) => new X509Certificate(k.certificatePem);
const spkiPem = (k: TestKey) => createPublicKey(k.certificatePem).export({ type: 'spki', format: 'pem' }) as string;
const pkcs1Pem = (k: TestKey) => createPublicKey(k.certificatePem).export({ type: 'pkcs1', format: 'pem' }) as string;
const spkiDerBase64 = (k: TestKey) => (createPublicKey(k.certificatePem).export({ type: 'spki', format: 'der' }) as Buffer).toString('base64');

const signed = (key: TestKey, keyInfo = true) => parsedOf(signXml(buildResponse({}), { key, targets: ['root', 'assertion'], keyInfo }));
const anchors = (...texts: string[]) => texts.flatMap((t, i) => parseCertificates(t, `configured certificate ${i + 1}`).certs);
const verify = (parsed: ReturnType<typeof signed>, ...texts: string[]) => verifySignatures(parsed, { trusted: anchors(...texts), binding: 'HTTP-POST' });

describe('reading trust anchors', () => {
  it.each([
    ['PEM PUBLIC KEY', () => spkiPem(idp), 'public-key'],
    ['PEM RSA PUBLIC KEY (PKCS#1)', () => pkcs1Pem(idp), 'public-key'],
    ['a public key as bare base64 DER (a DER file given to --idp-cert)', () => spkiDerBase64(idp), 'public-key'],
    ['SHA256:AB:CD:… (colon-separated)', () => `SHA256:${cert(idp).fingerprint256}`, 'fingerprint'],
    ['openssl x509 -fingerprint output', () => `sha256 Fingerprint=${cert(idp).fingerprint256}`, 'fingerprint'],
    ['bare lower-case hex', () => cert(idp).fingerprint256.replace(/:/g, '').toLowerCase(), 'fingerprint'],
    ['a SHA-1 fingerprint', () => `SHA1:${cert(idp).fingerprint}`, 'fingerprint'],
  ])('%s', (_name, text, kind) => {
    const { certs, problems } = parseCertificates(text(), 'test');
    expect(problems).toEqual([]);
    expect(certs.map((c) => c.kind)).toEqual([kind]);
  });

  it('a certificate and a fingerprint pasted together are both read', () => {
    const { certs, problems } = parseCertificates(`${idp.certificatePem}\nSHA256:${cert(rogue).fingerprint256}\n`, 'settings');
    expect(problems).toEqual([]);
    expect(certs.map((c) => c.kind ?? 'certificate')).toEqual(['certificate', 'fingerprint']);
  });

  it.each([
    ['a label that disagrees with the length', `SHA256:${'AB:'.repeat(19)}AB`],
    ['a length that is neither SHA-1 nor SHA-256', 'AB:CD:EF'],
    ['not hex', `SHA256:${'ZZ'.repeat(32)}`],
  ])('refuses %s as a fingerprint', (_name, text) => {
    expect(parseFingerprint(text)).toBeUndefined();
  });

  it('a private key is still refused, naming what is expected', () => {
    const { certs, problems } = parseCertificates(idp.privateKeyPem, 'test');
    expect(certs).toEqual([]);
    expect(problems[0]?.message).toMatch(/neither a certificate nor a public key/);
  });
});

describe('verifying with a bare public key', () => {
  it.each([
    ['PUBLIC KEY', () => spkiPem(idp)],
    ['RSA PUBLIC KEY', () => pkcs1Pem(idp)],
  ])('%s of the IdP: valid, and the reason says a public key verified', async (_n, text) => {
    const a = await verify(signed(idp, false), text());
    expect(statusOf(a)).toEqual({ '/Response': 'valid', '/Response/Assertion': 'valid' });
    expect(a.verdicts[0]!.reason).toMatch(/verified with the trusted public key \(SHA-256 of the key/);
    expect(a.problems).toEqual([]);
  });

  it('the KeyInfo certificate carrying the trusted key is marked trusted', async () => {
    const a = await verify(signed(idp), spkiPem(idp));
    expect(a.verdicts[0]!.keyInfoCertificate?.trusted).toBe(true);
    expect(a.verdicts[0]!.certificateSha256).toBe(cert(idp).fingerprint256.replace(/:/g, ''));
  });

  it('another key does not verify: invalid, as with a wrong certificate', async () => {
    const a = await verify(signed(rogue, false), spkiPem(idp));
    expect(statusOf(a)).toEqual({ '/Response': 'invalid', '/Response/Assertion': 'invalid' });
    expect(errorsOf(a)).toContain('signature-invalid');
  });

  it('verifies an HTTP-Redirect query signature too', async () => {
    const { xml, redirect } = redirectOf(encodeRedirectQuery(buildLogoutRequest({ issuer: 'https://idp.example.test/metadata' }), { param: 'SAMLRequest', relayState: 'r1', key: idp }));
    const a = await verifySignatures(parsedOf(xml), { trusted: anchors(pkcs1Pem(idp)), binding: 'HTTP-Redirect', redirect });
    expect(a.verdicts.find((v) => v.form === 'redirect-query')?.status).toBe('valid');
  });
});

describe('verifying with a certificate fingerprint', () => {
  it('SHA-256: the certificate in the message has it and its key verifies: valid, and the reason says so', async () => {
    const a = await verify(signed(idp), `SHA256:${cert(idp).fingerprint256}`);
    expect(statusOf(a)).toEqual({ '/Response': 'valid', '/Response/Assertion': 'valid' });
    expect(a.verdicts[0]!.reason).toMatch(/verified with the certificate in the message .*, whose SHA-256 fingerprint you trust from configured certificate 1/);
    expect(a.verdicts[0]!.verifiedWith?.subject).toContain('idp');
    expect(a.problems).toEqual([]);
  });

  it('SHA-1: valid, with a certificate-fingerprint-sha1 warning naming the SHA-256 one to use', async () => {
    const a = await verify(signed(idp), cert(idp).fingerprint);
    expect(statusOf(a)).toEqual({ '/Response': 'valid', '/Response/Assertion': 'valid' });
    const warnings = a.problems.filter((p) => p.rule === 'certificate-fingerprint-sha1');
    expect(warnings.map((p) => p.severity)).toEqual(['warning', 'warning']);
    expect(warnings[0]!.message).toContain(cert(idp).fingerprint256.replace(/:/g, ''));
  });

  it('a message signed with another certificate: untrusted, as a mismatched certificate is', async () => {
    const a = await verify(signed(rogue), `SHA256:${cert(idp).fingerprint256}`);
    expect(statusOf(a)).toEqual({ '/Response': 'untrusted', '/Response/Assertion': 'untrusted' });
    const p = a.problems.find((x) => x.rule === 'signature-untrusted')!;
    expect(p.severity).toBe('error');
    expect(p.message).toContain(`SHA-256 fingerprint ${cert(idp).fingerprint256.replace(/:/g, '')}`);
  });

  it('the genuine certificate copied into KeyInfo of a message signed with another key: never valid', async () => {
    const forged = parsedOf(signXml(buildResponse({}), { key: { ...rogue, certificatePem: idp.certificatePem }, targets: ['root', 'assertion'] }));
    const a = await verify(forged, `SHA256:${cert(idp).fingerprint256}`);
    expect(statusOf(a)).toEqual({ '/Response': 'invalid', '/Response/Assertion': 'invalid' });
    expect(errorsOf(a)).toContain('signature-invalid');
  });

  it('a message without a certificate cannot be checked against a fingerprint: an error, never valid', async () => {
    const a = await verify(signed(idp, false), `SHA256:${cert(idp).fingerprint256}`);
    expect(statusOf(a)).toEqual({ '/Response': 'unchecked', '/Response/Assertion': 'unchecked' });
    expect(a.problems.map((p) => [p.rule, p.severity])).toContainEqual(['signature-untrusted', 'error']);
    expect(a.verdicts[0]!.reason).toMatch(/only certificate fingerprints are trusted/);
  });

  it('the fingerprinted certificate need not be the first one KeyInfo carries', async () => {
    const xml = signXml(buildResponse({}), { key: idp, targets: ['root'] }).replace('<ds:X509Certificate>', `<ds:X509Certificate>${rogue.certificateBase64}</ds:X509Certificate><ds:X509Certificate>`);
    expect(xml).toContain(rogue.certificateBase64);
    const a = await verify(parsedOf(xml), `SHA256:${cert(idp).fingerprint256}`);
    expect(statusOf(a)).toEqual({ '/Response': 'valid' });
  });

  it('a fingerprint beside a certificate: either verifies', async () => {
    const a = await verify(signed(loadTestKey('idp-next')), idp.certificatePem, `SHA256:${cert(loadTestKey('idp-next')).fingerprint256}`);
    expect(statusOf(a)).toEqual({ '/Response': 'valid', '/Response/Assertion': 'valid' });
  });
});
