import { C14N } from './algorithms';
import { exclusiveC14n } from './c14n-exclusive';
import { inclusiveC14n } from './c14n-inclusive';
import { leaf } from './c14n-nodes';

/*
 * Canonicalisation of OUR parsed DOM (never a re-parse of the text): exclusive C14N by c14n-exclusive.ts
 * (xml-crypto's algorithm, rewritten for speed), inclusive C14N 1.0 and 1.1 by c14n-inclusive.ts (checked
 * against libxml2, which xmlsec1 uses). Both differ from xml-crypto where it matters for security and for
 * not mutating the shared document:
 * - the enveloped-signature transform skips the Signature node instead of removing it from the DOM;
 * - node types are dispatched on nodeType: upstream renders a processing instruction as bare text (its
 *   data), which would let `<NameID>a@x.com<?p .evil.com?></NameID>` keep a signer's digest of
 *   `a@x.com.evil.com` while the identity reads `a@x.com`; here a PI is rendered as a PI;
 * - an InclusiveNamespaces PrefixList binding declared on an ancestor is rendered at the apex without
 *   setAttributeNS on the apex (upstream mutates the document).
 */

export interface C14nOptions {
  algorithm: string;
  /** The enveloped signature to leave out. */
  exclude?: Node;
  /** Exclusive C14N's InclusiveNamespaces PrefixList. */
  inclusivePrefixes?: string[];
  /**
   * Render comments when the algorithm is a #WithComments one. False for a same-document Reference: its
   * URI ("" or "#id") selects the node-set without comments whatever the transform (xmldsig-core §4.3.3.3).
   */
  keepComments?: boolean;
}

function subtree(el: Element, opts: C14nOptions): string {
  switch (opts.algorithm) {
    case C14N.exclusive:
      return exclusiveC14n(el, opts.exclude, opts.inclusivePrefixes ?? []);
    case C14N.inclusive:
      return inclusiveC14n(el, { version: '1.0', comments: false, exclude: opts.exclude });
    case C14N.c14n11:
    case C14N.c14n11WithComments:
      return inclusiveC14n(el, { version: '1.1', comments: opts.algorithm === C14N.c14n11WithComments && !!opts.keepComments, exclude: opts.exclude });
    default:
      throw new Error(`canonicalisation ${opts.algorithm} is not supported`);
  }
}

/**
 * A whole document (Reference URI "" or none): its root element, with the processing instructions around
 * it, each separated from the root by a line feed (C14N §2.1, "document order"); the XML declaration and
 * whitespace outside the root are not nodes of the data model, and comments are not in a "" node-set.
 */
function wholeDocument(doc: Document, opts: C14nOptions): string {
  let out = '';
  let seenRoot = false;
  for (let c = doc.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1) {
      out += subtree(c as Element, opts);
      seenRoot = true;
    } else if (c.nodeType === 7 && (c as ProcessingInstruction).target !== 'xml') {
      out += seenRoot ? `\n${leaf(c)}` : `${leaf(c)}\n`;
    }
  }
  return out;
}

/** Canonical form of the subtree at `node`, or of the whole document; the algorithms of ACCEPTED_C14N. */
export function canonicalize(node: Element | Document, opts: C14nOptions): string {
  return node.nodeType === 9 ? wholeDocument(node as Document, opts) : subtree(node as Element, opts);
}
