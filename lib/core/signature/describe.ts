import type { CertificateInfo, OwnFix } from '../model';
import { base64ToBytes } from './bytes';
import { anchorMatches } from './anchors';
import { describeCertificateAsync, type TrustedCertificate } from './certificates';
import { TextCache } from '../text-cache';

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
const seen = new TextCache<Promise<{ der: Uint8Array; info: CertificateInfo } | null>>(64);

async function readKeyInfo(base64: string): Promise<{ der: Uint8Array; info: CertificateInfo } | null> {
  const der = base64ToBytes(base64);
  try {
    return der ? { der, info: await describeCertificateAsync(der, false) } : null;
  } catch {
    return null;
  }
}

export async function keyInfoCertificate(
  base64: string | undefined,
  trusted: TrustedCertificate[],
): Promise<{ der: Uint8Array; info: CertificateInfo } | undefined> {
  if (!base64) return undefined;
  let pending = seen.get(base64);
  if (pending === undefined) {
    pending = readKeyInfo(base64);
    seen.set(base64, pending);
  }
  const hit = await pending;
  if (!hit) return undefined;
  return { der: hit.der, info: { ...hit.info, trusted: trusted.some((t) => anchorMatches(t, hit)) } };
}

function shortHex(hex: string): string {
  return `${hex.slice(0, 16)}…`;
}

/**
 * How a trust anchor is named in reasons; `whose` is "the trusted" or "the SP's". A fingerprint that matched
 * is named as the message's certificate it vouched for.
 */
export function anchorName(t: TrustedCertificate, whose: string): string {
  if (t.kind === 'public-key') return `${whose} public key (SHA-256 of the key ${shortHex(t.info.sha256)})`;
  if (t.kind === 'fingerprint') {
    const f = t.fingerprint!;
    return t.der.length > 0
      ? `the certificate in the message ${certName(t.info)}, whose ${f.hash} fingerprint ${whose === 'the trusted' ? 'you trust' : `is ${whose}`}`
      : `${whose} ${f.hash} fingerprint ${shortHex(f.hex)}`;
  }
  return `${whose} certificate ${certName(t.info)}`;
}

/** An anchor in a list of what is trusted: a certificate by its full SHA-256 (as before), the others by kind. */
export function anchorText(t: TrustedCertificate): string {
  if (t.kind === 'public-key') return `public key SHA-256 ${t.info.sha256}`;
  if (t.kind === 'fingerprint') return `certificate ${t.fingerprint!.hash} fingerprint ${t.fingerprint!.hex}`;
  return t.info.sha256;
}

/** "the trusted" or "the SP's": whose keys the configured anchors are depends on who signs. */
export function whoseAnchors(signer: 'idp' | 'sp'): string {
  return signer === 'sp' ? "the SP's" : 'the trusted';
}

/**
 * The fix for an SP's signature SAML Lens could not check for want of the SP's certificate. The rule's own fixes
 * (signature-untrusted) are about the IdP's signing certificate and the IdP's console, which have nothing to do
 * with a signature the SP makes.
 */
export const SP_CERTIFICATE_FIX: OwnFix = {
  product: 'general',
  text: "This is the SP's own signature, checked with the SP's signing certificate: give SAML Lens the SP metadata (in the extension, Settings > Service provider > Import SP metadata; in the CLI, --sp-metadata). Nothing on the IdP needs to change for it.",
};
