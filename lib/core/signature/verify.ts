import type { Binding, ParsedSaml, Problem, RedirectSignature, SignatureAnalysis, SignatureVerdict } from '../model';
import { NS, shortAlgorithm } from './algorithms';
import type { TrustedCertificate } from './certificates';
import { certName } from './describe';
import { elementPath, isEl } from './dom';
import { verifyRedirectSignature } from './redirect';
import { readSignature } from './signed-info';
import { checkStructure } from './structure';
import { verifyXmlSignature, type VerifyContext } from './verify-xml';
import { decryptAssertions } from './decrypt';

export interface VerifyOptions {
  trusted: TrustedCertificate[];
  binding: Binding;
  redirect?: RedirectSignature;
  spPrivateKeyPem?: string;
  /** Instant for certificate validity (default: now). */
  at?: Date;
  /**
   * Who signed the message, and so whose certificates `trusted` holds: 'sp' for what the SP sends (its
   * requests and logout messages), checked against the SP's certificates, never the IdP's. Default: inferred,
   * 'sp' for an AuthnRequest and 'idp' otherwise; an inferred 'sp' takes `trusted` to be the IdP's
   * certificates and so checks the signature against the certificate in the message only.
   */
  signer?: 'idp' | 'sp';
}

const REFUSED: Record<string, string> = {
  placement: 'refused: the signature is not on the Response, its Assertion or a request/logout message',
  'duplicate-id': 'refused: the signed element shares its ID with another element',
  'several-signatures': 'refused: the element carries more than one signature',
  'ds-object': 'refused: the signature contains a ds:Object',
  'ds-manifest': 'refused: the signature contains a ds:Manifest',
  'repeated-signature-value': 'refused: another signature carries the same SignatureValue (decoy)',
};

function weakProblems(v: SignatureVerdict, problems: Problem[]): void {
  const weak = [v.signatureAlgorithm, v.digestAlgorithm].filter((a): a is string => !!a && /sha1$/i.test(a));
  if (weak.length === 0) return;
  problems.push({
    rule: 'weak-algorithm',
    severity: 'warning',
    location: v.target,
    message: `The signature on <${v.targetKind}> uses SHA-1 (${weak.map(shortAlgorithm).join(', ')}): collisions are practical. Switch the IdP to RSA-SHA256 with a SHA-256 digest (Entra ID: SAML certificate "Signing algorithm"; Okta: app "Signature Algorithm"; AD FS: relying party "Secure hash algorithm").`,
  });
}

/**
 * Steps 4 to 9 on the XML signatures of one parsed message, plus the Redirect query signature. `judged` limits
 * which signatures get a verdict (the decrypted pass judges only what decryption added); the structure of the
 * whole document is always checked and reported.
 */
export async function verifyParsed(
  parsed: ParsedSaml,
  opts: VerifyOptions,
  problems: Problem[],
  judged: (signed: Element) => boolean = () => true,
): Promise<SignatureVerdict[]> {
  const verdicts: SignatureVerdict[] = [];
  const structure = checkStructure(parsed);
  problems.push(...structure.problems);
  const signer = opts.signer ?? (isEl(parsed.root, NS.protocol, 'AuthnRequest') ? 'sp' : 'idp');
  const ctx: VerifyContext = { trusted: opts.signer || signer === 'idp' ? opts.trusted : [], signer };

  // Canonicalisation is synchronous; the cryptography of every signature is started before any is
  // awaited, so the WebCrypto round trips overlap instead of queueing one after another.
  type Checked = { verdict: SignatureVerdict; problems: Problem[]; refused?: true };
  const pending: Array<Checked | Promise<Checked>> = [];
  for (const sig of structure.signatures) {
    const target = sig.parentNode as Element;
    if (!judged(target)) continue;
    const read = readSignature(sig, parsed);
    const refusedBy = structure.refused.get(sig);
    if (refusedBy || !read.ok) {
      const v: SignatureVerdict = {
        target: elementPath(target),
        targetKind: target.localName,
        form: 'xml',
        signatureAlgorithm: read.header.signatureAlgorithm,
        digestAlgorithm: read.header.digestAlgorithm,
        status: !refusedBy && !read.ok && read.kind === 'value' ? 'invalid' : 'unchecked',
        failure: refusedBy || read.ok || read.kind === 'structure' ? 'structure' : read.kind === 'value' ? 'signature-value' : 'algorithm',
        reason: refusedBy ? (REFUSED[refusedBy] ?? `refused (${refusedBy})`) : read.ok ? '' : `refused: ${read.why}`,
      };
      const found: Problem[] = [];
      if (!refusedBy && !read.ok) {
        found.push({
          rule: read.kind === 'structure' ? 'signature-wrapping' : 'signature-invalid',
          severity: 'error',
          location: elementPath(sig),
          message: `The signature on <${target.localName}> cannot count: ${read.why}.`,
        });
      }
      pending.push({ verdict: v, problems: found, refused: true });
      continue;
    }
    pending.push(verifyXmlSignature(read.parts, read.header, ctx));
  }
  for (const item of await Promise.all(pending)) {
    if (!item.refused) weakProblems(item.verdict, problems);
    problems.push(...item.problems);
    verdicts.push(item.verdict);
  }

  if (opts.redirect) {
    const { verdict, problems: found } = await verifyRedirectSignature(opts.redirect, parsed.root, ctx);
    problems.push(...found);
    if (verdict) verdicts.push(verdict);
  }
  return verdicts;
}

function expiryProblems(verdicts: SignatureVerdict[], at: Date, problems: Problem[]): void {
  const seen = new Set<string>();
  for (const v of verdicts) {
    const c = v.verifiedWith;
    if (!c || seen.has(c.sha256)) continue;
    seen.add(c.sha256);
    const notAfter = c.notAfter ? Date.parse(c.notAfter) : NaN;
    const notBefore = c.notBefore ? Date.parse(c.notBefore) : NaN;
    if (notAfter < at.getTime()) {
      problems.push({
        rule: 'certificate-expired',
        severity: 'warning',
        location: v.target,
        message: `The trusted certificate ${certName(c)} expired on ${c.notAfter}. The signature still verifies (SAML relies on the key, not the date), but many SPs refuse expired certificates: renew it on the IdP and update the SP.`,
      });
    } else if (notBefore > at.getTime()) {
      problems.push({
        rule: 'certificate-expired',
        severity: 'warning',
        location: v.target,
        message: `The trusted certificate ${certName(c)} is not valid before ${c.notBefore}.`,
      });
    }
  }
}

/** An Assertion (SAML 2.0) or an element inside one: what decryption adds to a Response. */
function insideAssertion(el: Element): boolean {
  for (let n: Node | null = el; n && n.nodeType === 1; n = n.parentNode) if (isEl(n, NS.assertion, 'Assertion')) return true;
  return false;
}

export async function verifySignatures(parsed: ParsedSaml, opts: VerifyOptions): Promise<SignatureAnalysis> {
  const problems: Problem[] = [];
  const verdicts: SignatureVerdict[] = [];
  let decrypted: ParsedSaml | undefined;
  try {
    verdicts.push(...(await verifyParsed(parsed, opts, problems)));
    if (parsed.view.encryptedAssertions.length > 0 && opts.spPrivateKeyPem) {
      const result = await decryptAssertions(parsed, opts.spPrivateKeyPem);
      problems.push(...result.problems);
      if (result.parsed) {
        decrypted = result.parsed;
        // The Response signature covers the encrypted form and was judged above; the signatures decryption
        // brought to light are judged on the decrypted document. Its structure is judged whole: an assertion
        // that reuses the Response's ID, or a second assertion, is wrapping wherever the finding points.
        const inner = await verifyParsed(decrypted, { ...opts, redirect: undefined }, problems, (signed) => insideAssertion(signed));
        verdicts.push(...inner);
      }
    }
    expiryProblems(verdicts, opts.at ?? new Date(), problems);
  } catch (e) {
    problems.push({
      rule: 'signature-invalid',
      severity: 'error',
      message: `Signature checking stopped on an unexpected error (${e instanceof Error ? e.message : String(e)}); no signature of this message counts as verified.`,
    });
    for (const v of verdicts) if (v.status === 'valid') v.status = 'unchecked';
  }
  return { verdicts, problems, decrypted };
}
