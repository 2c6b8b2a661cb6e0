import { C14nCanonicalization } from 'xml-crypto/lib/c14n-canonicalization';
import { C14N } from './algorithms';
import { exclusiveC14n } from './c14n-exclusive';
import { ancestorBindings, leaf, type Ns } from './c14n-nodes';

/*
 * Canonicalisation of OUR parsed DOM (never a re-parse of the text): exclusive C14N by c14n-exclusive.ts
 * (xml-crypto's algorithm, rewritten for speed), inclusive C14N 1.0 by xml-crypto's canonicaliser. Both
 * carry three corrections to xml-crypto that matter for security and for not mutating the shared document:
 * - the enveloped-signature transform skips the Signature node instead of removing it from the DOM;
 * - node types are dispatched on nodeType: upstream renders a processing instruction as bare text (its
 *   data), which would let `<NameID>a@x.com<?p .evil.com?></NameID>` keep a signer's digest of
 *   `a@x.com.evil.com` while the identity reads `a@x.com`; here a PI is rendered as a PI;
 * - an InclusiveNamespaces PrefixList binding declared on an ancestor is rendered at the apex without
 *   setAttributeNS on the apex (upstream mutates the document).
 */

class SubtreeInclusive extends C14nCanonicalization {
  constructor(private readonly exclude: Node | undefined) {
    super();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override processInner(node: any, prefixes: any, defaultNs: any, forPrefix: any, ancestors: any, inScope: any): string {
    if (node === this.exclude) return '';
    if (node.nodeType !== 1) return leaf(node);
    return super.processInner(node, prefixes, defaultNs ?? '', forPrefix, ancestors, inScope);
  }
}

export interface C14nOptions {
  algorithm: string;
  /** The enveloped signature to leave out. */
  exclude?: Node;
  /** Exclusive C14N's InclusiveNamespaces PrefixList. */
  inclusivePrefixes?: string[];
}

/**
 * xml-crypto's inclusive canonicaliser copies the prefixes in scope for every child and searches them for
 * every declaration: its time grows with elements x bindings in scope (a 1 MB message of empty elements under
 * 95 bindings took 4 s). A real message has a dozen bindings and a few thousand elements, far below these;
 * a signature over more is refused (signature-invalid, "could not be canonicalised") instead.
 */
export const INCLUSIVE_LIMITS = { bindings: 1_000, elementsTimesBindings: 2_000_000 } as const;

/** Whether the subtree is within INCLUSIVE_LIMITS; the walk stops as soon as it is not. */
function inclusiveCost(el: Element): { elements: number; bindings: number; over: boolean } {
  let elements = 0;
  let bindings = 0;
  const nodes: Element[] = [el];
  const inScope: number[] = [ancestorBindings(el).size];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    let here = inScope.pop()!;
    for (let i = 0; i < node.attributes.length; i++) {
      const name = node.attributes[i]!.name;
      if (name === 'xmlns' || name.startsWith('xmlns:')) here++;
    }
    elements++;
    if (here > bindings) bindings = here;
    if (bindings > INCLUSIVE_LIMITS.bindings || elements * bindings > INCLUSIVE_LIMITS.elementsTimesBindings) return { elements, bindings, over: true };
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      nodes.push(c as Element);
      inScope.push(here);
    }
  }
  return { elements, bindings, over: false };
}

/** Canonical form of the subtree at `el`; only the two accepted algorithms are implemented. */
export function canonicalize(el: Element, opts: C14nOptions): string {
  if (opts.algorithm === C14N.exclusive) {
    return exclusiveC14n(el, opts.exclude, opts.inclusivePrefixes ?? []);
  }
  if (opts.algorithm === C14N.inclusive) {
    const cost = inclusiveCost(el);
    if (cost.over) {
      throw new Error(
        `at least ${cost.elements} elements with up to ${cost.bindings} namespace bindings in scope: inclusive C14N is not ` +
          `attempted past ${INCLUSIVE_LIMITS.bindings} bindings or ${INCLUSIVE_LIMITS.elementsTimesBindings} elements x bindings`,
      );
    }
    const ancestorNamespaces: Ns[] = [];
    for (const [prefix, namespaceURI] of ancestorBindings(el)) {
      // an unqualified ancestor default of '' renders nothing at the apex
      if (prefix !== '' || namespaceURI !== '') ancestorNamespaces.push({ prefix, namespaceURI });
    }
    return new SubtreeInclusive(opts.exclude).process(el, { ancestorNamespaces });
  }
  throw new Error(`canonicalisation ${opts.algorithm} is not supported`);
}
