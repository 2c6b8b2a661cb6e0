import type { Problem } from '../model';
import { NS } from './ns';
import { ELEMENT, isIdAttr, saml1Id } from './nodes';
import { elementPath } from './paths';

/** What one pass over every element finds: the ID index and the elements the view is built around. */
export interface DocumentIndex {
  ids: Map<string, Element>;
  duplicateIds: string[];
  /** SAML 2.0 and SAML 1.x Assertions, in document order. */
  assertions: Element[];
  encryptedAssertions: Element[];
  signatures: Element[];
}

/**
 * One iterative walk (no recursion: depth is capped by the guards, but a stack array costs nothing) that
 * indexes IDs, finds assertions and signatures wherever they are, and reports undeclared namespace
 * prefixes, which xmldom accepts silently but a namespace-aware reader must not.
 */
export function indexDocument(root: Element, problems: Problem[]): DocumentIndex {
  const index: DocumentIndex = { ids: new Map(), duplicateIds: [], assertions: [], encryptedAssertions: [], signatures: [] };
  const duplicates = new Set<string>();
  let prefixReported = false;
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop() as Element;
    const ns = el.namespaceURI;
    if (!ns && el.prefix && !prefixReported) {
      prefixReported = true;
      problems.push({
        rule: 'decode-failed',
        message: `not XML: the namespace prefix "${el.prefix}" of <${el.nodeName}> is not declared`,
        location: elementPath(el),
      });
    }
    const attrs = el.attributes;
    for (let k = 0; k < attrs.length; k++) {
      const a = attrs[k] as Attr;
      if (isIdAttr(a)) addId(index, duplicates, a.value, el);
    }
    const local = el.localName;
    if (local === 'Assertion' && ns === NS.saml1Assertion) {
      const id = saml1Id(el);
      if (id !== undefined) addId(index, duplicates, id, el);
    }
    if (local === 'Assertion' && (ns === NS.assertion || ns === NS.saml1Assertion)) index.assertions.push(el);
    else if (local === 'EncryptedAssertion' && ns === NS.assertion) index.encryptedAssertions.push(el);
    else if (local === 'Signature' && ns === NS.ds) index.signatures.push(el);
    for (let c = el.lastChild; c; c = c.previousSibling) if (c.nodeType === ELEMENT) stack.push(c as Element);
  }
  index.duplicateIds = [...duplicates];
  return index;
}

function addId(index: DocumentIndex, duplicates: Set<string>, value: string, el: Element): void {
  const seen = index.ids.get(value);
  if (!seen) index.ids.set(value, el);
  else if (seen !== el) duplicates.add(value);
}
