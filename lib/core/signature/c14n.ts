import { C14nCanonicalization } from 'xml-crypto/lib/c14n-canonicalization';
import { ExclusiveCanonicalization } from 'xml-crypto/lib/exclusive-canonicalization';
import { C14N } from './algorithms';

/*
 * xml-crypto's canonicalisers, applied to OUR parsed DOM (never a re-parse of the text), with three
 * corrections that matter for security and for not mutating the shared document:
 * - the enveloped-signature transform skips the Signature node instead of removing it from the DOM;
 * - node types are dispatched on nodeType: upstream renders a processing instruction as bare text (its
 *   data), which would let `<NameID>a@x.com<?p .evil.com?></NameID>` keep a signer's digest of
 *   `a@x.com.evil.com` while the identity reads `a@x.com`; here a PI is rendered as a PI;
 * - an InclusiveNamespaces PrefixList binding declared on an ancestor is rendered at the apex without
 *   setAttributeNS on the apex (upstream mutates the document).
 */

type Ns = { prefix: string; namespaceURI: string };

function encodeText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#xD;'));
}

function leaf(node: Node): string {
  switch (node.nodeType) {
    case 3: // text
    case 4: // CDATA: its character content, as C14N requires
      return encodeText((node as CharacterData).data);
    case 7: {
      const pi = node as ProcessingInstruction;
      return `<?${pi.target}${pi.data ? ` ${pi.data}` : ''}?>`;
    }
    default:
      // comments (no #WithComments variant is accepted), entity references (DOCTYPE is refused earlier)
      return '';
  }
}

/** Namespace bindings in scope at `el` from its ancestors (nearest wins), excluding `xml`. */
function ancestorBindings(el: Element): Map<string, string> {
  const found = new Map<string, string>();
  for (let n = el.parentNode; n && n.nodeType === 1; n = n.parentNode) {
    const attrs = (n as Element).attributes;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i]!;
      const prefix = a.prefix === 'xmlns' ? a.localName : a.name === 'xmlns' ? '' : undefined;
      if (prefix !== undefined && !found.has(prefix)) found.set(prefix, a.value);
    }
  }
  return found;
}

class SubtreeExclusive extends ExclusiveCanonicalization {
  constructor(
    private readonly apex: Element,
    private readonly exclude: Node | undefined,
  ) {
    super();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override processInner(node: any, prefixes: any, defaultNs: any, forPrefix: any, list: string[]): string {
    if (node === this.exclude) return '';
    if (node.nodeType !== 1) return leaf(node);
    // upstream passes a null default namespace down after an unqualified element; treat it as ''
    return super.processInner(node, prefixes, defaultNs ?? '', forPrefix, list);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override renderNs(node: any, prefixes: Ns[], defaultNs: any, forPrefix: any, list: string[]) {
    const before = prefixes.length;
    const r = super.renderNs(node, prefixes, defaultNs, forPrefix, list);
    if (node !== this.apex || list.length === 0) return r;
    const inherited = ancestorBindings(node);
    const extras: Ns[] = [];
    for (const prefix of list) {
      const uri = inherited.get(prefix);
      if (!prefix || prefix === '#default' || uri === undefined) continue;
      if (prefixes.some((p) => p.prefix === prefix)) continue;
      if (node.getAttributeNode?.(`xmlns:${prefix}`)) continue;
      extras.push({ prefix, namespaceURI: uri });
    }
    if (extras.length === 0) return r;
    const rendered = prefixes.slice(before);
    const nsPart = rendered.map((p) => ` xmlns:${p.prefix}="${p.namespaceURI}"`).join('');
    const defaultPart = r.rendered.slice(0, r.rendered.length - nsPart.length);
    prefixes.push(...extras);
    const all = [...rendered, ...extras].sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0));
    return { rendered: defaultPart + all.map((p) => ` xmlns:${p.prefix}="${p.namespaceURI}"`).join(''), newDefaultNs: r.newDefaultNs };
  }
}

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
    return new SubtreeExclusive(el, opts.exclude).processInner(el, [], '', {}, opts.inclusivePrefixes ?? []);
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
