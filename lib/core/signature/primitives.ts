import type { HashName, SignatureAlgorithm } from './algorithms';
import { buf } from './bytes';

/** A public key SAML Lens verifies with: RSA, or EC on a curve it knows (the kinds x509.ts reads). */
export type VerifyingKey = { kind: 'rsa' } | { kind: 'ec'; curve: 'P-256' | 'P-384' | 'P-521' };

/**
 * The arithmetic signature checks need, and nothing else: which key and algorithm may be used together, and
 * whether a key is trusted, is decided before a key reaches these functions. WebCrypto by default, as in the
 * extension. A platform may offer its own: the CLI uses Node's synchronous crypto, because loading WebCrypto
 * and a thread-pool round trip per call cost each cold start a few ms (`npm run bench -- --startup`).
 */
export interface CryptoPrimitives<Key = unknown> {
  /** The key of a SubjectPublicKeyInfo, for `hash` (WebCrypto binds an RSA key to one); throws when unusable. */
  importKey(spki: Uint8Array, key: VerifyingKey, hash: HashName): Key | Promise<Key>;
  /** RSASSA-PKCS1-v1_5, or ECDSA with XML-DSig's r||s signature value; false (or a throw) when it does not verify. */
  verify(key: Key, alg: SignatureAlgorithm, signature: Uint8Array, data: Uint8Array): boolean | Promise<boolean>;
  /** Reads `data` before it returns: the caller may write over those bytes once it has (keys.ts digestText). */
  digest(hash: HashName, data: Uint8Array): Uint8Array | Promise<Uint8Array>;
  /**
   * The digest of a text's UTF-8 bytes, for a platform that encodes as it hashes (Node): canonical XML is a
   * string, and encoding a 1 MB one in JavaScript first cost a copy and a tenth of the check. Without it, the
   * text is encoded with TextEncoder and given to `digest`.
   */
  digestText?(hash: HashName, text: string): Uint8Array | Promise<Uint8Array>;
}

export const webCryptoPrimitives: CryptoPrimitives<CryptoKey> = {
  importKey: (spki, key, hash) =>
    key.kind === 'rsa'
      ? crypto.subtle.importKey('spki', buf(spki), { name: 'RSASSA-PKCS1-v1_5', hash }, false, ['verify'])
      : crypto.subtle.importKey('spki', buf(spki), { name: 'ECDSA', namedCurve: key.curve }, false, ['verify']),
  // XML-DSig's ECDSA SignatureValue is r||s, the same raw form WebCrypto verifies.
  verify: (key, alg, signature, data) =>
    crypto.subtle.verify(alg.key === 'rsa' ? { name: 'RSASSA-PKCS1-v1_5' } : { name: 'ECDSA', hash: alg.hash }, key, buf(signature), buf(data)),
  digest: async (hash, data) => new Uint8Array(await crypto.subtle.digest(hash, buf(data))),
};

let current: CryptoPrimitives = webCryptoPrimitives as CryptoPrimitives;

/** The primitives in use now. */
export const primitives = (): CryptoPrimitives => current;

/** Makes signature checks use `p` from now on (keys imported with the previous ones are dropped). */
export function useCryptoPrimitives<Key>(p: CryptoPrimitives<Key>): void {
  current = p as CryptoPrimitives;
}
