// SAML Lens in Node (the CLI and the package) verifies with Node's crypto, the extension with WebCrypto: both must reach the same verdict on every
// signature fixture (genuine, tampered, forged, weak), and agree on the primitives themselves.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeCryptoPrimitives } from '../../lib/node/crypto';
import { SIGNATURE_ALGORITHMS, type HashName } from '../../lib/core/signature/algorithms';
import { digestText } from '../../lib/core/signature/keys';
import { primitives, useCryptoPrimitives, webCryptoPrimitives, type CryptoPrimitives, type VerifyingKey } from '../../lib/core/signature/primitives';
import type { Fixture } from '../fixtures/attacks';
import { errorsOf, fixturesDir, readFixture, runFixture, statusOf, trust } from '../core/signature/helpers';

const manifest = JSON.parse(readFileSync(`${fixturesDir}manifest.json`, 'utf8')) as Array<Omit<Fixture, 'content'>>;
const both: Array<[string, CryptoPrimitives]> = [
  ['WebCrypto', webCryptoPrimitives as CryptoPrimitives],
  ['Node crypto', nodeCryptoPrimitives as CryptoPrimitives],
];
const initial = primitives();
afterEach(() => useCryptoPrimitives(initial));

describe('Node crypto and WebCrypto give the same verdicts', () => {
  for (const entry of manifest) {
    it(entry.file, async () => {
      const outcomes = [];
      for (const [, p] of both) {
        useCryptoPrimitives(p);
        const run = await runFixture({ kind: entry.kind, content: readFixture(entry.file) }, trust('idp'));
        outcomes.push(run.analysis ? { status: statusOf(run.analysis), errors: errorsOf(run.analysis).sort() } : { parseErrors: run.parseErrors });
      }
      expect(outcomes[1]).toEqual(outcomes[0]);
    });
  }
});

const uri = (key: 'rsa' | 'ec', hash: HashName) => Object.values(SIGNATURE_ALGORITHMS).find((a) => a.key === key && a.hash === hash)!;
const data = new TextEncoder().encode('<ds:SignedInfo>signed octets</ds:SignedInfo>');

describe.each(both)('%s primitives', (_name, p) => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const rsaSpki = new Uint8Array(rsa.publicKey.export({ type: 'spki', format: 'der' }));

  it('digests as FIPS 180 says ("abc")', async () => {
    const abc = new TextEncoder().encode('abc');
    const hex = async (hash: HashName) => Buffer.from(await p.digest(hash, abc)).toString('hex');
    expect(await hex('SHA-1')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(await hex('SHA-256')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect((await hex('SHA-384')).slice(0, 16)).toBe('cb00753f45a35e8b');
    expect((await hex('SHA-512')).slice(0, 16)).toBe('ddaf35a193617aba');
  });

  it('digests a text as its UTF-8 bytes (canonical XML with non-ASCII and astral characters)', async () => {
    const text = '<a b="é">ü 😀 \u2028 &amp;</a>'.repeat(1000);
    const bytes = new TextEncoder().encode(text);
    useCryptoPrimitives(p);
    for (const hash of ['SHA-1', 'SHA-256'] as const) {
      const hex = Buffer.from(await digestText(hash, text)).toString('hex');
      expect(hex).toBe(createHash(hash.replace('-', '').toLowerCase()).update(bytes).digest('hex'));
    }
  });

  for (const hash of ['SHA-1', 'SHA-256', 'SHA-512'] as const) {
    it(`verifies RSA PKCS#1 v1.5 with ${hash}, and nothing altered`, async () => {
      const alg = uri('rsa', hash);
      const sig = new Uint8Array(sign(hash.replace('-', '').toLowerCase(), data, rsa.privateKey));
      const key = await p.importKey(rsaSpki, { kind: 'rsa' }, hash);
      expect(await p.verify(key, alg, sig, data)).toBe(true);
      const flipped = sig.slice();
      flipped[10]! ^= 1;
      expect(await Promise.resolve(p.verify(key, alg, flipped, data)).catch(() => false)).toBe(false);
      expect(await Promise.resolve(p.verify(key, alg, sig, data.subarray(1))).catch(() => false)).toBe(false);
    });
  }

  for (const [curve, hash] of [['P-256', 'SHA-256'], ['P-384', 'SHA-384'], ['P-521', 'SHA-512']] as const) {
    it(`verifies ECDSA ${curve} with an r||s value, not a DER one`, async () => {
      const ec = generateKeyPairSync('ec', { namedCurve: curve });
      const spki = new Uint8Array(ec.publicKey.export({ type: 'spki', format: 'der' }));
      const alg = uri('ec', hash);
      const nodeHash = hash.replace('-', '').toLowerCase();
      const key = await p.importKey(spki, { kind: 'ec', curve } as VerifyingKey, hash);
      expect(await p.verify(key, alg, new Uint8Array(sign(nodeHash, data, { key: ec.privateKey, dsaEncoding: 'ieee-p1363' })), data)).toBe(true);
      const der = new Uint8Array(sign(nodeHash, data, ec.privateKey));
      expect(await Promise.resolve(p.verify(key, alg, der, data)).catch(() => false)).toBe(false);
    });
  }

  it('refuses to import a key as what it is not', async () => {
    await expect(Promise.resolve().then(() => p.importKey(rsaSpki, { kind: 'ec', curve: 'P-256' }, 'SHA-256'))).rejects.toThrow();
  });
});
