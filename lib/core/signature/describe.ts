import type { CertificateInfo } from '../model';
import { base64ToBytes } from './bytes';
import { describeCertificate, type TrustedCertificate } from './certificates';

/** Short human name of a certificate: its CN (or whole subject) and the start of its SHA-256. */
export function certName(info: CertificateInfo): string {
  const cn = /(?:^|, )CN=([^,]+)/.exec(info.subject ?? '')?.[1];
  return `${cn ? `"${cn}"` : 'certificate'} (SHA-256 ${info.sha256.slice(0, 16)}…)`;
}

/** A KeyInfo certificate, described for the report; `trusted` says whether it equals a trusted one. */
export function keyInfoCertificate(
  base64: string | undefined,
  trusted: TrustedCertificate[],
): { der: Uint8Array; info: CertificateInfo } | undefined {
  if (!base64) return undefined;
  const der = base64ToBytes(base64);
  if (!der) return undefined;
  try {
    const info = describeCertificate(der, false);
    info.trusted = trusted.some((t) => t.info.sha256 === info.sha256);
    return { der, info };
  } catch {
    return undefined;
  }
}
