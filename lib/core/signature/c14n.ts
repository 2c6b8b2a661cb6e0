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

/** Canonical form of the subtree at `el`; only the two accepted algorithms are implemented. */
export function canonicalize(el: Element, opts: C14nOptions): string {
  if (opts.algorithm === C14N.exclusive) {
    return exclusiveC14n(el, opts.exclude, opts.inclusivePrefixes ?? []);
  }
  if (opts.algorithm === C14N.inclusive) {
    const ancestorNamespaces: Ns[] = [];
    for (const [prefix, namespaceURI] of ancestorBindings(el)) {
      // an unqualified ancestor default of '' renders nothing at the apex
      if (prefix !== '' || namespaceURI !== '') ancestorNamespaces.push({ prefix, namespaceURI });
    }
    return new SubtreeInclusive(opts.exclude).process(el, { ancestorNamespaces });
  }
  throw new Error(`canonicalisation ${opts.algorithm} is not supported`);
}
