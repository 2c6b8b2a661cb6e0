import type { OwnFix, Problem, RedirectSignature, SignatureVerdict } from '../model';
import { SIGNATURE_ALGORITHMS } from './algorithms';
import { base64ToBytes } from './bytes';
import { keysFor, onlyFingerprints } from './anchors';
import { SP_CERTIFICATE_FIX, anchorName, whoseAnchors } from './describe';
import { elementPath } from './dom';
import { chooseVerifier, weakKeyVerdict } from './key-strength';
import { verifyWithCertificate } from './keys';
import type { VerifyContext } from './verify-xml';
import { own } from '../dictionary';

const encoder = new TextEncoder();

/**
 * HTTP-Redirect query signature (saml-bindings §3.4.4.1, VALIDATION.md step 12): verified over the exact
 * raw octets as they were in the URL, never a re-encoding of the decoded parameters.
 */
export async function verifyRedirectSignature(
  redirect: RedirectSignature,
  root: Element,
  ctx: VerifyContext,
): Promise<{ verdict?: SignatureVerdict; problems: Problem[] }> {
  const problems: Problem[] = [];
  if (redirect.signature === undefined) return { problems };
  // The same check covers HTTP-POST-SimpleSign, whose form fields sign the decoded message the same way.
  const sender = redirect.simpleSign ? 'HTTP-POST-SimpleSign form' : 'HTTP-Redirect query';
  const what = redirect.simpleSign ? 'HTTP-POST-SimpleSign signature' : 'HTTP-Redirect query signature';
  const carrier = redirect.simpleSign ? 'form' : 'query';
  const where = elementPath(root);
  const verdict: SignatureVerdict = {
    target: where,
    targetKind: root.localName,
    form: 'redirect-query',
    signatureAlgorithm: redirect.sigAlg,
    status: 'unchecked',
    reason: '',
  };
  const fail = (rule: string, severity: Problem['severity'], message: string, ownFix?: OwnFix) =>
    problems.push({ rule, severity, message, location: where, ...(ownFix ? { ownFix } : {}) });
  if (redirect.refused) {
    // The binding reported why (redirect-parameter-duplicate); verifying would only pick one copy of several.
    verdict.failure = 'structure';
    verdict.reason = redirect.refused;
    return { verdict, problems };
  }

  if (!redirect.sigAlg) {
    verdict.failure = 'algorithm';
    verdict.reason = `the ${carrier} has a Signature but no SigAlg, so it cannot be verified`;
    fail('redirect-signature-missing-sigalg', 'error', `The ${sender} carries a Signature without SigAlg: ${verdict.reason} (saml-bindings §3.4.4.1 requires SigAlg, and it is itself covered by the signature).`);
    return { verdict, problems };
  }
  const alg = own(SIGNATURE_ALGORITHMS, redirect.sigAlg);
  if (!alg) {
    verdict.failure = 'algorithm';
    verdict.reason = `SigAlg ${redirect.sigAlg} is not an accepted signature algorithm`;
    fail('signature-invalid', 'error', `The ${what} cannot count: ${verdict.reason} (RSA or ECDSA with SHA-1/256/384/512; HMAC is refused).`);
    return { verdict, problems };
  }
  if (alg.weak) fail('weak-algorithm', 'warning', `The ${sender} is signed with ${redirect.sigAlg} (SHA-1). Ask for RSA-SHA256.`);
  const value = base64ToBytes(redirect.signature);
  if (!value) {
    verdict.status = 'invalid';
    verdict.failure = 'signature-value';
    verdict.reason = 'the Signature parameter is not base64';
    fail('signature-invalid', 'error', `The ${what} does not verify: ${verdict.reason}.`);
    return { verdict, problems };
  }
  if (ctx.trusted.length === 0) {
    verdict.failure = 'no-key';
    verdict.reason =
      ctx.signer === 'sp'
        ? "the SP signs what it sends with its own key, the SP's certificate is not configured, and a query signature carries no certificate: not checked"
        : 'no trusted IdP certificate is configured, and a query signature carries no certificate: not checked';
    fail('signature-untrusted', ctx.signer === 'sp' ? 'info' : 'warning', `The ${what} is unchecked: ${verdict.reason}.`, ctx.signer === 'sp' ? SP_CERTIFICATE_FIX : undefined);
    return { verdict, problems };
  }
  if (onlyFingerprints(ctx.trusted)) {
    verdict.failure = 'no-key';
    verdict.reason = 'only certificate fingerprints are trusted, and a query signature carries no certificate for them to name: not checked';
    fail('signature-untrusted', ctx.signer === 'sp' ? 'info' : 'warning', `The ${what} is unchecked: ${verdict.reason}. Trust the certificate itself (or its public key) to check query signatures.`);
    return { verdict, problems };
  }
  const keys = keysFor(ctx.trusted, []);
  const octets = encoder.encode(redirect.signedOctets);
  const results = await Promise.all(keys.map((t) => verifyWithCertificate(t.der, alg, value, octets)));
  const { strong: by, weak } = chooseVerifier(keys, results);
  if (by) {
    verdict.status = 'valid';
    verdict.verifiedWith = by.info;
    verdict.certificateSha256 = by.kind === 'public-key' ? undefined : by.info.sha256;
    verdict.reason = `${carrier} signature verified with ${anchorName(by, whoseAnchors(ctx.signer))} from ${by.source}`;
    return { verdict, problems };
  }
  if (weak) {
    problems.push(weakKeyVerdict(verdict, weak, ctx.signer, `The ${what}`));
    return { verdict, problems };
  }
  verdict.status = 'invalid';
  verdict.failure = 'signature-value';
  verdict.reason =
    ctx.signer === 'sp'
      ? `the ${carrier} signature does not match the SP's certificate: the SP may have rotated its key, or the ${carrier} was changed or re-encoded`
      : `the ${carrier} signature does not match: wrong or rolled-over certificate, or the ${carrier} was changed or re-encoded`;
  // A query carries no certificate, so a mismatch with the SP's known key cannot tell a rotated SP key from
  // a forgery; whether to trust the SP's signature is the IdP's decision.
  fail(
    'signature-invalid',
    ctx.signer === 'sp' ? 'warning' : 'error',
    `The ${what} does not verify with ${keys.map((t) => anchorName(t, whoseAnchors(ctx.signer))).join(' or ')}: ${verdict.reason} (${redirect.simpleSign ? 'it covers "SAMLRequest/SAMLResponse=<the decoded XML>&RelayState=...&SigAlg=..."' : 'it covers the exact octets "SAMLRequest/SAMLResponse=...&RelayState=...&SigAlg=..." as sent; a proxy that re-encodes the URL breaks it'}).`,
  );
  return { verdict, problems };
}
