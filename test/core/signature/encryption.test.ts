import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import xmlenc, { type EncryptionAlgorithm } from 'xml-encryption';
import { verifySignatures } from '../../../lib/core/signature';
import { loadTestKey } from '../../../lib/samlgen';
import { parsedOf, statusOf, trust } from './helpers';
import { encryptedResponse, encryptWithXmlEncPadding } from './encrypt';

const sp = loadTestKey('sp');

const RSA_OAEP = 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p';
const RSA_1_5 = 'http://www.w3.org/2001/04/xmlenc#rsa-1_5';

function encryptWithLibrary(plain: string, encryptionAlgorithm: EncryptionAlgorithm, keyEncryptionAlgorithm: string = RSA_OAEP): Promise<string> {
  return new Promise((resolve, reject) =>
    xmlenc.encrypt(
      plain,
      {
        rsa_pub: createPublicKey(sp.certificatePem).export({ type: 'spki', format: 'pem' }),
        pem: sp.certificatePem,
        encryptionAlgorithm,
        keyEncryptionAlgorithm,
        warnInsecureAlgorithm: false,
      } as Parameters<typeof xmlenc.encrypt>[1],
      (err: Error | null, result: string) => (err ? reject(err) : resolve(result)),
    ),
  );
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

  describe('RSA PKCS#1 v1.5 key transport (rsa-1_5)', () => {
    const rsa15 = (alg: string) => (a: string) => encryptWithLibrary(a, alg as EncryptionAlgorithm, RSA_1_5);

    for (const alg of ['http://www.w3.org/2001/04/xmlenc#aes128-cbc', 'http://www.w3.org/2001/04/xmlenc#aes256-cbc', 'http://www.w3.org/2009/xmlenc11#aes128-gcm']) {
      it(`decrypts ${alg.split('#')[1]} and verifies the inner signature`, async () => {
        const xml = await encryptedResponse(rsa15(alg));
        expect(xml).toContain('xmlenc#rsa-1_5');
        const a = await verifySignatures(parsedOf(xml), { trusted: trust('idp'), binding: 'HTTP-POST', spPrivateKeyPem: sp.privateKeyPem });
        expect(a.problems).toEqual([]);
        expect(statusOf(a)).toEqual({ '/Response': 'valid', '/Response/Assertion': 'valid' });
        expect(a.decrypted?.view.assertions[0]?.nameId?.value).toBe('bob@example.test');
      });
    }

    it('with a PKCS#1 ("RSA PRIVATE KEY") PEM', async () => {
      const pkcs1 = (await import('node:crypto')).createPrivateKey(sp.privateKeyPem).export({ type: 'pkcs1', format: 'pem' }) as string;
      const xml = await encryptedResponse(rsa15('http://www.w3.org/2001/04/xmlenc#aes128-cbc'));
      const a = await verifySignatures(parsedOf(xml), { trusted: trust('idp'), binding: 'HTTP-POST', spPrivateKeyPem: pkcs1 });
      expect(a.decrypted?.view.assertions[0]?.nameId?.value).toBe('bob@example.test');
    });

    it('a wrong key gives encryption-failed naming the key, the Response verdict stays', async () => {
      const xml = await encryptedResponse(rsa15('http://www.w3.org/2001/04/xmlenc#aes128-cbc'));
      const a = await verifySignatures(parsedOf(xml), { trusted: trust('idp'), binding: 'HTTP-POST', spPrivateKeyPem: loadTestKey('rogue').privateKeyPem });
      expect(a.decrypted).toBeUndefined();
      expect(a.problems).toEqual([expect.objectContaining({ rule: 'encryption-failed', severity: 'error', location: '/Response/EncryptedAssertion' })]);
      expect(a.problems[0]!.message).toContain('does not open the encrypted key');
      expect(statusOf(a)).toEqual({ '/Response': 'valid' });
    });

    it('an altered or truncated EncryptedKey gives encryption-failed, not an exception', async () => {
      const xml = await encryptedResponse(rsa15('http://www.w3.org/2001/04/xmlenc#aes128-cbc'));
      const unsigned = xml.replace(/<ds:Signature[\s\S]*?<\/ds:Signature>/, '');
      const keyValue = /(<e:EncryptedKey[\s\S]*?<e:CipherValue>)([^<]+)/;
      const flipped = unsigned.replace(keyValue, (_, head: string, b64: string) => {
        const bytes = Buffer.from(b64, 'base64');
        bytes[100] = bytes[100]! ^ 0x01;
        return head + bytes.toString('base64');
      });
      const truncated = unsigned.replace(keyValue, (_, head: string, b64: string) => head + Buffer.from(b64, 'base64').subarray(0, 128).toString('base64'));
      expect(flipped).not.toBe(unsigned);
      for (const variant of [flipped, truncated]) {
        const a = await verifySignatures(parsedOf(variant), { trusted: trust('idp'), binding: 'HTTP-POST', spPrivateKeyPem: sp.privateKeyPem });
        expect(a.decrypted === undefined).toBe(true);
        expect(a.problems.map((p) => p.rule)).toEqual(['encryption-failed']);
      }
    });
  });
});
