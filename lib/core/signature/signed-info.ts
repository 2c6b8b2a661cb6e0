import { withoutWhitespace } from '../compact-base64';
import { signatureOrderProblem } from './dsig-order';
import type { ParsedSaml } from '../model';
import {
  ACCEPTED_C14N,
  C14N,
  DIGEST_ALGORITHMS,
  ENVELOPED,
  NS,
  REFUSED_TRANSFORMS,
  SIGNATURE_ALGORITHMS,
  shortAlgorithm,
  type HashName,
  type SignatureAlgorithm,
} from './algorithms';
import { base64ToBytes } from './bytes';
import { attrValue, childElements, findAll, ownId, valueText } from './dom';
import { own } from '../dictionary';

/** One ds:Reference: what it selects and how that is digested. */
export interface ReferencePart {
  /** The element its URI names, or the whole document (URI "" or no URI). */
  node: Element | Document;
  c14n: string;
  prefixes: string[];
  enveloped: boolean;
  digestUri: string;
  digestHash: HashName;
  digestWeak: boolean;
  digestValue: Uint8Array;
}

/** Everything one ds:Signature says, read strictly (VALIDATION.md step 6). */
export interface SignatureParts {
  signature: Element;
  target: Element;
  signedInfo: Element;
  c14n: string;
  c14nPrefixes: string[];
  algorithm: SignatureAlgorithm;
  signatureValue: Uint8Array;
  /** Every Reference; one of them covers `target` (names its ID, or is a whole-document reference). */
  references: ReferencePart[];
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

/** More References than any SAML signer writes (node-saml's Advice fixture has two); bounds the digest work. */
const MAX_REFERENCES = 16;

function prefixList(el: Element | undefined): string[] {
  const incl = el ? childElements(el).find((c) => c.localName === 'InclusiveNamespaces' && c.namespaceURI === C14N.exclusive) : undefined;
  return (incl?.getAttribute('PrefixList') ?? '').split(/\s+/).filter(Boolean);
}

function one(parent: Element, local: string): Element | string {
  const found = childElements(parent, NS.ds, local);
  if (found.length === 1) return found[0]!;
  return found.length === 0 ? `no ds:${local}` : `${found.length} ds:${local} elements (exactly one is allowed)`;
}

type Refusal = { kind: 'structure' | 'algorithm' | 'value'; why: string };

/** Where a Reference URI points: the document for "" or none, an element by its unique ID, nothing else. */
function referencedNode(uri: string | undefined, parsed: ParsedSaml): Node | Refusal {
  if (uri === undefined || uri === '') return parsed.doc;
  const id = uri.startsWith('#') ? uri.slice(1) : undefined;
  if (id === undefined || id === '' || /^xpointer\(/.test(id)) {
    return { kind: 'structure', why: `the Reference URI ${JSON.stringify(uri)} is not "#" followed by an element's ID (nor "" for the whole document): XPointer expressions and other documents are not followed (reference rule)` };
  }
  const el = parsed.ids.get(id);
  if (!el) return { kind: 'structure', why: `the Reference URI ${JSON.stringify(uri)} names no element of this message: no element has ID "${id}" (reference rule)` };
  if (parsed.duplicateIds.includes(id)) return { kind: 'structure', why: `the Reference URI ${JSON.stringify(uri)} is ambiguous: several elements carry ID "${id}" (unique IDs rule)` };
  return el;
}

/** The transforms of one Reference: enveloped-signature and one canonicalisation, nothing else. */
function readTransforms(ref: Element): { c14n: string; prefixes: string[]; enveloped: boolean } | Refusal {
  const structure = (why: string): Refusal => ({ kind: 'structure', why });
  const transformsEl = childElements(ref, NS.ds, 'Transforms');
  if (transformsEl.length > 1) return structure('several ds:Transforms elements');
  const transforms = transformsEl[0] ? childElements(transformsEl[0]) : [];
  if (transforms.length > 2) return structure(`${transforms.length} transforms; at most enveloped-signature and one canonicalisation are allowed (transform rule)`);
  let enveloped = false;
  let c14n: string = C14N.inclusive; // XML-DSig's default node-set-to-octets conversion
  let prefixes: string[] = [];
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
      c14n = alg;
      prefixes = prefixList(t);
      if (childElements(t).some((c) => c.localName !== 'InclusiveNamespaces')) return structure('the canonicalisation transform carries an XPath or other child element (transform rule)');
    } else if (alg === ENVELOPED || ACCEPTED_C14N.has(alg) || REFUSED_TRANSFORMS.has(alg) || !alg) {
      return structure(`transform ${shortAlgorithm(alg)} (${alg || 'no Algorithm'}) is not allowed: only enveloped-signature and one C14N (exclusive, 1.0 or 1.1) (transform rule)`);
    } else {
      return { kind: 'algorithm', why: `the Reference uses the transform ${alg}, which SAML Lens does not support (it implements enveloped-signature and exclusive C14N, C14N 1.0 and C14N 1.1), so the signature cannot be checked here` };
    }
  }
  return { c14n, prefixes, enveloped };
}

/** The node is the target or one of its ancestors (the document included): its digest covers the target. */
function encloses(node: Node, target: Element): boolean {
  for (let n: Node | null = target; n; n = n.parentNode) if (n === node) return true;
  return false;
}

function isRefusal(x: unknown): x is Refusal {
  return typeof x === 'object' && x !== null && 'why' in x;
}

/** Every Reference of SignedInfo, read strictly; one of them must cover the element the signature sits on. */
function readReferences(refs: Element[], target: Element, parsed: ParsedSaml, header: SignatureHeader): ReferencePart[] | Refusal {
  const structure = (why: string): Refusal => ({ kind: 'structure', why });
  if (refs.length === 0) return structure('no ds:Reference in SignedInfo: the signature covers nothing (reference rule)');
  if (refs.length > MAX_REFERENCES) return structure(`${refs.length} ds:Reference elements in SignedInfo (more than ${MAX_REFERENCES})`);
  const out: ReferencePart[] = [];
  let coversTarget = false;
  for (const ref of refs) {
    const dm = one(ref, 'DigestMethod');
    if (typeof dm === 'string') return structure(`${dm} in the Reference`);
    const dv = one(ref, 'DigestValue');
    if (typeof dv === 'string') return structure(`${dv} in the Reference`);
    const digestUri = attrValue(dm, 'Algorithm') ?? '';
    header.digestAlgorithm ??= digestUri || undefined;
    if (own(DIGEST_ALGORITHMS, digestUri)?.weak) header.digestAlgorithm = digestUri;

    const node = referencedNode(attrValue(ref, 'URI'), parsed);
    if (isRefusal(node)) return node;
    if (encloses(node, target)) coversTarget = true;
    const transforms = readTransforms(ref);
    if (isRefusal(transforms)) return transforms;

    const digest = own(DIGEST_ALGORITHMS, digestUri);
    if (!digest) return { kind: 'algorithm', why: `DigestMethod ${digestUri || '(none)'} is not an accepted digest (SHA-1/256/384/512)` };
    const dvText = valueText(dv);
    if (dvText.foreign) return structure(`the DigestValue contains ${dvText.foreign}: its value must be plain base64 text (commented-DigestValue rule)`);
    const digestValue = base64ToBytes(dvText.text);
    if (!digestValue) return { kind: 'value', why: 'the DigestValue is not base64' };
    out.push({ node: node as Element | Document, ...transforms, digestUri, digestHash: digest.hash, digestWeak: digest.weak, digestValue });
  }
  if (!coversTarget) {
    const id = ownId(target);
    const uris = refs.map((r) => JSON.stringify(attrValue(r, 'URI') ?? '')).join(', ');
    return structure(
      `no Reference covers the signed element: the Reference URI${refs.length > 1 ? 's' : ''} ${uris} ${refs.length > 1 ? 'do' : 'does'} not name its own ID${id === undefined ? ' (it has none)' : ` "${id}"`}, an element around it, nor the whole document; a signature must cover the element it sits on (reference rule)`,
    );
  }
  return out;
}

export function readSignature(sig: Element, parsed: ParsedSaml): ReadResult {
  const header: SignatureHeader = {
    keyInfoCertificates: childElements(sig, NS.ds, 'KeyInfo').flatMap((k) =>
      findAll(k, NS.ds, 'X509Certificate').map((c) => withoutWhitespace(valueText(c).text)),
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
  const misplaced = signatureOrderProblem(sig, signedInfo);
  if (misplaced) return structure(misplaced);
  const sigAlgUri = attrValue(sm, 'Algorithm') ?? '';
  header.signatureAlgorithm = sigAlgUri || undefined;

  const references = readReferences(childElements(signedInfo, NS.ds, 'Reference'), target, parsed, header);
  if (isRefusal(references)) return { ok: false, ...references, header };

  const c14n = attrValue(cm, 'Algorithm') ?? '';
  if (!ACCEPTED_C14N.has(c14n)) {
    if (REFUSED_TRANSFORMS.has(c14n) || !c14n) return structure(`SignedInfo canonicalisation ${c14n || '(none)'} is not allowed: only C14N (exclusive, 1.0 or 1.1) (transform rule)`);
    return { ok: false, kind: 'algorithm', why: `SignedInfo is canonicalised with ${c14n}, which SAML Lens does not support (it implements exclusive C14N, C14N 1.0 and C14N 1.1), so the signature cannot be checked here`, header };
  }

  const algorithm = own(SIGNATURE_ALGORITHMS, sigAlgUri);
  if (!algorithm) {
    const hmac = /hmac/i.test(sigAlgUri);
    return {
      ok: false,
      kind: 'algorithm',
      why: hmac
        ? `SignatureMethod ${sigAlgUri} is an HMAC: a shared-secret code, not an IdP signature; anyone who knows or guesses the "key" (e.g. the public certificate's bytes) can forge it (algorithm confusion)`
        : sigAlgUri
          ? `SignatureMethod ${sigAlgUri} is not one SAML Lens supports (it implements RSA PKCS#1 v1.5 and ECDSA with SHA-1/256/384/512), so the signature cannot be checked here`
          : 'the SignatureMethod has no Algorithm, so the signature cannot be checked',
      header,
    };
  }

  const svText = valueText(sv);
  if (svText.foreign) return structure(`the SignatureValue contains ${svText.foreign}: its value must be plain base64 text`);
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
      references,
    },
  };
}
