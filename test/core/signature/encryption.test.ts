import { constants, createCipheriv, createPublicKey, publicEncrypt, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import xmlenc, { type EncryptionAlgorithm } from 'xml-encryption';
import { verifySignatures } from '../../../lib/core/signature';
import { buildAssertion, buildResponse, loadTestKey, signXml } from '../../../lib/samlgen';
import { encryptAssertion } from '../../fixtures/forgeries/encrypt';
import { errorsOf, parsedOf, statusOf, trust } from './helpers';
import { encryptedResponse, encryptWithXmlEncPadding } from './encrypt';

const sp = loadTestKey('sp');
const idp = loadTestKey('idp');
const ASSERTION = /<saml:Assertion[\s\S]*<\/saml:Assertion>/;

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

  describe('an assertion encrypted for several recipients (saml-core §6.2: one EncryptedKey each, e.g. a key rollover)', () => {
    /** AES-128-GCM data with its key wrapped for the rogue key and for the SP key, laid out by `layout`. */
    function forTwo(layout: (rogue: string, ours: string, data: (keyInfo: string) => string) => string) {
      return encryptedResponse((assertion) => {
        const key = randomBytes(16);
        const iv = randomBytes(12);
        const cipher = createCipheriv('aes-128-gcm', key, iv);
        const ct = Buffer.concat([iv, cipher.update(assertion, 'utf8'), cipher.final(), cipher.getAuthTag()]);
        const wrap = (pem: string, id: string) =>
          `<xenc:EncryptedKey xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" Id="${id}" Recipient="${id}"><xenc:EncryptionMethod Algorithm="${RSA_OAEP}"/><xenc:CipherData><xenc:CipherValue>${publicEncrypt({ key: pem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, key).toString('base64')}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey>`;
        const data = (keyInfo: string) =>
          `<xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" Type="http://www.w3.org/2001/04/xmlenc#Element"><xenc:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#aes128-gcm"/><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">${keyInfo}</ds:KeyInfo><xenc:CipherData><xenc:CipherValue>${ct.toString('base64')}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData>`;
        return layout(wrap(loadTestKey('rogue').certificatePem, '_k_old'), wrap(sp.certificatePem, '_k_new'), data);
      });
    }

    it.each([
      ['beside the EncryptedData, named by a RetrievalMethod', (rogue: string, ours: string, data: (k: string) => string) => `${data('<ds:RetrievalMethod URI="#_k_new" Type="http://www.w3.org/2001/04/xmlenc#EncryptedKey"/>')}${rogue}${ours}`],
      ['beside the EncryptedData, ours second', (rogue: string, ours: string, data: (k: string) => string) => `${data('')}${rogue}${ours}`],
      ['both inside its KeyInfo, ours second', (rogue: string, ours: string, data: (k: string) => string) => data(`${rogue}${ours}`)],
    ])('the key for this SP opens it wherever it is listed: %s', async (_layout, layout) => {
      const a = await verifySignatures(parsedOf(await forTwo(layout)), { trusted: trust('idp'), binding: 'HTTP-POST', spPrivateKeyPem: sp.privateKeyPem });
      expect(a.problems).toEqual([]);
      expect(a.decrypted?.view.assertions[0]?.nameId?.value).toBe('bob@example.test');
      expect(statusOf(a)['/Response/Assertion']).toBe('valid');
    });

    it('a key that opens none of them still says so', async () => {
      const xml = await forTwo((rogue, ours, data) => `${data('')}${rogue}${ours}`);
      const a = await verifySignatures(parsedOf(xml), { trusted: trust('idp'), binding: 'HTTP-POST', spPrivateKeyPem: loadTestKey('idp').privateKeyPem });
      expect(a.problems.map((p) => p.rule)).toEqual(['encryption-failed']);
    });
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

describe('what decryption brings to light (issue 17, class 1)', () => {
  const RESPONSE_ID = '_r1b2c3d4e5f60718293a4b5c6d7e8f90';
  /** A Response (signed on its root with `rootKey`, or unsigned) whose only assertion is `plaintext`, encrypted for the SP. */
  function wrapEncrypted(plaintext: string, rootKey?: ReturnType<typeof loadTestKey>): string {
    const xml = buildResponse({ nameId: { value: 'victim@example.test' } }).replace(ASSERTION, () => encryptAssertion(plaintext, sp.certificatePem, 'unit'));
    return rootKey ? signXml(xml, { key: rootKey, targets: ['root'] }) : xml;
  }
  const assertion = (key: ReturnType<typeof loadTestKey>, assertionId?: string) =>
    ASSERTION.exec(signXml(buildResponse({ nameId: { value: 'victim@example.test' }, ...(assertionId ? { assertionId } : {}) }), { key, targets: ['assertion'] }))![0];

  it('reports wrapping in the decrypted document wherever it points, and judges the Response signature once', async () => {
    const a = await verifySignatures(parsedOf(wrapEncrypted(assertion(idp, RESPONSE_ID), idp)), { trusted: trust('idp'), binding: 'HTTP-POST', spPrivateKeyPem: sp.privateKeyPem });
    expect(a.decrypted).toBeDefined();
    // The duplicate ID is reported on the Response, outside the assertion, where it used to be dropped.
    expect(a.problems).toContainEqual(expect.objectContaining({ rule: 'signature-wrapping', severity: 'error', location: '/Response', message: expect.stringContaining(RESPONSE_ID) }));
    expect(a.verdicts.map((v) => `${v.target} ${v.status}`)).toEqual(['/Response valid', '/Response/Assertion unchecked']);
    expect(a.verdicts[1]?.reason).toMatch(/refused: the signed element shares its ID/);
  });

  it('reports a second assertion hidden in the encrypted data as wrapping', async () => {
    const forged = buildAssertion({ assertionId: '_forged', nameId: { value: 'victim@example.test' } });
    const a = await verifySignatures(parsedOf(wrapEncrypted(forged + assertion(idp))), { trusted: trust('idp'), binding: 'HTTP-POST', spPrivateKeyPem: sp.privateKeyPem });
    expect(a.problems).toContainEqual(expect.objectContaining({ rule: 'signature-wrapping', location: '/Response', message: expect.stringMatching(/2 assertions/) }));
  });

  it("judges the decrypted assertion's own signature like any other: the rogue key is untrusted", async () => {
    const a = await verifySignatures(parsedOf(wrapEncrypted(assertion(loadTestKey('rogue')))), { trusted: trust('idp'), binding: 'HTTP-POST', spPrivateKeyPem: sp.privateKeyPem });
    expect(statusOf(a)).toEqual({ '/Response/Assertion': 'untrusted' });
    expect(errorsOf(a)).toEqual(['signature-untrusted']);
  });
});
