import type { OwnFix, Problem, SignatureVerdict } from '../model';
import { utf8Bytes } from '../byte-pool';
import { bytesEqual } from './bytes';
import { canonicalize } from './c14n';
import type { TrustedCertificate } from './certificates';
import { keysFor, onlyFingerprints, sha1FingerprintProblem } from './anchors';
import { SP_CERTIFICATE_FIX, anchorName, anchorText, certName, keyInfoCertificate, whoseAnchors } from './describe';
import { elementPath } from './dom';
import { chooseVerifier, weakKeyVerdict } from './key-strength';
import { digestText, verifyWithCertificate } from './keys';
import type { SignatureHeader, SignatureParts } from './signed-info';

export interface VerifyContext {
  /** The certificates of whoever signs (the IdP's, or the SP's for what the SP sends); never the other party's. */
  trusted: TrustedCertificate[];
  /** Who signed the message: the SP signs its requests and logout messages with a key that is not the IdP's. */
  signer: 'idp' | 'sp';
}

const C14N_HINT =
  'If nobody edited it, something re-serialised the XML between the IdP and here (a proxy, a tool that pretty-prints, changed line endings or namespace prefixes): compare with the raw bytes as captured.';

/** Cryptographic check of one structurally accepted signature (VALIDATION.md steps 7 and 8). */
export async function verifyXmlSignature(
  parts: SignatureParts,
  header: SignatureHeader,
  ctx: VerifyContext,
): Promise<{ verdict: SignatureVerdict; problems: Problem[] }> {
  const target = parts.target;
  const where = elementPath(target);
  const what = `<${target.localName}>`;
  const problems: Problem[] = [];
  const keyInfo = await keyInfoCertificate(header.keyInfoCertificates[0], ctx.trusted);
  const verdict: SignatureVerdict = {
    target: where,
    targetKind: target.localName,
    form: 'xml',
    signatureAlgorithm: header.signatureAlgorithm,
    digestAlgorithm: header.digestAlgorithm,
    status: 'unchecked',
    reason: '',
    keyInfoCertificate: keyInfo?.info,
  };
  const fail = (rule: string, severity: Problem['severity'], message: string, ownFix?: OwnFix) =>
    problems.push({ rule, severity, message, location: where, ...(ownFix ? { ownFix } : {}) });

  // References stay text (hashed as UTF-8 by digestText); the SignedInfo is small and verified as bytes.
  let referenceTexts: string[];
  let signedInfoOctets: Uint8Array;
  try {
    referenceTexts = parts.references.map((r) =>
      canonicalize(r.node, {
        algorithm: r.c14n,
        exclude: r.enveloped ? parts.signature : undefined,
        inclusivePrefixes: r.prefixes,
      }),
    );
    signedInfoOctets = utf8Bytes(canonicalize(parts.signedInfo, { algorithm: parts.c14n, inclusivePrefixes: parts.c14nPrefixes, keepComments: true }));
  } catch (e) {
    verdict.failure = 'structure';
    verdict.reason = `could not be canonicalised (${e instanceof Error ? e.message : 'unexpected node'})`;
    fail('signature-invalid', 'error', `The signature on ${what} could not be checked: it ${verdict.reason}.`);
    return { verdict, problems };
  }
  const covered = coverage(parts, target);
  if (covered) verdict.covers = covered.paths;

  // A trusted fingerprint stands for the message's certificate only when that certificate has it.
  const inMessage = await Promise.all(header.keyInfoCertificates.slice(1).map((b) => keyInfoCertificate(b, ctx.trusted)));
  const keys = keysFor(ctx.trusted, [keyInfo, ...inMessage].filter((c) => c !== undefined));
  const [digests, trustedResults] = await Promise.all([
    Promise.all(parts.references.map((r, i) => digestText(r.digestHash, referenceTexts[i]!))),
    Promise.all(keys.map((t) => verifyWithCertificate(t.der, parts.algorithm, parts.signatureValue, signedInfoOctets))),
  ]);
  const broken = parts.references.findIndex((r, i) => !bytesEqual(digests[i]!, r.digestValue));
  const digestOk = broken < 0;
  const { strong: verifiedBy, weak } = chooseVerifier(keys, trustedResults);
  // The KeyInfo key only explains a failure; it is never needed when a trusted certificate verified.
  const keyInfoOk = !verifiedBy && !weak && keyInfo ? await verifyWithCertificate(keyInfo.der, parts.algorithm, parts.signatureValue, signedInfoOctets) : false;

  if (!digestOk) {
    verdict.status = 'invalid';
    verdict.failure = 'digest';
    const genuine = verifiedBy || weak || keyInfoOk;
    const changed = parts.references.length > 1 || parts.references[0]!.node !== target ? describeNode(parts.references[broken]!.node) : `the ${what}`;
    verdict.reason = `digest mismatch: ${changed} was changed after it was signed${genuine ? ' (the SignedInfo itself is genuinely signed, so the content was edited)' : ''}`;
    fail('signature-invalid', 'error', `The signature on ${what} does not verify: ${verdict.reason}. ${C14N_HINT}`);
    return { verdict, problems };
  }

  if (verifiedBy) {
    verdict.status = 'valid';
    verdict.verifiedWith = verifiedBy.info;
    verdict.certificateSha256 = verifiedBy.kind === 'public-key' ? (keyInfo?.info.trusted ? keyInfo.info.sha256 : undefined) : verifiedBy.info.sha256;
    verdict.reason = `verified with ${anchorName(verifiedBy, whoseAnchors(ctx.signer))} from ${verifiedBy.source}${covered ? `; ${covered.text}` : ''}`;
    const sha1 = sha1FingerprintProblem(verifiedBy, where);
    if (sha1) problems.push(sha1);
    return { verdict, problems };
  }
  if (weak) {
    problems.push(weakKeyVerdict(verdict, weak, ctx.signer, `The signature on ${what}`));
    return { verdict, problems };
  }

  const keyInfoText = keyInfo ? `the certificate in the message ${certName(keyInfo.info)}` : '';
  const spKnown = ctx.signer === 'sp' && ctx.trusted.length > 0;
  if (keyInfoOk && keyInfo) {
    verdict.status = 'untrusted';
    verdict.certificateSha256 = keyInfo.info.sha256;
    if (ctx.signer === 'sp' && !spKnown) {
      verdict.reason = `intact, signed by ${keyInfoText}; the SP signs what it sends with its own key and the SP's certificate is not configured, so the signer is not verified (the IdP's certificate is not the key for this message)`;
      fail('signature-untrusted', 'info', `The signature on ${what} is intact (checked with ${keyInfoText}), but the SP's certificate is not configured (import the SP metadata to check it), so the signer is not verified.`, SP_CERTIFICATE_FIX);
    } else if (spKnown) {
      verdict.reason = `signed by a certificate that is not the SP's known one: ${keyInfoText}`;
      fail(
        'signature-untrusted',
        'warning',
        `The signature on ${what} is intact but was made with ${keyInfoText}, which is not the SP's signing certificate (${ctx.trusted.map((t) => `${anchorName(t, whoseAnchors(ctx.signer))} from ${t.source}`).join('; ')}). If the SP rotated its key, update the SP metadata the IdP holds: an IdP that checks SP signatures refuses this message.`,
      );
    } else if (ctx.trusted.length === 0) {
      verdict.reason = 'intact, but the signer is not verified (no trusted IdP certificate configured)';
      fail('signature-untrusted', 'warning', `The signature on ${what} is ${verdict.reason}; it was checked only against ${keyInfoText}, which anyone can put in a message. Add the IdP's signing certificate to verify the signer.`);
    } else {
      const trustedList = ctx.trusted.map(anchorText).join(', ');
      verdict.reason = `signed by a certificate that is not the trusted one: ${keyInfoText}`;
      fail(
        'signature-untrusted',
        'error',
        `The signature on ${what} was made with a certificate that is not the trusted one: the IdP certificate may have been renewed (rollover), or the message is forged. Signed with SHA-256 ${keyInfo.info.sha256}; trusted: ${trustedList}. If the IdP rotated its certificate, add the new one (both may be trusted during the rollover).`,
      );
    }
    return { verdict, problems };
  }

  if (ctx.trusted.length === 0 && !keyInfo) {
    verdict.failure = 'no-key';
    verdict.reason =
      ctx.signer === 'sp'
        ? "cannot be checked: the SP signs what it sends with its own key, the SP's certificate is not configured and the message carries none"
        : 'cannot be checked: no trusted IdP certificate is configured and the message carries none';
    fail('signature-untrusted', ctx.signer === 'sp' ? 'info' : 'warning', `The signature on ${what} ${verdict.reason}.`);
    return { verdict, problems };
  }

  if (!keyInfo && onlyFingerprints(ctx.trusted)) {
    verdict.failure = 'no-key';
    verdict.reason = 'cannot be checked: only certificate fingerprints are trusted, and the message carries no certificate for them to name';
    fail('signature-untrusted', ctx.signer === 'sp' ? 'warning' : 'error', `The signature on ${what} ${verdict.reason}. An SP configured with a fingerprint refuses it too; trust the certificate itself (or its public key) to check such messages.`);
    return { verdict, problems };
  }

  verdict.status = 'invalid';
  verdict.failure = 'signature-value';
  const tried = [...keys.map((t) => anchorName(t, whoseAnchors(ctx.signer))), ...(keyInfo ? [keyInfoText] : [])].join('; ');
  verdict.reason = 'the signature value does not match: wrong or rolled-over certificate, or SignedInfo altered';
  // Without a certificate in the message, a mismatch with the SP's known key cannot tell a rotated SP key
  // from a forgery, and the SP's own outgoing signature is the IdP's decision to trust, not the SP's.
  fail(
    'signature-invalid',
    spKnown && !keyInfo ? 'warning' : 'error',
    `The signature on ${what} does not verify: the content is intact (digest matches) but the signature value matches no key tried (${tried}). Likely a wrong or rolled-over certificate, or an altered SignedInfo. ${C14N_HINT}`,
  );
  return { verdict, problems };
}

function describeNode(node: Element | Document): string {
  return node.nodeType === 9 ? 'the document' : `<${(node as Element).localName}> at ${elementPath(node as Element)}`;
}

/**
 * What the digests cover when it is not just the element the signature sits on: the whole document (URI ""
 * or none; the enveloped transform leaves out only this signature), or several elements (one Reference
 * each). Undefined for the usual single Reference to the signature's parent.
 */
function coverage(parts: SignatureParts, target: Element): { paths: string[]; text: string } | undefined {
  const nodes = parts.references.map((r) => r.node);
  if (nodes.length === 1 && nodes[0] === target) return undefined;
  const whole = nodes.find((n) => n.nodeType === 9) as Document | undefined;
  if (whole) {
    const root = whole.documentElement;
    return { paths: [elementPath(root)], text: `its whole-document Reference (URI "" or none) covers <${root.localName}> and everything in it, this signature left out` };
  }
  const elements = nodes as Element[];
  const named = elements.map((e) => `<${e.localName}> at ${elementPath(e)}`).join(' and ');
  return { paths: elements.map(elementPath), text: elements.length === 1 ? `its Reference covers ${named}, which holds the signed element` : `its ${elements.length} References cover ${named}` };
}
