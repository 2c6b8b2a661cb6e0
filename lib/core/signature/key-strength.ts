import type { Problem, SignatureVerdict } from '../model';
import { publicKeyOf, type TrustedCertificate } from './certificates';
import { anchorName, whoseAnchors } from './describe';

/**
 * RSA keys shorter than this prove nothing about who signed. NIST SP 800-131A disallows generating
 * signatures with RSA below 2048 bits (112 bits of security) after 2013
 * (https://csrc.nist.gov/pubs/sp/800/131/a/r2/final, §3), and a 512-bit key is factored in hours on rented
 * machines ("Factoring as a Service", https://eprint.iacr.org/2015/1000). Whoever factors the key can sign.
 */
export const MIN_RSA_BITS = 2048;

/** The modulus length of a trusted RSA key shorter than MIN_RSA_BITS; undefined for a strong or non-RSA key. */
export function weakRsaBits(cert: TrustedCertificate): number | undefined {
  try {
    const key = publicKeyOf(cert.der).key;
    return key.kind === 'rsa' && key.bits !== undefined && key.bits < MIN_RSA_BITS ? key.bits : undefined;
  } catch {
    return undefined;
  }
}

export interface Verifier {
  /** A trusted certificate with a key strong enough to trust that verified the signature. */
  strong?: TrustedCertificate;
  /** Only when no strong one did: a trusted certificate whose key is too weak to trust, and its size. */
  weak?: { cert: TrustedCertificate; bits: number };
}

/** Which trusted certificate verified, given one result per certificate; a weak key counts only as the last resort. */
export function chooseVerifier(trusted: TrustedCertificate[], results: boolean[]): Verifier {
  let weak: Verifier['weak'];
  for (const [i, cert] of trusted.entries()) {
    if (!results[i]) continue;
    const bits = weakRsaBits(cert);
    if (bits === undefined) return { strong: cert };
    weak ??= { cert, bits };
  }
  return weak ? { weak } : {};
}

/**
 * A signature that verifies only with a key too weak to trust: intact, but it does not show who signed, so
 * it is never `valid`. The SP's key is the IdP's to judge (as a mismatch with it is), hence a warning there.
 */
export function weakKeyVerdict(
  verdict: SignatureVerdict,
  weak: NonNullable<Verifier['weak']>,
  signer: 'idp' | 'sp',
  what: string,
): Problem {
  const name = `${anchorName(weak.cert, whoseAnchors(signer))} from ${weak.cert.source}`;
  verdict.status = 'untrusted';
  verdict.certificateSha256 = weak.cert.info.sha256;
  verdict.reason = `verifies only with ${name}, whose ${weak.bits}-bit RSA key is too weak to trust (at least ${MIN_RSA_BITS} bits): whoever factors it can sign`;
  return {
    rule: 'certificate-key-weak',
    severity: signer === 'sp' ? 'warning' : 'error',
    location: verdict.target,
    message: `${what} verifies only with ${name}, whose RSA key is ${weak.bits} bits: too weak to trust (at least ${MIN_RSA_BITS} bits), because whoever factors a key that short can sign with it, so the signature does not show who signed. The signer must move to an RSA key of at least ${MIN_RSA_BITS} bits (or an EC key) and both sides must install the new certificate.`,
  };
}
