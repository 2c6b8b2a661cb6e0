import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { CertificateInfo, Problem } from '../model';
import { base64ToBytes, bytesToHex } from './bytes';
import { readX509, type X509 } from './x509';

/** A certificate the user trusts as the IdP's signing certificate (several allowed: rollover). */
export interface TrustedCertificate {
  der: Uint8Array;
  info: CertificateInfo;
  /** Where it came from, e.g. 'options', 'settings', 'IdP metadata'. */
  source: string;
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

/** Describes a DER certificate; throws when it is not one (callers report). */
export function describeCertificate(der: Uint8Array, trusted: boolean): CertificateInfo {
  const x = x509Of(der);
  return {
    // Sync hashes: parseCertificates is synchronous and runs in the extension too.
    sha256: bytesToHex(sha256(der)),
    sha1: bytesToHex(sha1(der)),
    subject: x.subject,
    issuer: x.issuer,
    notBefore: x.notBefore,
    notAfter: x.notAfter,
    trusted,
  };
}

function pemBlocks(text: string): Array<{ label: string; body: string }> {
  const out: Array<{ label: string; body: string }> = [];
  const re = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ label: m[1]!, body: m[2]! });
  return out;
}

// Settings and options are re-read for every analysis: the same text gives the same certificates, and the
// SHA-1/SHA-256 fingerprints and X.509 parse are worth keeping (bounded, oldest dropped).
const parsedTexts = new Map<string, { certs: TrustedCertificate[]; problems: Problem[] }>();
const PARSED_TEXTS_MAX = 32;

/**
 * Reads trusted certificates as people paste them: one or several PEM blocks, or the bare base64 of the
 * DER as IdP consoles export it (with or without line breaks). Never throws.
 */
export function parseCertificates(text: string, source: string): { certs: TrustedCertificate[]; problems: Problem[] } {
  const cacheKey = `${source}\0${text}`;
  let hit = parsedTexts.get(cacheKey);
  if (!hit) {
    hit = readCertificates(text, source);
    if (parsedTexts.size >= PARSED_TEXTS_MAX) parsedTexts.delete(parsedTexts.keys().next().value!);
    parsedTexts.set(cacheKey, hit);
  }
  // Copies: callers may annotate what they get; the DER bytes are shared and never written.
  return { certs: hit.certs.map((c) => ({ ...c, info: { ...c.info } })), problems: hit.problems.map((p) => ({ ...p })) };
}

function readCertificates(text: string, source: string): { certs: TrustedCertificate[]; problems: Problem[] } {
  const certs: TrustedCertificate[] = [];
  const problems: Problem[] = [];
  const fail = (why: string) =>
    problems.push({ rule: 'certificate-invalid', severity: 'error', message: `Trusted certificate from ${source}: ${why}` });
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) {
    fail('the text is empty.');
    return { certs, problems };
  }
  const blocks = pemBlocks(trimmed);
  let bodies: string[];
  if (blocks.length > 0) {
    bodies = [];
    for (const b of blocks) {
      if (b.label === 'CERTIFICATE' || b.label === 'X509 CERTIFICATE' || b.label === 'TRUSTED CERTIFICATE') bodies.push(b.body);
      else fail(`a PEM "${b.label}" block is not a certificate (expected "BEGIN CERTIFICATE"); it was ignored.`);
    }
  } else if (trimmed.includes('-----BEGIN')) {
    fail('the PEM block is incomplete (no matching "-----END CERTIFICATE-----" line).');
    return { certs, problems };
  } else {
    bodies = [trimmed];
  }
  for (const body of bodies) {
    const der = base64ToBytes(body.replace(/\\n/g, '\n'));
    if (!der) {
      fail('not base64 text. Paste the certificate as PEM ("-----BEGIN CERTIFICATE-----" ...) or as the base64 an IdP console exports.');
      continue;
    }
    try {
      const info = describeCertificate(der, true);
      certs.push({ der, info, source });
    } catch (e) {
      fail(`the base64 decodes, but not to an X.509 certificate (${e instanceof Error ? e.message : 'unreadable'}).`);
    }
  }
  return { certs, problems };
}
