import type { Problem } from '../model';
import { NS } from './ns';
import { ELEMENT, isIdAttr, saml1Id } from './nodes';
import { elementPath } from './paths';
import { NamespaceCheck } from './lookalike';

/** What one pass over every element finds: the ID index and the elements the view is built around. */
export interface DocumentIndex {
  ids: Map<string, Element>;
  duplicateIds: string[];
  /** SAML 2.0 and SAML 1.x Assertions, in document order. */
  assertions: Element[];
  encryptedAssertions: Element[];
  signatures: Element[];
  /** Outermost elements in a SAML 1.x namespace (judged once the message's SAML version is known). */
  saml1Elements: Element[];
}

/**
 * One iterative walk (no recursion: depth is capped by the guards, but a stack array costs nothing) that
 * indexes IDs, finds assertions and signatures wherever they are, and reports undeclared namespace
 * prefixes, which xmldom accepts silently but a namespace-aware reader must not, and elements in
 * namespaces that imitate SAML's (lookalike.ts).
 */
export function indexDocument(root: Element, problems: Problem[]): DocumentIndex {
  const namespaces = new NamespaceCheck(problems);
  const index: DocumentIndex = { ids: new Map(), duplicateIds: [], assertions: [], encryptedAssertions: [], signatures: [], saml1Elements: namespaces.saml1 };
  const duplicates = new Set<string>();
  let prefixReported = false;
  let sameNameReported = false;
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop() as Element;
    const ns = el.namespaceURI;
    namespaces.visit(el);
    if (!ns && el.prefix && !prefixReported) {
      prefixReported = true;
      problems.push({
        rule: 'decode-failed',
        message: `not XML: the namespace prefix "${el.prefix}" of <${el.nodeName}> is not declared`,
        location: elementPath(el),
      });
    }
    const attrs = el.attributes;
    let prefixed = 0;
    for (let k = 0; k < attrs.length; k++) {
      const a = attrs[k] as Attr;
      if (isIdAttr(a)) addId(index, duplicates, a.value, el);
      if (a.prefix && a.prefix !== 'xmlns') prefixed++;
    }
    if (prefixed > 1 && !sameNameReported) sameNameReported = reportSameExpandedName(el, problems);
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

/**
 * `x:ID` and `y:ID` with x and y bound to the same namespace are one attribute twice (Namespaces in XML
 * §6.3). The text guard sees two names; xmldom keeps both, and which one a reader takes is a guess.
 */
function reportSameExpandedName(el: Element, problems: Problem[]): boolean {
  const seen = new Set<string>();
  const attrs = el.attributes;
  for (let k = 0; k < attrs.length; k++) {
    const a = attrs[k] as Attr;
    if (a.namespaceURI === NS.xmlns) continue;
    const key = `${a.namespaceURI ?? ''} ${a.localName}`;
    if (seen.has(key)) {
      problems.push({
        rule: 'xml-refused',
        message: `refused to parse: attribute ${a.localName} in namespace "${a.namespaceURI ?? ''}" appears twice on <${el.nodeName}> under different prefixes; parsers disagree on which copy counts`,
        location: elementPath(el),
      });
      return true;
    }
    seen.add(key);
  }
  return false;
}
