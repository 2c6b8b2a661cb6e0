import type { Problem } from '../model';
import { NS } from './algorithms';
import { childElements, elementPath } from './dom';

/*
 * Identity content where no signature reaches: a NameID, Subject, attribute or condition inside a ds:Signature
 * (the enveloped transform takes the whole Signature out of what is signed, KeyInfo included), in a Response's
 * Extensions or StatusDetail, or directly in a Response, with no signature on an element around it. The
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

/** The first identity element inside `container` in document order; none when it holds an assertion. */
function firstStray(container: Element): Element | undefined {
  let first: Element | undefined;
  const stack: Element[] = [container];
  while (stack.length) {
    const el = stack.pop()!;
    if (el.namespaceURI === NS.assertion) {
      if (el.localName === 'Assertion' || el.localName === 'EncryptedAssertion') return undefined;
      if (!first && el !== container && IDENTITY.has(el.localName)) first = el;
    }
    const kids = childElements(el);
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]!);
  }
  return first;
}

function describe(stray: Element, container: Element): string {
  const where =
    stray.parentNode === container && container.localName === 'Response'
      ? 'directly in the Response'
      : container.localName === 'Signature'
        ? 'inside a ds:Signature'
        : `in the Response's ${container.localName}`;
  return `a <${stray.localName}> at ${elementPath(stray)}, ${where}: no signature covers it, and an SP that looks elements up by name reads it before the assertion's own. A subject, its attributes and its conditions belong inside the signed assertion (stray-identity rule).`;
}

export function strayIdentity(responses: Element[], signatures: Element[]): Problem[] {
  const problems: Problem[] = [];
  const flag = (stray: Element | undefined, container: Element) => {
    if (stray && !covered(stray)) problems.push({ rule: 'signature-wrapping', severity: 'error', message: describe(stray, container), location: elementPath(stray) });
  };
  for (const sig of signatures) flag(firstStray(sig), sig);
  for (const r of responses) {
    for (const c of childElements(r)) {
      if (c.namespaceURI === NS.assertion && IDENTITY.has(c.localName)) flag(c, r);
      else if (c.namespaceURI !== NS.protocol) continue;
      else if (c.localName === 'Extensions') flag(firstStray(c), c);
      else if (c.localName === 'Status') for (const d of childElements(c, NS.protocol, 'StatusDetail')) flag(firstStray(d), d);
    }
  }
  return problems;
}
