import { base64ToBytes } from './bytes';
import { concatBytes, derEncode } from './der';

const RSA_ALGORITHM_ID = new Uint8Array([0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00]);

/** PKCS#8 DER of an SP private key given as PEM (PKCS#8 or PKCS#1) or bare base64; or why not. */
export function readPrivateKey(text: string): { pkcs8?: Uint8Array; why?: string } {
  const m = /-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
  const label = m?.[1];
  if (label === 'ENCRYPTED PRIVATE KEY') return { why: 'the private key is password-protected; export it without a password (it stays in memory on this machine)' };
  if (m && label !== 'PRIVATE KEY' && label !== 'RSA PRIVATE KEY') return { why: `a PEM "${label}" block is not a private key` };
  const der = base64ToBytes(m ? m[2]! : text);
  if (!der) return { why: 'the private key is neither PEM nor base64' };
  if (label === 'RSA PRIVATE KEY') {
    // WebCrypto imports PKCS#8 only: wrap PKCS#1 RSAPrivateKey in a PrivateKeyInfo.
    const version = new Uint8Array([0x02, 0x01, 0x00]);
    return { pkcs8: derEncode(0x30, concatBytes(version, RSA_ALGORITHM_ID, derEncode(0x04, der))) };
  }
  return { pkcs8: der };
}
