import type { HashName, SignatureAlgorithm } from './algorithms';
import { publicKeyOf } from './certificates';
import { primitives, type CryptoPrimitives } from './primitives';

/*
 * Importing a key costs more than verifying with it (about 0.1 ms of the 0.15 ms a check takes), and
 * callers hand us a fresh DER buffer for the same certificate on every call (settings are re-read per
 * analysis, KeyInfo is decoded per message). So the cache is keyed by the certificate's bytes, not by the
 * buffer object; bounded, oldest dropped.
 */
// By certificate, then by algorithm: the DER's string is the same object from call to call (derKeys), so its
// hash is computed once; a key joining it with the algorithm was a new string to hash at every verification.
const imported = new Map<string, Map<string, Promise<unknown>>>();
const IMPORTED_MAX = 64;
// Keys are the primitives' own objects: a switch of primitives starts the cache again.
let importedWith: CryptoPrimitives | undefined;

const derKeys = new WeakMap<Uint8Array, string>();

/** The DER bytes as a string map key (certificates are a few KB; this is cheaper than hashing them). */
function derKey(der: Uint8Array): string {
  let s = derKeys.get(der);
  if (s === undefined) {
    s = '';
    for (let i = 0; i < der.length; i += 0x2000) s += String.fromCharCode(...der.subarray(i, i + 0x2000));
    derKeys.set(der, s);
  }
  return s;
}

function importKey(certDer: Uint8Array, alg: SignatureAlgorithm): Promise<unknown> {
  const p = primitives();
  if (p !== importedWith) {
    imported.clear();
    importedWith = p;
  }
  const der = derKey(certDer);
  const how = `${alg.key}/${alg.hash}`;
  let byAlgorithm = imported.get(der);
  let key = byAlgorithm?.get(how);
  if (!key) {
    key = (async () => {
      try {
        const x = publicKeyOf(certDer);
        // Only an RSA key for an RSA method and an EC key of a known curve for ECDSA: never what the key is not.
        const k = x.key;
        if (k.kind === 'other' || k.kind !== alg.key) return undefined;
        return await p.importKey(x.spki, k, alg.hash);
      } catch {
        return undefined;
      }
    })();
    if (!byAlgorithm) {
      if (imported.size >= IMPORTED_MAX) imported.delete(imported.keys().next().value!);
      byAlgorithm = new Map();
      imported.set(der, byAlgorithm);
    }
    byAlgorithm.set(how, key);
  }
  return key;
}

/** True when `signature` over `data` verifies with the public key of a certificate's (or a bare key's) DER. Never throws. */
export async function verifyWithCertificate(
  certDer: Uint8Array,
  alg: SignatureAlgorithm,
  signature: Uint8Array,
  data: Uint8Array,
): Promise<boolean> {
  const key = await importKey(certDer, alg);
  if (key === undefined) return false;
  try {
    return (await primitives().verify(key, alg, signature, data)) === true;
  } catch {
    return false;
  }
}

const encoder = new TextEncoder();
/*
 * Where a text is encoded for `digest`, reused from call to call: digest reads its input before it returns
 * (WebCrypto copies it), and in the browser a fresh array per reference cost more than its encoding. Large
 * texts get an array of their own.
 */
let scratch = new Uint8Array(0);
const SCRATCH_MAX = 1 << 18;

function encodedForDigest(text: string): Uint8Array {
  // UTF-16 to UTF-8 takes at most three bytes per code unit.
  const most = text.length * 3;
  if (most > SCRATCH_MAX) return encoder.encode(text);
  if (scratch.length < most) scratch = new Uint8Array(Math.max(most, 4096));
  return scratch.subarray(0, encoder.encodeInto(text, scratch).written);
}

/** The digest of `text` as UTF-8 (canonical XML), encoded by the platform where it can. */
export async function digestText(hash: HashName, text: string): Promise<Uint8Array> {
  const p = primitives();
  return p.digestText ? p.digestText(hash, text) : p.digest(hash, encodedForDigest(text));
}
