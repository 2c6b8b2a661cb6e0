import { constants, createPrivateKey, generateKeyPairSync, publicEncrypt, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readPrivateKey } from '../../../lib/core/signature/private-key';
import { rsaKeyFromPkcs8, rsaPkcs1Decrypt } from '../../../lib/core/signature/rsa-pkcs1';
import { loadTestKey } from '../../../lib/samlgen';

const sp = loadTestKey('sp');
const key = rsaKeyFromPkcs8(readPrivateKey(sp.privateKeyPem).pkcs8!)!;

/** Raw RSA on a block we build ourselves, to present paddings a correct encryptor never makes. */
function rawEncrypt(block: Uint8Array): Uint8Array {
  return publicEncrypt({ key: sp.certificatePem, padding: constants.RSA_NO_PADDING }, block);
}

/** A 256-byte block: `head`, non-zero filler, then `tail`. */
function block(head: number[], tail: number[]): Uint8Array {
  const out = new Uint8Array(256).fill(0xab);
  out.set(head, 0);
  out.set(tail, 256 - tail.length);
  return out;
}

describe('RSA PKCS#1 v1.5 decryption', () => {
  it('reads the key numbers from PKCS#8 and from a PKCS#1 PEM alike', () => {
    expect(key.size).toBe(256);
    expect(key.p * key.q).toBe(key.n);
    const pkcs1 = createPrivateKey(sp.privateKeyPem).export({ type: 'pkcs1', format: 'pem' }) as string;
    expect(rsaKeyFromPkcs8(readPrivateKey(pkcs1).pkcs8!)).toEqual(key);
  });

  it('recovers what node:crypto encrypted, for several lengths and key sizes', () => {
    for (const bits of [1024, 2048, 3072]) {
      const pair = generateKeyPairSync('rsa', { modulusLength: bits });
      const k = rsaKeyFromPkcs8(new Uint8Array(pair.privateKey.export({ type: 'pkcs8', format: 'der' })))!;
      for (const length of [1, 16, 24, 32, 40]) {
        const secret = randomBytes(length);
        secret[0] = 0; // a leading zero byte must survive
        const c = publicEncrypt({ key: pair.publicKey, padding: constants.RSA_PKCS1_PADDING }, secret);
        expect(Buffer.from(rsaPkcs1Decrypt(k, c)!)).toEqual(secret);
      }
    }
  });

  it('a 2048-bit decryption takes milliseconds (CRT)', () => {
    const c = publicEncrypt({ key: sp.certificatePem, padding: constants.RSA_PKCS1_PADDING }, randomBytes(16));
    rsaPkcs1Decrypt(key, c);
    const start = performance.now();
    for (let i = 0; i < 5; i++) rsaPkcs1Decrypt(key, c);
    expect((performance.now() - start) / 5).toBeLessThan(50);
  });

  it('refuses blocks that are not type-2 padding', () => {
    const aes = Array.from(randomBytes(16));
    expect(rsaPkcs1Decrypt(key, rawEncrypt(block([0, 2], [0, ...aes])))).toHaveLength(16); // control
    expect(rsaPkcs1Decrypt(key, rawEncrypt(block([0, 1], [0, ...aes])))).toBeUndefined(); // type 1 (signature)
    expect(rsaPkcs1Decrypt(key, rawEncrypt(block([0, 2], [])))).toBeUndefined(); // no separator
    expect(rsaPkcs1Decrypt(key, rawEncrypt(block([0, 2, 1, 2, 3, 4, 5, 6, 7, 0], [])))).toBeUndefined(); // 7 padding bytes
  });

  it('refuses ciphertexts of the wrong length or not below the modulus', () => {
    const c = publicEncrypt({ key: sp.certificatePem, padding: constants.RSA_PKCS1_PADDING }, randomBytes(16));
    expect(rsaPkcs1Decrypt(key, c.subarray(1))).toBeUndefined();
    expect(rsaPkcs1Decrypt(key, new Uint8Array(256).fill(0xff))).toBeUndefined();
  });

  it('a key that is not RSA or not PKCS#8 gives no key, not an exception', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'der' });
    expect(rsaKeyFromPkcs8(new Uint8Array(ec))).toBeUndefined();
    expect(rsaKeyFromPkcs8(new Uint8Array([0x30, 0x03, 0x02, 0x01]))).toBeUndefined();
  });
});
