// RSA-OAEP with the digest and MGF1's hash chosen apart (Keycloak, OpenSAML asked for SHA-256): decoded by hand,
// checked against OpenSSL's encoder where it can make the same block, and end to end in an encrypted assertion.
import { constants, createHash, publicEncrypt, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifySignatures } from '../../../lib/core/signature';
import { rsaOaepDecrypt } from '../../../lib/core/signature/rsa-oaep';
import { rsaKeyFromPkcs8 } from '../../../lib/core/signature/rsa-pkcs1';
import { readPrivateKey } from '../../../lib/core/signature/private-key';
import { createCipheriv } from 'node:crypto';
import { loadTestKey } from '../../../lib/samlgen';
import { parsedOf, statusOf, trust } from './helpers';
import { encryptedResponse } from './encrypt';

const sp = loadTestKey('sp');
const key = rsaKeyFromPkcs8(readPrivateKey(sp.privateKeyPem).pkcs8!)!;
const NODE_HASH = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-512': 'sha512' } as const;
type Hash = keyof typeof NODE_HASH;

function mgf1(hash: Hash, seed: Buffer, length: number): Buffer {
  const parts: Buffer[] = [];
  for (let c = 0; Buffer.concat(parts).length < length; c++) {
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(c);
    parts.push(createHash(NODE_HASH[hash]).update(Buffer.concat([seed, counter])).digest());
  }
  return Buffer.concat(parts).subarray(0, length);
}

/** RFC 8017 §7.1.1 EME-OAEP encoding with two hashes, then raw RSA with the SP's public key. */
function oaepEncrypt(message: Buffer, digest: Hash, mgf: Hash, label: Uint8Array = new Uint8Array(0)): Buffer {
  const k = key.size;
  const hLen = createHash(NODE_HASH[digest]).digest().length;
  const db = Buffer.concat([createHash(NODE_HASH[digest]).update(label).digest(), Buffer.alloc(k - message.length - 2 * hLen - 2), Buffer.from([1]), message]);
  const seed = randomBytes(hLen);
  const maskedDb = Buffer.from(db.map((b, i) => b ^ mgf1(mgf, seed, db.length)[i]!));
  const maskedSeed = Buffer.from(seed.map((b, i) => b ^ mgf1(mgf, maskedDb, hLen)[i]!));
  return publicEncrypt({ key: sp.certificatePem, padding: constants.RSA_NO_PADDING }, Buffer.concat([Buffer.from([0]), maskedSeed, maskedDb]));
}

describe('RSA-OAEP decoding', () => {
  it.each<Hash>(['SHA-1', 'SHA-256', 'SHA-512'])("opens OpenSSL's OAEP block with %s for both hashes", async (hash) => {
    const secret = randomBytes(16);
    const wrapped = publicEncrypt({ key: sp.certificatePem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: NODE_HASH[hash] }, secret);
    expect(Buffer.from((await rsaOaepDecrypt(key, wrapped, hash, hash))!)).toEqual(secret);
  });

  it('opens a block with a SHA-256 digest and MGF1-SHA1, and refuses it under the wrong hashes, label or key', async () => {
    const secret = randomBytes(32);
    const wrapped = oaepEncrypt(secret, 'SHA-256', 'SHA-1');
    expect(Buffer.from((await rsaOaepDecrypt(key, wrapped, 'SHA-256', 'SHA-1'))!)).toEqual(secret);
    expect(await rsaOaepDecrypt(key, wrapped, 'SHA-256', 'SHA-256')).toBeUndefined();
    expect(await rsaOaepDecrypt(key, wrapped, 'SHA-256', 'SHA-1', new Uint8Array([1]))).toBeUndefined();
    const rogue = rsaKeyFromPkcs8(readPrivateKey(loadTestKey('rogue').privateKeyPem).pkcs8!)!;
    expect(await rsaOaepDecrypt(rogue, wrapped, 'SHA-256', 'SHA-1')).toBeUndefined();
  });
});

describe('encrypted assertions whose key transport mixes hashes', () => {
  /** AES-128-CBC data, its key wrapped with `keyMethod`'s OAEP parameters. */
  const encrypt = (keyMethod: string, digest: Hash, mgf: Hash, label?: Buffer) => (assertion: string) => {
    const aes = randomBytes(16);
    const iv = randomBytes(16);
    const cipher = createCipheriv('aes-128-cbc', aes, iv);
    const ct = Buffer.concat([iv, cipher.update(assertion, 'utf8'), cipher.final()]);
    return (
      `<xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" Type="http://www.w3.org/2001/04/xmlenc#Element"><xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>` +
      `<ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><xenc:EncryptedKey>${keyMethod}` +
      `<xenc:CipherData><xenc:CipherValue>${oaepEncrypt(aes, digest, mgf, label).toString('base64')}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo>` +
      `<xenc:CipherData><xenc:CipherValue>${ct.toString('base64')}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData>`
    );
  };
  const DS = 'xmlns:ds="http://www.w3.org/2000/09/xmldsig#"';
  const SHA256 = `<ds:DigestMethod ${DS} Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>`;

  it.each<[string, string, Hash, Hash, Buffer?]>([
    ['rsa-oaep-mgf1p with a SHA-256 digest (MGF1-SHA1, as the spec says)', `<xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p">${SHA256}</xenc:EncryptionMethod>`, 'SHA-256', 'SHA-1'],
    ['rsa-oaep-mgf1p with a SHA-256 digest, encoded with MGF1-SHA256 as OpenSSL-based encoders do', `<xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p">${SHA256}</xenc:EncryptionMethod>`, 'SHA-256', 'SHA-256'],
    ['xenc11 rsa-oaep with a SHA-256 digest and the default MGF (MGF1-SHA1)', `<xenc:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#rsa-oaep">${SHA256}</xenc:EncryptionMethod>`, 'SHA-256', 'SHA-1'],
    ['xenc11 rsa-oaep with an OAEPparams label', `<xenc:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#rsa-oaep">${SHA256}<xenc11:MGF xmlns:xenc11="http://www.w3.org/2009/xmlenc11#" Algorithm="http://www.w3.org/2009/xmlenc11#mgf1sha256"/><xenc:OAEPparams>${Buffer.from('label').toString('base64')}</xenc:OAEPparams></xenc:EncryptionMethod>`, 'SHA-256', 'SHA-256', Buffer.from('label')],
  ])('%s: decrypted, the inner signature valid', async (_name, method, digest, mgf, label) => {
    const xml = await encryptedResponse(encrypt(method, digest, mgf, label));
    const a = await verifySignatures(parsedOf(xml), { trusted: trust('idp'), binding: 'HTTP-POST', spPrivateKeyPem: sp.privateKeyPem });
    expect(a.problems).toEqual([]);
    expect(a.decrypted?.view.assertions[0]?.nameId?.value).toBe('bob@example.test');
    expect(statusOf(a)['/Response/Assertion']).toBe('valid');
  });
});
