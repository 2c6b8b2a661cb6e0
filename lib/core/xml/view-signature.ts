import { withoutWhitespace } from '../compact-base64';
import type { SignatureInfo } from '../model';
import { NS } from './ns';
import { ELEMENT, attr, childrenOf, deepText, descendants, firstChild, idOf } from './nodes';
import { elementPath } from './paths';

const DS = NS.ds;

/**
 * What a ds:Signature says about itself. References and transforms are collected from EVERY SignedInfo
 * and Reference (not only the first) so that the signature checks see the shapes wrapping attacks use.
 */
export function signatureInfo(sig: Element): SignatureInfo {
  const parent = sig.parentNode;
  const parentEl = parent && parent.nodeType === ELEMENT ? (parent as Element) : undefined;
  const signedInfos = childrenOf(sig, DS, 'SignedInfo');
  const references = signedInfos.flatMap((si) => childrenOf(si, DS, 'Reference'));
  const first = signedInfos[0];
  const firstRef = references[0];
  const algorithm = (el: Element | undefined, local: string) => {
    const child = el && firstChild(el, DS, local);
    return child && attr(child, 'Algorithm');
  };
  const keyInfo = firstChild(sig, DS, 'KeyInfo');
  return {
    path: elementPath(sig),
    parentPath: parentEl ? elementPath(parentEl) : '',
    parentKind: parentEl ? parentEl.localName : '',
    parentId: parentEl && idOf(parentEl),
    referenceUris: references.map((r) => attr(r, 'URI') ?? ''),
    signatureAlgorithm: algorithm(first, 'SignatureMethod'),
    digestAlgorithm: algorithm(firstRef, 'DigestMethod'),
    canonicalizationAlgorithm: algorithm(first, 'CanonicalizationMethod'),
    transforms: references.flatMap((r) => {
      const ts = firstChild(r, DS, 'Transforms');
      return ts ? childrenOf(ts, DS, 'Transform').map((t) => attr(t, 'Algorithm') ?? '') : [];
    }),
    keyInfoCertificates: keyInfo ? certificatesIn(keyInfo) : [],
  };
}

/** base64 DER of every ds:X509Certificate under a KeyInfo, whitespace removed. */
export function certificatesIn(keyInfo: Element): string[] {
  return descendants(keyInfo, DS, 'X509Certificate')
    .map((c) => withoutWhitespace(deepText(c)))
    .filter((c) => c.length > 0);
}
