import type { Problem, SignatureVerdict } from '../model';

export const AS_CAPTURED = 'as captured, not verified here';

export const NO_CAPTURED_VERDICT =
  'Redacted after capture and no verdict was stored with it: the signed bytes changed, so this signature cannot be checked any more.';

/**
 * A captured verdict as shown: a claim, never `valid`. What the file said stays readable in the reason; a
 * claimed `valid` reads `untrusted` (intact at best, signer not verified here).
 */
export function asClaim(v: SignatureVerdict): SignatureVerdict {
  const status = v.status === 'valid' ? 'untrusted' : v.status;
  if (v.captured) return { ...v, status };
  const claim: SignatureVerdict = {
    target: v.target,
    targetKind: v.targetKind,
    form: v.form,
    status,
    reason: `${AS_CAPTURED} (the file says: ${v.status}, ${v.reason || 'no reason given'})`,
    captured: true,
  };
  if (v.signatureAlgorithm) claim.signatureAlgorithm = v.signatureAlgorithm;
  if (v.digestAlgorithm) claim.digestAlgorithm = v.digestAlgorithm;
  if (v.failure) claim.failure = v.failure;
  return claim;
}

/**
 * What redaction does to a signature: the signed content changed, so an XML digest no longer matches; a query
 * signature has no digest, so a changed query shows as a signature value that does not match.
 */
function changedByRedaction(v: SignatureVerdict): boolean {
  return v.status === 'invalid' && (v.failure === 'digest' || (v.form === 'redirect-query' && v.failure === 'signature-value'));
}

/** Problems a changed digest causes; wrapping, weak algorithms and decryption problems are not redaction's. */
const ARTEFACTS = new Set(['signature-invalid', 'signature-untrusted']);

export interface RedactedInput {
  /** Verdicts and problems of checking the message as it is in the file. */
  verdicts: SignatureVerdict[];
  problems: Problem[];
  /** What the file says was found before redaction, if it says anything for this message. */
  captured?: SignatureVerdict[];
  /** A trusted certificate is configured for whoever signs this message. */
  trustConfigured: boolean;
}

/**
 * A message of an entry the file marks as redacted. The mark is a claim too: a message that still verifies is
 * judged as it verifies, and so is one whose signatures fail for any reason redaction does not cause. Only when
 * a signed digest no longer matches are the captured verdicts shown, as claims, with one finding saying the
 * signatures were not verified here (an error when a trusted certificate is configured: nothing verified them).
 * Returns undefined when the fresh verdicts stand.
 */
export function judgeRedacted(input: RedactedInput): { verdicts: SignatureVerdict[]; problems: Problem[] } | undefined {
  const { verdicts, problems, captured, trustConfigured } = input;
  if (!verdicts.some(changedByRedaction)) return undefined;
  if (verdicts.some((v) => v.failure === 'structure' || v.failure === 'algorithm')) return undefined;
  // Redaction replaces values, never signatures: claims about another number of signatures are about another message.
  const claims = captured?.length === verdicts.length ? captured : undefined;
  // The certificate in KeyInfo is read from the bytes in hand (never trusted, only shown): it still tells which
  // key the message names, e.g. across a certificate rollover.
  const withKeyInfo = (claim: SignatureVerdict, i: number): SignatureVerdict => {
    const keyInfo = verdicts[i]?.keyInfoCertificate;
    return keyInfo ? { ...claim, keyInfoCertificate: keyInfo } : claim;
  };
  const shown = claims
    ? claims.map((c, i) => withKeyInfo(asClaim(c), i))
    : verdicts.map((v) => ({ ...v, status: 'unchecked' as const, reason: NO_CAPTURED_VERDICT }));
  const said = claims
    ? ` The file carries the verdicts computed before redaction; they are shown "${AS_CAPTURED}": claims of whoever made the file, not a verification.`
    : captured
      ? ` The verdicts the file stored for it name ${captured.length} signature(s), the message carries ${verdicts.length}: they are not shown.`
      : ' The file carries no verdict from before redaction.';
  const location = verdicts.find(changedByRedaction)?.target;
  return {
    verdicts: shown,
    problems: [
      ...problems.filter((p) => !ARTEFACTS.has(p.rule)),
      {
        rule: 'signature-untrusted',
        severity: trustConfigured ? 'error' : 'warning',
        ...(location ? { location } : {}),
        message: `This message was redacted after capture (values replaced on export change the signed bytes), so its signatures no longer verify and were not verified here.${said} To verify who signed it, check the unredacted capture (in the extension, an export with "No redaction"; in the CLI, saml-lens convert --redact none).`,
      },
    ],
  };
}
