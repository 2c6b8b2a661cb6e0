import type { Problem } from '../model';
import { NS } from './algorithms';
import { childElements, elementPath, hasAncestor, isEl } from './dom';

/*
 * Identity content where no signature reaches: a NameID, Subject, attribute or condition inside a ds:Signature
 * (the enveloped transform takes the whole Signature out of what is signed, KeyInfo included), or anywhere in a
 * Response outside its assertions (Extensions, Status, a foreign wrapper), with no signature on an element
 * around it. The
 * genuine signature still verifies, but an SP that looks elements up by name (the first NameID in the document)
 * reads the stray one, which comes first in document order. No IdP writes assertion content there; an
 * assertion itself in such a place is the assertion-placement rule's (structure.ts), so a container holding one
 * is left to it.
 */

const IDENTITY = new Set([
  'Subject',
  'NameID',
  'EncryptedID',
  'BaseID',
  'SubjectConfirmation',
  'Conditions',
  'AudienceRestriction',
  'Audience',
  'AttributeStatement',
  'Attribute',
  'EncryptedAttribute',
  'AuthnStatement',
  'AuthzDecisionStatement',
]);

/**
 * Whether a signature on an element around `el` covers it: one sitting on an ancestor, other than a Signature
 * `el` is inside (the enveloped transform removes that one). Whether it verifies is judged on its own; the IdP
 * that signed it wrote what it covers.
 */
function covered(el: Element): boolean {
  const inside = new Set<Node>();
  for (let n: Node | null = el.parentNode; n && n.nodeType === 1; n = n.parentNode) inside.add(n);
  for (const a of inside) for (const sig of childElements(a, NS.ds, 'Signature')) if (!inside.has(sig)) return true;
  return false;
}

/**
 * Identity names a reader that looks elements up by local name alone would take, in any other namespace: the
 * subject, and the attributes an SP grants roles by (`//*[local-name()='Attribute']`).
 */
const LOOKALIKE = new Set(['Assertion', 'Subject', 'NameID', 'NameIdentifier', 'AttributeStatement', 'Attribute', 'AttributeValue']);

function isIdentity(el: Element): boolean {
  return el.namespaceURI === NS.assertion ? IDENTITY.has(el.localName) : LOOKALIKE.has(el.localName);
}

/** The first identity element inside a ds:Signature in document order; none when it holds an assertion. */
function firstStray(container: Element): Element | undefined {
  let first: Element | undefined;
  const stack: Element[] = [container];
  while (stack.length) {
    const el = stack.pop()!;
    if (el.namespaceURI === NS.assertion && (el.localName === 'Assertion' || el.localName === 'EncryptedAssertion')) return undefined;
    if (!first && el !== container && isIdentity(el)) first = el;
    const kids = childElements(el);
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]!);
  }
  return first;
}

/**
 * Identity elements anywhere in a Response or ArtifactResponse outside its assertions, its signatures (judged
 * above) and the message an ArtifactResponse carries (judged as its own): Status, StatusMessage, Extensions, a
 * foreign wrapper, the Issuer. An assertion in such a place is the assertion-placement rule's, except one in
 * another namespace, which no SAML reader takes for an assertion but a reader by local name does.
 */
function strayIn(message: Element, inner: Set<Element>): Element[] {
  const out: Element[] = [];
  const stack: Element[] = childElements(message).reverse();
  while (stack.length && out.length < 5) {
    const el = stack.pop()!;
    if (inner.has(el) || (el.namespaceURI === NS.ds && el.localName === 'Signature')) continue;
    if (el.namespaceURI === NS.assertion && (el.localName === 'Assertion' || el.localName === 'EncryptedAssertion')) continue;
    if (isIdentity(el)) {
      out.push(el);
      continue;
    }
    const kids = childElements(el);
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]!);
  }
  return out;
}

function describe(stray: Element, message: Element): string {
  const parent = stray.parentNode as Element;
  const where = hasAncestor(stray, (n) => isEl(n, NS.ds, 'Signature'))
    ? 'inside a ds:Signature'
    : parent === message
      ? `directly in the ${message.localName}`
      : `in the ${message.localName}'s <${parent.localName}>`;
  const foreign = stray.namespaceURI !== NS.assertion ? ` (in ${stray.namespaceURI ? `namespace "${stray.namespaceURI}"` : 'no namespace'}, named like SAML's)` : '';
  return `a <${stray.localName}>${foreign} at ${elementPath(stray)}, ${where}: no signature covers it, and an SP that looks elements up by name reads it before the assertion's own. A subject, its attributes and its conditions belong inside the signed assertion (stray-identity rule).`;
}

const JUDGED = new Set(['Response', 'ArtifactResponse']);

export function strayIdentity(messages: Element[], signatures: Element[]): Problem[] {
  const problems: Problem[] = [];
  const flag = (stray: Element | undefined, message: Element) => {
    if (stray && !covered(stray)) problems.push({ rule: 'signature-wrapping', severity: 'error', message: describe(stray, message), location: elementPath(stray) });
  };
  const inner = new Set(messages);
  for (const sig of signatures) flag(firstStray(sig), sig);
  for (const m of messages) {
    if (m.namespaceURI !== NS.protocol || !JUDGED.has(m.localName)) continue;
    for (const stray of strayIn(m, inner)) flag(stray, m);
  }
  return problems;
}
