/** A certificate fingerprint as SP configurations hold it: the hash of the certificate's DER. */
export interface Fingerprint {
  hash: 'SHA-256' | 'SHA-1';
  /** Upper-case hex, colon-free (as CertificateInfo's sha256/sha1). */
  hex: string;
}

/*
 * The forms toolkits and consoles print: `SHA256:AB:CD:…`, `sha256 Fingerprint=AB:CD:…` (openssl x509
 * -fingerprint), `SHA-1: ab cd …`, or bare hex with or without colons. The length decides the hash when no
 * label says it (40 hex digits SHA-1, 64 SHA-256); a label that disagrees with the length is no fingerprint.
 */
const FINGERPRINT = /^(?:(sha-?256|sha-?1)(?:\s*fingerprint)?\s*[:=]?\s*)?((?:[0-9a-f]{2}[:\s-]?)+)$/i;

export function parseFingerprint(text: string): Fingerprint | undefined {
  const m = FINGERPRINT.exec(text.trim());
  if (!m) return undefined;
  const hex = m[2]!.replace(/[:\s-]/g, '').toUpperCase();
  const hash = hex.length === 64 ? 'SHA-256' : hex.length === 40 ? 'SHA-1' : undefined;
  if (!hash) return undefined;
  const label = m[1]?.replace('-', '').toLowerCase();
  if (label && label !== (hash === 'SHA-256' ? 'sha256' : 'sha1')) return undefined;
  return { hash, hex };
}
