// Signature arithmetic in Node with Node's own crypto (OpenSSL, as under Node's WebCrypto): synchronous, so a
// check makes no thread-pool round trip per digest and verification (a warm check of a typical Response takes
// about a quarter less, `npm run bench -- --c-floor`), and loaded only when a message is signed
// (process.getBuiltinModule, not an import: --version and unsigned messages never pay for it). WebCrypto's
// wrappers cost a cold start about 2.5 ms more (`npm run bench -- --startup`).
import type { KeyObject } from 'node:crypto';
import type { CryptoPrimitives } from '../core/signature/primitives';

type NodeCrypto = typeof import('node:crypto');
let loaded: NodeCrypto | undefined;
const nodeCrypto = (): NodeCrypto => (loaded ??= process.getBuiltinModule('node:crypto') as NodeCrypto);

const HASH = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' } as const;

// The digest as a 'binary' (latin1) string, one character per byte, copied into an array of at most 64 bytes, which V8
// keeps in its heap: a Buffer result is memory outside it, about 1 µs more per digest.
const hashed = (hash: keyof typeof HASH, data: Uint8Array | string): Uint8Array => {
  const chars = nodeCrypto().hash(HASH[hash], data, 'binary');
  const out = new Uint8Array(chars.length);
  for (let i = 0; i < chars.length; i++) out[i] = chars.charCodeAt(i);
  return out;
};

export const nodeCryptoPrimitives: CryptoPrimitives<KeyObject> = {
  importKey: (spki, key) => {
    const k = nodeCrypto().createPublicKey({ key: Buffer.from(spki.buffer, spki.byteOffset, spki.byteLength), format: 'der', type: 'spki' });
    // The same refusal as WebCrypto's import: the key must be what the caller read it to be.
    if (k.asymmetricKeyType !== key.kind) throw new Error(`a ${k.asymmetricKeyType} key, not ${key.kind}`);
    return k;
  },
  // Without a padding option an RSA key verifies PKCS#1 v1.5; XML-DSig's ECDSA value is r||s (IEEE P1363).
  verify: (key, alg, signature, data) =>
    nodeCrypto().verify(HASH[alg.hash], data, alg.key === 'ec' ? { key, dsaEncoding: 'ieee-p1363' } : key, signature),
  digest: (hash, data) => hashed(hash, data),
  // A string is hashed as its UTF-8 bytes, encoded in C++ as it goes.
  digestText: (hash, text) => hashed(hash, text),
};
