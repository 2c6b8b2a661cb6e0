import { createCipheriv, createPublicKey, publicEncrypt, constants, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import xmlenc, { type EncryptionAlgorithm } from 'xml-encryption';
import { verifySignatures } from '../../../lib/core/signature';
import { buildResponse, loadTestKey, signXml } from '../../../lib/samlgen';
import { parsedOf, statusOf, trust } from './helpers';

const sp = loadTestKey('sp');
const idp = loadTestKey('idp');
const ASSERTION = /<saml:Assertion[\s\S]*<\/saml:Assertion>/;

function encryptWithLibrary(plain: string, encryptionAlgorithm: EncryptionAlgorithm): Promise<string> {
  return new Promise((resolve, reject) =>
    xmlenc.encrypt(
      plain,
      { rsa_pub: createPublicKey(sp.certificatePem).export({ type: 'spki', format: 'pem' }), pem: sp.certificatePem, encryptionAlgorithm, keyEncryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p' },
      (err: Error | null, result: string) => (err ? reject(err) : resolve(result)),
    ),
  );
}

/** AES-128-CBC with XML Encryption's padding: random filler bytes, only the last byte counts. */
function encryptWithXmlEncPadding(plain: string): string {
  const key = randomBytes(16);
  const iv = randomBytes(16);
  const data = Buffer.from(plain, 'utf8');
  const padLength = 16 - (data.length % 16);
  const padding = Buffer.concat([randomBytes(padLength - 1).map((b) => (b === padLength ? b ^ 0xff : b)), Buffer.from([padLength])]);
  const cipher = createCipheriv('aes-128-cbc', key, iv).setAutoPadding(false);
  const ct = Buffer.concat([iv, cipher.update(Buffer.concat([data, padding])), cipher.final()]);
  const wrapped = publicEncrypt({ key: sp.certificatePem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, key);
  return (
    `<xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" Type="http://www.w3.org/2001/04/xmlenc#Element">` +
    `<xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>` +
    `<ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><xenc:EncryptedKey><xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"/>` +
    `<xenc:CipherData><xenc:CipherValue>${wrapped.toString('base64')}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo>` +
    `<xenc:CipherData><xenc:CipherValue>${ct.toString('base64')}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData>`
  );
}

async function encryptedResponse(encrypt: (assertion: string) => Promise<string> | string): Promise<string> {
  const assertionSigned = signXml(buildResponse({ nameId: { value: 'bob@example.test' } }), { key: idp, targets: ['assertion'] });
  const assertion = ASSERTION.exec(assertionSigned)![0];
  const enc = await encrypt(assertion);
  const xml = assertionSigned.replace(ASSERTION, `<saml:EncryptedAssertion>${enc}</saml:EncryptedAssertion>`);
  return signXml(xml, { key: idp, targets: ['root'] });
}

describe('encrypted assertions', () => {
  for (const alg of ['aes128-cbc', 'aes256-cbc']) {
    it(`decrypts ${alg} (xml-encryption) with the SP key and verifies the inner signature`, async () => {
      const xml = await encryptedResponse((a) => encryptWithLibrary(a, `http://www.w3.org/2001/04/xmlenc#${alg}` as EncryptionAlgorithm));
      const a = await verifySignatures(parsedOf(xml), { trusted: trust('idp'), binding: 'HTTP-POST', spPrivateKeyPem: sp.privateKeyPem });
      expect(a.problems).toEqual([]);
      expect(statusOf(a)).toEqual({ '/Response': 'valid', '/Response/Assertion': 'valid' });
      expect(a.decrypted?.view.assertions[0]?.nameId?.value).toBe('bob@example.test');
    });
  }
  for (const alg of ['aes128-gcm', 'aes256-gcm']) {
    it(`decrypts ${alg}`, async () => {
      const xml = await encryptedResponse((a) => encryptWithLibrary(a, `http://www.w3.org/2009/xmlenc11#${alg}` as EncryptionAlgorithm));
      const a = await verifySignatures(parsedOf(xml), { trusted: trust('idp'), binding: 'HTTP-POST', spPrivateKeyPem: sp.privateKeyPem });
      expect(a.decrypted?.view.assertions[0]?.nameId?.value).toBe('bob@example.test');
      expect(statusOf(a)['/Response/Assertion']).toBe('valid');
    });
  }

  it('handles XML Encryption CBC padding that is not PKCS#7', async () => {
    const xml = await encryptedResponse(encryptWithXmlEncPadding);
    const a = await verifySignatures(parsedOf(xml), { trusted: trust('idp'), binding: 'HTTP-POST', spPrivateKeyPem: sp.privateKeyPem });
    expect(a.problems).toEqual([]);
    expect(a.decrypted?.view.assertions[0]?.nameId?.value).toBe('bob@example.test');
  });

  it('accepts a PKCS#1 ("RSA PRIVATE KEY") PEM', async () => {
    const pkcs1 = (await import('node:crypto')).createPrivateKey(sp.privateKeyPem).export({ type: 'pkcs1', format: 'pem' }) as string;
    const xml = await encryptedResponse(encryptWithXmlEncPadding);
    const a = await verifySignatures(parsedOf(xml), { trusted: trust('idp'), binding: 'HTTP-POST', spPrivateKeyPem: pkcs1 });
    expect(a.decrypted?.view.assertions[0]?.nameId?.value).toBe('bob@example.test');
  });

  it('a wrong key gives encryption-failed, the Response verdict stays', async () => {
    const xml = await encryptedResponse((a) => encryptWithLibrary(a, 'http://www.w3.org/2001/04/xmlenc#aes128-cbc'));
    const a = await verifySignatures(parsedOf(xml), { trusted: trust('idp'), binding: 'HTTP-POST', spPrivateKeyPem: loadTestKey('rogue').privateKeyPem });
    expect(a.decrypted).toBeUndefined();
    expect(a.problems).toEqual([expect.objectContaining({ rule: 'encryption-failed', severity: 'error', location: '/Response/EncryptedAssertion' })]);
    expect(a.problems[0]!.message).toContain('does not open the encrypted key');
    expect(statusOf(a)).toEqual({ '/Response': 'valid' });
  });

  it('RSA 1.5 key transport is reported as unsupported', async () => {
    const xml = await encryptedResponse(async (a) =>
      (await encryptWithLibrary(a, 'http://www.w3.org/2001/04/xmlenc#aes128-cbc')).replace('xmlenc#rsa-oaep-mgf1p', 'xmlenc#rsa-1_5'),
    );
    const a = await verifySignatures(parsedOf(xml.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '')), { trusted: trust('idp'), binding: 'HTTP-POST', spPrivateKeyPem: sp.privateKeyPem });
    expect(a.problems.map((p) => p.rule)).toEqual(['encryption-failed']);
    expect(a.problems[0]!.message).toContain('rsa-1_5');
  });
});
