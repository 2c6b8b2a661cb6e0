import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { CertificateInfo, Problem } from '../model';
import { base64ToBytes, bytesToBase64, bytesToHex } from './bytes';
import { concatBytes, derEncode } from './der';
import { parseFingerprint, type Fingerprint } from './fingerprint';
import { primitives } from './primitives';
import { readSpki, readX509, type X509 } from './x509';

/**
 * What the user trusts as the signer's key (several allowed: rollover): a certificate, a bare public key, or
 * the fingerprint of a certificate (SP configurations often hold only that).
 */
export interface TrustedCertificate {
  /** The certificate's DER; a bare public key's SubjectPublicKeyInfo DER; empty for a fingerprint. */
  der: Uint8Array;
  /**
   * The certificate described. For a public key: the key's SHA-256/SHA-1 (of its SPKI), no names or dates.
   * For a fingerprint: only the hash it gives (the other one empty).
   */
  info: CertificateInfo;
  /** Where it came from, e.g. 'options', 'settings', 'IdP metadata'. */
  source: string;
  /** Absent for a certificate. */
  kind?: 'public-key' | 'fingerprint';
  fingerprint?: Fingerprint;
}

const parsedX509 = new WeakMap<Uint8Array, X509>();

/** Parsed once per DER buffer: verification looks the key up on every signature. */
export function x509Of(der: Uint8Array): X509 {
  let x = parsedX509.get(der);
  if (!x) {
    x = readX509(der);
    parsedX509.set(der, x);
  }
  return x;
}

const parsedKeys = new WeakMap<Uint8Array, Pick<X509, 'spki' | 'key'>>();

/** The public key of a certificate's DER or of a bare SubjectPublicKeyInfo's. Throws when it is neither. */
export function publicKeyOf(der: Uint8Array): Pick<X509, 'spki' | 'key'> {
  let k = parsedKeys.get(der);
  if (!k) {
    try {
      k = x509Of(der);
    } catch (e) {
      try {
        k = readSpki(der);
      } catch {
        throw e;
      }
    }
    parsedKeys.set(der, k);
  }
  return k;
}

/** Describes a DER certificate; throws when it is not one (callers report). */
export function describeCertificate(der: Uint8Array, trusted: boolean): CertificateInfo {
  // Sync hashes: parseCertificates is synchronous and runs in the extension too.
  return certificateInfo(x509Of(der), sha256(der), sha1(der), trusted);
}

function certificateInfo(x: X509, sha256Digest: Uint8Array, sha1Digest: Uint8Array, trusted: boolean): CertificateInfo {
  return {
    sha256: bytesToHex(sha256Digest),
    sha1: bytesToHex(sha1Digest),
    subject: x.subject,
    issuer: x.issuer,
    notBefore: x.notBefore,
    notAfter: x.notAfter,
    trusted,
  };
}

/**
 * describeCertificate with the platform's digests (primitives.ts), for the certificate a message carries
 * (verification is async anyway): hashing in JavaScript runs in the interpreter at a cold start and cost each
 * CLI start a few ms.
 */
export async function describeCertificateAsync(der: Uint8Array, trusted: boolean): Promise<CertificateInfo> {
  const x = x509Of(der);
  const p = primitives();
  const [sha256Digest, sha1Digest] = await Promise.all([p.digest('SHA-256', der), p.digest('SHA-1', der)]);
  return certificateInfo(x, sha256Digest, sha1Digest, trusted);
}

function pemBlocks(text: string): Array<{ label: string; body: string }> {
  const out: Array<{ label: string; body: string }> = [];
  const re = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ label: m[1]!, body: m[2]! });
  return out;
}

// Settings and options are re-read for every analysis: the same text gives the same certificates, and the
// SHA-1/SHA-256 fingerprints and X.509 parse are worth keeping (bounded, oldest dropped).
// By text, then by source: a key joining the two was a new string of the whole text, hashed, at every call.
const parsedTexts = new Map<string, Map<string, { certs: TrustedCertificate[]; problems: Problem[] }>>();
const PARSED_TEXTS_MAX = 32;

/**
 * Reads trusted certificates as people paste them: one or several PEM blocks, or the bare base64 of the
 * DER as IdP consoles export it (with or without line breaks). Never throws.
 */
export function parseCertificates(text: string, source: string): { certs: TrustedCertificate[]; problems: Problem[] } {
  let bySource = parsedTexts.get(text);
  let hit = bySource?.get(source);
  if (!hit) {
    hit = readCertificates(text, source);
    if (!bySource) {
      if (parsedTexts.size >= PARSED_TEXTS_MAX) parsedTexts.delete(parsedTexts.keys().next().value!);
      bySource = new Map();
      parsedTexts.set(text, bySource);
    }
    bySource.set(source, hit);
  }
  // Copies: callers may annotate what they get; the DER bytes are shared and never written.
  return { certs: hit.certs.map((c) => ({ ...c, info: { ...c.info } })), problems: hit.problems.map((p) => ({ ...p })) };
}

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const RSA_ENCRYPTION = new Uint8Array([0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00]);

/** A PKCS#1 RSAPublicKey (PEM "RSA PUBLIC KEY") as the SubjectPublicKeyInfo WebCrypto imports. */
export function rsaPublicKeyToSpki(pkcs1: Uint8Array): Uint8Array {
  return derEncode(0x30, concatBytes(RSA_ENCRYPTION, derEncode(0x03, concatBytes(new Uint8Array([0]), pkcs1))));
}

function derInteger(unsigned: Uint8Array): Uint8Array {
  let i = 0;
  while (i < unsigned.length - 1 && unsigned[i] === 0) i++;
  const v = unsigned.subarray(i);
  return derEncode(0x02, v[0]! & 0x80 ? concatBytes(new Uint8Array([0]), v) : v);
}

/**
 * An XML-DSig RSAKeyValue (base64 big-endian Modulus and Exponent, as metadata writes a key without a
 * certificate) as the PEM "RSA PUBLIC KEY" parseCertificates reads; undefined when either is not base64.
 */
export function rsaKeyValuePem(modulus: string, exponent: string): string | undefined {
  const n = base64ToBytes(modulus);
  const e = base64ToBytes(exponent);
  if (!n || !e) return undefined;
  const b64 = bytesToBase64(derEncode(0x30, concatBytes(derInteger(n), derInteger(e))));
  return ['-----BEGIN RSA PUBLIC KEY-----', ...(b64.match(/.{1,64}/g) ?? []), '-----END RSA PUBLIC KEY-----'].join('\n');
}

function publicKeyAnchor(spkiDer: Uint8Array, source: string): TrustedCertificate {
  const { spki } = readSpki(spkiDer);
  return { der: spki, info: { sha256: bytesToHex(sha256(spki)), sha1: bytesToHex(sha1(spki)), trusted: true }, source, kind: 'public-key' };
}

function fingerprintAnchor(fingerprint: Fingerprint, source: string): TrustedCertificate {
  const sha256Hex = fingerprint.hash === 'SHA-256' ? fingerprint.hex : '';
  const sha1Hex = fingerprint.hash === 'SHA-1' ? fingerprint.hex : '';
  return { der: new Uint8Array(0), info: { sha256: sha256Hex, sha1: sha1Hex, trusted: true }, source, kind: 'fingerprint', fingerprint };
}

/** Lines that are all certificate fingerprints, or undefined. */
function fingerprintLines(text: string): Fingerprint[] | undefined {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const found = lines.map(parseFingerprint);
  return lines.length > 0 && found.every((f) => f) ? (found as Fingerprint[]) : undefined;
}

function readCertificates(text: string, source: string): { certs: TrustedCertificate[]; problems: Problem[] } {
  const certs: TrustedCertificate[] = [];
  const problems: Problem[] = [];
  const fail = (why: string) =>
    problems.push({ rule: 'certificate-invalid', severity: 'error', message: `Trusted certificate from ${source}: ${why}` });
  const addCertificate = (body: string, mayBeKey: boolean) => {
    const der = base64ToBytes(body.replace(/\\n/g, '\n'));
    if (!der) {
      fail('not base64 text. Paste the certificate as PEM ("-----BEGIN CERTIFICATE-----" ...), as the base64 an IdP console exports, as a public key ("-----BEGIN PUBLIC KEY-----"), or its SHA-256 fingerprint.');
      return;
    }
    try {
      certs.push({ der, info: describeCertificate(der, true), source });
    } catch (e) {
      // Bare base64 may be a public key's DER too (a DER file given to --idp-cert arrives as base64).
      if (mayBeKey) {
        try {
          certs.push(publicKeyAnchor(der, source));
          return;
        } catch {
          // reported as not a certificate
        }
      }
      fail(`the base64 decodes, but not to an X.509 certificate (${e instanceof Error ? e.message : 'unreadable'}).`);
    }
  };
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) {
    fail('the text is empty.');
    return { certs, problems };
  }
  const blocks = pemBlocks(trimmed);
  if (blocks.length > 0) {
    for (const b of blocks) {
      const der = base64ToBytes(b.body.replace(/\\n/g, '\n'));
      if (CERTIFICATE_LABELS.has(b.label)) addCertificate(b.body, false);
      else if ((b.label === 'PUBLIC KEY' || b.label === 'RSA PUBLIC KEY') && der) {
        try {
          certs.push(publicKeyAnchor(b.label === 'PUBLIC KEY' ? der : rsaPublicKeyToSpki(der), source));
        } catch (e) {
          fail(`the PEM "${b.label}" block is not a public key (${e instanceof Error ? e.message : 'unreadable'}).`);
        }
      } else fail(`a PEM "${b.label}" block is neither a certificate nor a public key (expected "BEGIN CERTIFICATE" or "BEGIN PUBLIC KEY"); it was ignored.`);
    }
    // Fingerprints pasted beside PEM blocks (one per line) count too.
    const rest = trimmed.replace(/-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g, '\n');
    for (const line of rest.split(/\r?\n/)) {
      const f = parseFingerprint(line.trim());
      if (f) certs.push(fingerprintAnchor(f, source));
    }
  } else if (trimmed.includes('-----BEGIN')) {
    fail('the PEM block is incomplete (no matching "-----END CERTIFICATE-----" line).');
  } else {
    const fingerprints = fingerprintLines(trimmed);
    if (fingerprints) certs.push(...fingerprints.map((f) => fingerprintAnchor(f, source)));
    else addCertificate(trimmed, true);
  }
  return { certs, problems };
}
