import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type TestKeyName = 'idp' | 'idp-next' | 'rogue' | 'sp' | 'weak-512' | 'weak-1024';

export interface TestKey {
  name: TestKeyName;
  privateKeyPem: string;
  certificatePem: string;
  /** The certificate's DER as one line of base64, as IdP consoles export it and KeyInfo carries it. */
  certificateBase64: string;
}

const keysDir = new URL('../../test/keys/', import.meta.url);
const cache = new Map<TestKeyName, TestKey>();

/** The test-only keys in test/keys (see its README): never trusted outside tests and the demo. */
export function loadTestKey(name: TestKeyName): TestKey {
  const hit = cache.get(name);
  if (hit) return hit;
  const read = (file: string) => readFileSync(fileURLToPath(new URL(file, keysDir)), 'utf8');
  const certificatePem = read(`${name}.cert.pem`);
  const key: TestKey = {
    name,
    privateKeyPem: read(`${name}.key.pem`),
    certificatePem,
    certificateBase64: certificatePem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''),
  };
  cache.set(name, key);
  return key;
}
