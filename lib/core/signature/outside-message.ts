import type { Problem } from '../model';
import { NS as XML_NS } from '../xml/ns';
import { NS } from './algorithms';
import { elementPath, findAllOf, hasAncestor, SAML1_ASSERTION_NS } from './dom';

/*
 * A message read out of a wrapper (a SOAP Body, a WS-Trust RequestedSecurityToken) is judged on its own, and so
 * is every other message in such a slot. An assertion or Response anywhere else in the wrapper (a SOAP Header,
 * beside the RequestedSecurityToken) is judged by nobody, yet a reader that takes the first Assertion or NameID
 * of the document takes it, while the genuine token's signature still verifies.
 */

/** Where a wrapper carries messages: each one there is located and judged as a message of its own. */
function isSlot(el: Node | null): boolean {
  if (!el || el.nodeType !== 1) return false;
  const e = el as Element;
  if (e.localName === 'Body') return e.namespaceURI === XML_NS.soap11 || e.namespaceURI === XML_NS.soap12;
  return e.localName === 'RequestedSecurityToken' && (e.namespaceURI === XML_NS.wsTrust2005 || e.namespaceURI === XML_NS.wsTrust13);
}

const inSlot = (el: Element) => isSlot(el.parentNode) || hasAncestor(el, (n) => isSlot(n.parentNode));

/** Assertions, Responses and subjects of a wrapped document outside every message slot; none when `message` is the root. */
export function outsideMessages(doc: Document, message: Element): Problem[] {
  const top = doc.documentElement;
  if (!top || top === message) return [];
  const found = findAllOf(top, [
    [NS.assertion, 'Assertion'],
    [SAML1_ASSERTION_NS, 'Assertion'],
    [NS.protocol, 'Response'],
    [NS.assertion, 'EncryptedAssertion'],
    // A subject alone is enough for a reader that takes the document's first NameID.
    [NS.assertion, 'Subject'],
    [NS.assertion, 'NameID'],
    [SAML1_ASSERTION_NS, 'Subject'],
    [SAML1_ASSERTION_NS, 'NameIdentifier'],
    // So is an attribute, for a reader that grants roles by the document's first Attribute of a name.
    [NS.assertion, 'Attribute'],
    [SAML1_ASSERTION_NS, 'Attribute'],
  ]).flat();
  const outside = new Set(found.filter((el) => !inSlot(el)));
  // One finding for the outermost: a NameID inside an assertion already named adds nothing.
  return [...outside]
    .filter((el) => !hasAncestor(el, (n) => outside.has(n)))
    .map((el) => ({
      rule: 'signature-wrapping',
      severity: 'error' as const,
      message: `a <${el.localName}> inside <${(el.parentNode as Element).localName}> at ${elementPath(el.parentNode as Element)}, outside the message this document carries: no signature that counts covers it, and a reader that takes the first assertion or NameID of the document takes it (assertion-placement rule).`,
      location: elementPath(el),
    }));
}
