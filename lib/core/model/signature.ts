import type { Problem } from './finding';
import type { ParsedSaml } from './parsed';

export type SignatureStatus = 'valid' | 'invalid' | 'untrusted' | 'unchecked';

export interface CertificateInfo {
  /** Upper-case hex, colon-free. */
  sha256: string;
  sha1: string;
  subject?: string;
  issuer?: string;
  notBefore?: string;
  notAfter?: string;
  /** Equal to one of the trusted certificates. */
  trusted: boolean;
}

export interface SignatureVerdict {
  /** Path of the signed element (the Signature's parent), e.g. `/Response` or `/Response/Assertion`. */
  target: string;
  targetKind: string;
  /**
   * Paths of what the signature's digests cover, when that is more than `target`: the document root for a
   * whole-document Reference (URI "" or none), or every element a multi-Reference signature names.
   */
  covers?: string[];
  /** 'xml' for an enveloped ds:Signature, 'redirect-query' for an HTTP-Redirect query signature (or an HTTP-POST-SimpleSign form signature, which signs the same way). */
  form: 'xml' | 'redirect-query';
  signatureAlgorithm?: string;
  digestAlgorithm?: string;
  /**
   * valid: verified with a trusted certificate. invalid: does not verify. untrusted: intact, but only
   * checkable with the (attacker-controlled) KeyInfo certificate or a non-trusted key. unchecked: could not
   * be checked at all (no key anywhere, unsupported algorithm, refused structure).
   */
  status: SignatureStatus;
  /** Plain words: why this status (e.g. "digest mismatch: the assertion was changed after signing"). */
  reason: string;
  failure?: 'digest' | 'signature-value' | 'structure' | 'algorithm' | 'no-key';
  /** SHA-256 of the certificate that verified it, or of the KeyInfo certificate when nothing trusted did. */
  certificateSha256?: string;
  keyInfoCertificate?: CertificateInfo;
  verifiedWith?: CertificateInfo;
  /**
   * The verdict was not computed here: it is what a file (a redacted trace or HAR) says was found at capture,
   * shown because redaction changed the signed bytes. A claim of whoever made the file: never `valid` (a captured
   * `valid` reads `untrusted`), and `reason` starts "as captured, not verified here".
   */
  captured?: true;
}

export interface SignatureAnalysis {
  verdicts: SignatureVerdict[];
  /** signature-invalid, signature-untrusted, signature-wrapping, weak-algorithm, decryption problems. */
  problems: Problem[];
  /** When an EncryptedAssertion was decrypted with the user's SP key: the Response with the assertion in clear. */
  decrypted?: ParsedSaml;
}
