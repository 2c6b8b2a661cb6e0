import { NS } from './algorithms';
import { childElements, isEl } from './dom';

/*
 * XML Signature's content models, in order (xmldsig-core1 §4.1 SignatureType, §4.4 SignedInfoType, §4.4.3
 * ReferenceType: https://www.w3.org/TR/xmldsig-core1/#sec-Signature). libxmlsec1 walks these children in this
 * order and fails on anything else, so a signature with a KeyInfo before its SignatureValue, or an element of
 * another kind among them, is refused by the SPs built on it: SAML Lens must not call it valid. Counting the
 * children (signed-info.ts) is not enough: the order and the extras are what a reader and a verifier could
 * disagree about.
 */
type Slot = readonly [local: string, min: number, max: number];

const SIGNATURE: readonly Slot[] = [
  ['SignedInfo', 1, 1],
  ['SignatureValue', 1, 1],
  ['KeyInfo', 0, 1],
  ['Object', 0, Infinity],
];
const SIGNED_INFO: readonly Slot[] = [
  ['CanonicalizationMethod', 1, 1],
  ['SignatureMethod', 1, 1],
  ['Reference', 1, Infinity],
];
const REFERENCE: readonly Slot[] = [
  ['Transforms', 0, 1],
  ['DigestMethod', 1, 1],
  ['DigestValue', 1, 1],
];

function order(slots: readonly Slot[]): string {
  return slots.map(([local, min]) => (min ? `ds:${local}` : `an optional ds:${local}`)).join(', ');
}

/** Why `el`'s child elements do not follow `slots`, or undefined when they do. */
function misordered(el: Element, slots: readonly Slot[]): string | undefined {
  const kids = childElements(el);
  let i = 0;
  for (const [local, min, max] of slots) {
    let n = 0;
    while (i < kids.length && n < max && isEl(kids[i], NS.ds, local)) {
      i++;
      n++;
    }
    if (n < min) break;
  }
  if (i === kids.length) return undefined;
  const name = kids[i]!.nodeName;
  return `<${name}> is out of place in ds:${el.localName}, whose children must be ${order(slots)}, in that order and nothing else: libxmlsec1 refuses such a signature (signature structure rule)`;
}

/** The first child out of XML Signature's order in the Signature, its SignedInfo or a Reference. */
export function signatureOrderProblem(sig: Element, signedInfo: Element): string | undefined {
  return (
    misordered(sig, SIGNATURE) ??
    misordered(signedInfo, SIGNED_INFO) ??
    childElements(signedInfo, NS.ds, 'Reference').reduce<string | undefined>((found, ref) => found ?? misordered(ref, REFERENCE), undefined)
  );
}
