import type { HashName } from './algorithms';
import { rsaDecryptRaw, type RsaPrivateKey } from './rsa-pkcs1';

/*
 * RSA-OAEP decryption (RFC 8017 §7.1.2) with the OAEP digest and MGF1's hash chosen apart, as XML Encryption
 * allows (rsa-oaep-mgf1p with a SHA-256 DigestMethod keeps MGF1-SHA1; xenc11#rsa-oaep names both). WebCrypto
 * takes one hash for both, yet Keycloak and OpenSAML send such mixes when asked for SHA-256. The decoding
 * checks every byte the RFC names; this runs offline for the key's owner, so it is not a padding oracle.
 */

const LENGTH: Record<HashName, number> = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

async function hash(name: HashName, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(name, data as Uint8Array<ArrayBuffer>));
}

/** MGF1 (RFC 8017 §B.2.1): `length` bytes from `seed`. */
async function mgf1(name: HashName, seed: Uint8Array, length: number): Promise<Uint8Array> {
  const out = new Uint8Array(length);
  const block = new Uint8Array(seed.length + 4);
  block.set(seed);
  for (let counter = 0, at = 0; at < length; counter++) {
    new DataView(block.buffer).setUint32(seed.length, counter);
    const t = await hash(name, block);
    out.set(t.subarray(0, Math.min(t.length, length - at)), at);
    at += t.length;
  }
  return out;
}

/** The message inside an OAEP block, or undefined when the block is not one for this key and these hashes. */
export async function rsaOaepDecrypt(key: RsaPrivateKey, ciphertext: Uint8Array, digest: HashName, mgf: HashName, label: Uint8Array = new Uint8Array(0)): Promise<Uint8Array | undefined> {
  const hLen = LENGTH[digest];
  const k = key.size;
  if (k < 2 * hLen + 2) return undefined;
  const em = rsaDecryptRaw(key, ciphertext);
  if (!em) return undefined;
  const maskedSeed = em.subarray(1, 1 + hLen);
  const maskedDb = em.subarray(1 + hLen);
  const seedMask = await mgf1(mgf, maskedDb, hLen);
  const seed = maskedSeed.map((b, i) => b ^ seedMask[i]!);
  const dbMask = await mgf1(mgf, seed, k - hLen - 1);
  const db = maskedDb.map((b, i) => b ^ dbMask[i]!);
  const lHash = await hash(digest, label);
  let bad = em[0]! !== 0;
  for (let i = 0; i < hLen; i++) bad ||= db[i] !== lHash[i];
  let one = -1;
  for (let i = hLen; i < db.length && one < 0; i++) {
    if (db[i] === 0x01) one = i;
    else if (db[i] !== 0x00) bad = true;
  }
  return bad || one < 0 ? undefined : db.slice(one + 1);
}
