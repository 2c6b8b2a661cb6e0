import type { CertificateInfo } from '../model';
import { base64ToBytes } from './bytes';
import { describeCertificate, type TrustedCertificate } from './certificates';

/**
 * Short human name of a certificate, to follow the word "certificate": its CN in quotes when it has one,
 * and the start of its SHA-256, e.g. `"idp.example.com" (SHA-256 96BD2E16…)` or `(SHA-256 96BD2E16…)`.
 */
export function certName(info: CertificateInfo): string {
  const cn = /(?:^|, )CN=([^,]+)/.exec(info.subject ?? '')?.[1];
  const fingerprint = `(SHA-256 ${info.sha256.slice(0, 16)}…)`;
  return cn ? `"${cn}" ${fingerprint}` : fingerprint;
}

/** A KeyInfo certificate, described for the report; `trusted` says whether it equals a trusted one. */
// The same IdP certificate arrives in every message of a trace: read it once (bounded, oldest dropped).
const seen = new Map<string, { der: Uint8Array; info: CertificateInfo } | null>();
const SEEN_MAX = 64;

export function keyInfoCertificate(
  base64: string | undefined,
  trusted: TrustedCertificate[],
): { der: Uint8Array; info: CertificateInfo } | undefined {
  if (!base64) return undefined;
  let hit = seen.get(base64);
  if (hit === undefined) {
    const der = base64ToBytes(base64);
    try {
      hit = der ? { der, info: describeCertificate(der, false) } : null;
    } catch {
      hit = null;
    }
    if (seen.size >= SEEN_MAX) seen.delete(seen.keys().next().value!);
    seen.set(base64, hit);
  }
  if (!hit) return undefined;
  return { der: hit.der, info: { ...hit.info, trusted: trusted.some((t) => t.info.sha256 === hit.info.sha256) } };
}
