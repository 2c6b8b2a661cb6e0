import type { ParsedSaml } from '../model';
import {
  ACCEPTED_C14N,
  C14N,
  DIGEST_ALGORITHMS,
  ENVELOPED,
  NS,
  SIGNATURE_ALGORITHMS,
  shortAlgorithm,
  type HashName,
  type SignatureAlgorithm,
} from './algorithms';
import { base64ToBytes } from './bytes';
import { attrValue, childElements, findAll, ownId, valueText } from './dom';

/** Everything one ds:Signature says, read strictly (VALIDATION.md step 6). */
export interface SignatureParts {
  signature: Element;
  target: Element;
  signedInfo: Element;
  c14n: string;
  c14nPrefixes: string[];
  algorithm: SignatureAlgorithm;
  signatureValue: Uint8Array;
  referenceC14n: string;
  referencePrefixes: string[];
  enveloped: boolean;
  digestHash: HashName;
  digestWeak: boolean;
  digestValue: Uint8Array;
}

/** What the verdict shows even when the signature is refused. */
export interface SignatureHeader {
  signatureAlgorithm?: string;
  digestAlgorithm?: string;
  keyInfoCertificates: string[];
}

export type ReadResult =
  | { ok: true; parts: SignatureParts; header: SignatureHeader }
  | { ok: false; kind: 'structure' | 'algorithm' | 'value'; why: string; header: SignatureHeader };

function prefixList(el: Element | undefined): string[] {
  const incl = el ? childElements(el).find((c) => c.localName === 'InclusiveNamespaces' && c.namespaceURI === C14N.exclusive) : undefined;
  return (incl?.getAttribute('PrefixList') ?? '').split(/\s+/).filter(Boolean);
}

function one(parent: Element, local: string): Element | string {
  const found = childElements(parent, NS.ds, local);
  if (found.length === 1) return found[0]!;
  return found.length === 0 ? `no ds:${local}` : `${found.length} ds:${local} elements (exactly one is allowed)`;
}

export function readSignature(sig: Element, parsed: ParsedSaml): ReadResult {
  const header: SignatureHeader = {
    keyInfoCertificates: childElements(sig, NS.ds, 'KeyInfo').flatMap((k) =>
      findAll(k, NS.ds, 'X509Certificate').map((c) => valueText(c).text.replace(/\s+/g, '')),
    ),
  };
  const structure = (why: string): ReadResult => ({ ok: false, kind: 'structure', why, header });
  const target = sig.parentNode as Element;

  const signedInfo = one(sig, 'SignedInfo');
  if (typeof signedInfo === 'string') return structure(`${signedInfo} in the Signature (several-SignedInfo rule)`);
  const sv = one(sig, 'SignatureValue');
  if (typeof sv === 'string') return structure(`${sv} in the Signature`);
  const cm = one(signedInfo, 'CanonicalizationMethod');
  if (typeof cm === 'string') return structure(`${cm} in SignedInfo`);
  const sm = one(signedInfo, 'SignatureMethod');
  if (typeof sm === 'string') return structure(`${sm} in SignedInfo`);
  const refs = childElements(signedInfo, NS.ds, 'Reference');
  if (refs.length !== 1) return structure(`${refs.length} ds:Reference elements in SignedInfo; exactly one, pointing at the signed element, is allowed (single-reference rule)`);
  const ref = refs[0]!;
  const dm = one(ref, 'DigestMethod');
  if (typeof dm === 'string') return structure(`${dm} in the Reference`);
  const dv = one(ref, 'DigestValue');
  if (typeof dv === 'string') return structure(`${dv} in the Reference`);

  const sigAlgUri = attrValue(sm, 'Algorithm') ?? '';
  const digestUri = attrValue(dm, 'Algorithm') ?? '';
  header.signatureAlgorithm = sigAlgUri || undefined;
  header.digestAlgorithm = digestUri || undefined;

  // Reference URI: '#' + the parent's own ID; '' (or none) only for a whole-document signature on the root.
  const uri = attrValue(ref, 'URI');
  const parentId = ownId(target);
  if (uri === undefined || uri === '') {
    if (target !== parsed.doc.documentElement) return structure(`the Reference URI is empty ("whole document") but the signature sits on <${target.localName}>, not on the root (reference rule)`);
  } else if (parentId === undefined || uri !== `#${parentId}`) {
    return structure(
      `the Reference URI ${JSON.stringify(uri)} does not name the signed element's own ID${parentId === undefined ? ' (it has none)' : ` "${parentId}"`}: a signature must cover the element it sits on (reference rule)`,
    );
  } else if (parsed.ids.get(parentId) !== target) {
    return structure(`ID "${parentId}" resolves to another element than the signature's parent (reference rule)`);
  }

  // Transforms: enveloped-signature and one canonicalisation, nothing else (no XPath, XSLT, comments).
  const transformsEl = childElements(ref, NS.ds, 'Transforms');
  if (transformsEl.length > 1) return structure('several ds:Transforms elements');
  const transforms = transformsEl[0] ? childElements(transformsEl[0]) : [];
  if (transforms.length > 2) return structure(`${transforms.length} transforms; at most enveloped-signature and one exclusive canonicalisation are allowed (transform rule)`);
  let enveloped = false;
  let referenceC14n: string = C14N.inclusive; // XML-DSig's default node-set-to-octets conversion
  let referencePrefixes: string[] = [];
  let seenC14n = false;
  for (const t of transforms) {
    const alg = attrValue(t, 'Algorithm') ?? '';
    if (t.localName !== 'Transform' || t.namespaceURI !== NS.ds) return structure(`unexpected <${t.localName}> in ds:Transforms`);
    if (alg === ENVELOPED && !enveloped) {
      // xml-crypto's signer copies InclusiveNamespaces onto this transform too; it has no effect there.
      if (childElements(t).some((c) => c.localName !== 'InclusiveNamespaces')) return structure('the enveloped-signature transform has child elements');
      enveloped = true;
    } else if (ACCEPTED_C14N.has(alg) && !seenC14n) {
      seenC14n = true;
      referenceC14n = alg;
      referencePrefixes = prefixList(t);
      if (childElements(t).some((c) => c.localName !== 'InclusiveNamespaces')) return structure('the canonicalisation transform carries an XPath or other child element (transform rule)');
    } else {
      return structure(`transform ${shortAlgorithm(alg)} (${alg || 'no Algorithm'}) is not allowed: only enveloped-signature and one C14N (exclusive, or 1.0) without comments (transform rule)`);
    }
  }

  const c14n = attrValue(cm, 'Algorithm') ?? '';
  if (!ACCEPTED_C14N.has(c14n)) return structure(`SignedInfo canonicalisation ${c14n || '(none)'} is not allowed: only C14N (exclusive, or 1.0) without comments (transform rule)`);

  const algorithm = SIGNATURE_ALGORITHMS[sigAlgUri];
  if (!algorithm) {
    const hmac = /hmac/i.test(sigAlgUri);
    return {
      ok: false,
      kind: 'algorithm',
      why: hmac
        ? `SignatureMethod ${sigAlgUri} is an HMAC: a shared-secret code, not an IdP signature; anyone who knows or guesses the "key" (e.g. the public certificate's bytes) can forge it (algorithm confusion)`
        : `SignatureMethod ${sigAlgUri || '(none)'} is not an accepted signature algorithm (RSA or ECDSA with SHA-1/256/384/512)`,
      header,
    };
  }
  const digest = DIGEST_ALGORITHMS[digestUri];
  if (!digest) return { ok: false, kind: 'algorithm', why: `DigestMethod ${digestUri || '(none)'} is not an accepted digest (SHA-1/256/384/512)`, header };

  const dvText = valueText(dv);
  if (dvText.foreign) return structure(`the DigestValue contains ${dvText.foreign}: its value must be plain base64 text (commented-DigestValue rule)`);
  const svText = valueText(sv);
  if (svText.foreign) return structure(`the SignatureValue contains ${svText.foreign}: its value must be plain base64 text`);
  const digestValue = base64ToBytes(dvText.text);
  if (!digestValue) return { ok: false, kind: 'value', why: 'the DigestValue is not base64', header };
  const signatureValue = base64ToBytes(svText.text);
  if (!signatureValue) return { ok: false, kind: 'value', why: 'the SignatureValue is not base64', header };

  return {
    ok: true,
    header,
    parts: {
      signature: sig,
      target,
      signedInfo,
      c14n,
      c14nPrefixes: prefixList(cm),
      algorithm,
      signatureValue,
      referenceC14n,
      referencePrefixes,
      enveloped,
      digestHash: digest.hash,
      digestWeak: digest.weak,
      digestValue,
    },
  };
}
