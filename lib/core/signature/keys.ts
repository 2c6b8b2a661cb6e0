import type { SignatureAlgorithm } from './algorithms';
import { buf } from './bytes';
import { x509Of } from './certificates';

// Importing a key costs more than verifying with it: keep one per certificate and algorithm.
const imported = new WeakMap<Uint8Array, Map<string, Promise<CryptoKey | undefined>>>();

function importKey(certDer: Uint8Array, alg: SignatureAlgorithm): Promise<CryptoKey | undefined> {
  let perCert = imported.get(certDer);
  if (!perCert) imported.set(certDer, (perCert = new Map()));
  const cacheKey = `${alg.key}/${alg.hash}`;
  let key = perCert.get(cacheKey);
  if (!key) {
    key = (async () => {
      try {
        const x = x509Of(certDer);
        if (alg.key === 'rsa' && x.key.kind === 'rsa') {
          return await crypto.subtle.importKey('spki', buf(x.spki), { name: 'RSASSA-PKCS1-v1_5', hash: alg.hash }, false, ['verify']);
        }
        if (alg.key === 'ec' && x.key.kind === 'ec') {
          return await crypto.subtle.importKey('spki', buf(x.spki), { name: 'ECDSA', namedCurve: x.key.curve }, false, ['verify']);
        }
        return undefined;
      } catch {
        return undefined;
      }
    })();
    perCert.set(cacheKey, key);
  }
  return key;
}

/** True when `signature` over `data` verifies with the certificate's public key. Never throws. */
export async function verifyWithCertificate(
  certDer: Uint8Array,
  alg: SignatureAlgorithm,
  signature: Uint8Array,
  data: Uint8Array,
): Promise<boolean> {
  const key = await importKey(certDer, alg);
  if (!key) return false;
  try {
    // XML-DSig's ECDSA SignatureValue is r||s, the same raw form WebCrypto verifies.
    const params = alg.key === 'rsa' ? { name: 'RSASSA-PKCS1-v1_5' } : { name: 'ECDSA', hash: alg.hash };
    return await crypto.subtle.verify(params, key, buf(signature), buf(data));
  } catch {
    return false;
  }
}

export async function digestBytes(hash: string, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(hash, buf(data)));
}
