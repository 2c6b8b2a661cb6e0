import { derChildren, derContent, readDer, type Der } from './der';

/*
 * RSA PKCS#1 v1.5 decryption (RFC 8017 §7.2.2) for XML Encryption's rsa-1_5 key transport, which WebCrypto
 * does not offer but older Shibboleth, python3-saml/OneLogin and some AD FS set-ups still send. BigInt
 * arithmetic with the CRT keeps a 2048-bit decryption at a few milliseconds. Bleichenbacher's padding
 * oracle needs an attacker who can submit chosen ciphertexts and watch the answers; an offline debugging
 * tool run by the key's owner is not such a service, so plain (non-constant-time) checks are fine here.
 */

export interface RsaPrivateKey {
  n: bigint;
  e: bigint;
  d: bigint;
  p: bigint;
  q: bigint;
  dp: bigint;
  dq: bigint;
  qinv: bigint;
  /** Modulus length in bytes (k in RFC 8017). */
  size: number;
}

function toBigInt(bytes: Uint8Array): bigint {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex ? BigInt(`0x${hex}`) : 0n;
}

function toBytes(value: bigint, size: number): Uint8Array | undefined {
  const hex = value.toString(16);
  if (hex.length > size * 2) return undefined;
  const padded = hex.padStart(size * 2, '0');
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = parseInt(padded.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function integer(node: Der | undefined): bigint {
  if (!node || node.tag !== 0x02) throw new Error('expected an INTEGER');
  return toBigInt(derContent(node));
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

/** The RSA private key inside a PKCS#8 PrivateKeyInfo; undefined when it is not one. */
export function rsaKeyFromPkcs8(pkcs8: Uint8Array): RsaPrivateKey | undefined {
  try {
    const info = derChildren(readDer(pkcs8));
    const octets = info[2];
    if (!octets || octets.tag !== 0x04) return undefined;
    const fields = derChildren(readDer(octets.bytes, octets.start));
    const [n, e, d, p, q, dp, dq, qinv] = fields.slice(1, 9).map(integer) as bigint[];
    if (fields.length < 9 || !n || !p || !q) return undefined;
    return { n, e: e!, d: d!, p, q, dp: dp!, dq: dq!, qinv: qinv!, size: Math.ceil(n.toString(16).length / 2) };
  } catch {
    return undefined;
  }
}

/**
 * The message inside a PKCS#1 v1.5 type-2 block, or undefined when the block is not one (the ciphertext
 * was made for another key, or altered).
 */
export function rsaPkcs1Decrypt(key: RsaPrivateKey, ciphertext: Uint8Array): Uint8Array | undefined {
  const em = rsaDecryptRaw(key, ciphertext);
  if (!em || em[0] !== 0x00 || em[1] !== 0x02) return undefined;
  const separator = em.indexOf(0x00, 2);
  // At least 8 bytes of non-zero padding (RFC 8017 §7.2.1).
  if (separator < 10) return undefined;
  return em.slice(separator + 1);
}

/** RSADP (RFC 8017 §5.1.2) with the CRT: the encoded message, k bytes, before any padding is read. */
export function rsaDecryptRaw(key: RsaPrivateKey, ciphertext: Uint8Array): Uint8Array | undefined {
  if (ciphertext.length !== key.size) return undefined;
  const c = toBigInt(ciphertext);
  if (c >= key.n) return undefined;
  const m1 = modPow(c, key.dp, key.p);
  const m2 = modPow(c, key.dq, key.q);
  const h = (key.qinv * (((m1 - m2) % key.p) + key.p)) % key.p;
  const m = m2 + h * key.q;
  // A key file with inconsistent CRT values would decrypt to garbage; checking m^e = c catches it.
  if (modPow(m, key.e, key.n) !== c) return undefined;
  return toBytes(m, key.size);
}
