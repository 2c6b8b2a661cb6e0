// Small DOM helpers over the parsed tree's nodes (lib/core/xml/tree.ts) (node type numbers: the core has no DOM globals at run time).
import { elementPath } from '../xml';

export { elementPath };

export function isEl(node: Node | null | undefined, ns: string, local: string): node is Element {
  return !!node && node.nodeType === 1 && (node as Element).localName === local && (node as Element).namespaceURI === ns;
}

/** Whether an element above `node` (not `node` itself) passes `test`. */
export function hasAncestor(node: Node, test: (el: Element) => boolean): boolean {
  for (let n = node.parentNode; n && n.nodeType === 1; n = n.parentNode) if (test(n as Element)) return true;
  return false;
}

export function childElements(el: Node, ns?: string, local?: string): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== 1) continue;
    if (ns === undefined || isEl(c, ns, local ?? (c as Element).localName)) out.push(c as Element);
  }
  return out;
}

/** Every element in document order below `root` (root included) with this namespace and local name. */
export function findAll(root: Element, ns: string, local: string): Element[] {
  return findAllOf(root, [[ns, local]])[0]!;
}

/**
 * findAll for several names in one walk: for each `[ns, local]`, every element below `root` (root included)
 * with that name, in document order. A 1 MB message has some 12,000 nodes; one walk instead of one per name.
 */
export function findAllOf(root: Element, names: ReadonlyArray<readonly [string, string]>): Element[][] {
  const out = names.map((): Element[] => []);
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    const el = n as Element;
    for (let k = 0; k < names.length; k++) {
      const [ns, local] = names[k]!;
      if (el.localName === local && el.namespaceURI === ns) out[k]!.push(el);
    }
    for (let c = n.lastChild; c; c = c.previousSibling) if (c.nodeType === 1) stack.push(c);
  }
  return out;
}

/**
 * Base64 value text: every text and CDATA child concatenated. Anything else inside (comments, elements,
 * PIs) is reported, because a reader that takes `firstChild` would see a different value
 * (the commented-DigestValue bypass, CVE-2025-29775).
 */
export function valueText(el: Element): { text: string; foreign?: string } {
  let text = '';
  let foreign: string | undefined;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3 || c.nodeType === 4) text += (c as CharacterData).data;
    else foreign ??= c.nodeType === 8 ? 'a comment' : c.nodeType === 1 ? `an element <${(c as Element).localName}>` : 'a markup node';
  }
  return { text, foreign };
}

export function attrValue(el: Element, name: string): string | undefined {
  return el.getAttributeNode(name)?.value ?? undefined;
}

export const SAML1_ASSERTION_NS = 'urn:oasis:names:tc:SAML:1.0:assertion';

/**
 * The element's own ID attribute as the XML helper indexes it (ID, Id or id; a SAML 1.x Assertion's
 * AssertionID, which WS-Federation token signatures reference).
 */
export function ownId(el: Element): string | undefined {
  const id = attrValue(el, 'ID') ?? attrValue(el, 'Id') ?? attrValue(el, 'id');
  if (id !== undefined || !isEl(el, SAML1_ASSERTION_NS, 'Assertion')) return id;
  return attrValue(el, 'AssertionID');
}
