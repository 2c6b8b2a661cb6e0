// The exclusive canonicaliser SAML Lens used before c14n-exclusive.ts: xml-crypto's own, with the
// corrections described in lib/core/signature/c14n.ts, the spec's namespace order, declaration values escaped and
// attributes named xmlnsFoo rendered (C14N 1.0 §2.3, as libxml2 does). Kept here as the reference the fast one
// must match byte for byte.
import { ExclusiveCanonicalization } from 'xml-crypto/lib/exclusive-canonicalization';
import { encodeSpecialCharactersInAttribute as encode } from 'xml-crypto/lib/utils';
import { ancestorBindings, leaf, type Ns } from '../../../lib/core/signature/c14n-nodes';

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
    return super.processInner(node, prefixes, defaultNs ?? '', forPrefix, list);
  }

  // The spec's order (code points, as libxml2 sorts), not xml-crypto's localeCompare: "B" before "a".
  override nsCompare(a: Ns, b: Ns): number {
    return a.prefix === b.prefix ? 0 : a.prefix < b.prefix ? -1 : 1;
  }

  // xml-crypto's, except that only xmlns and xmlns:* are left out (it drops every name starting with "xmlns"),
  // and sorted as C14N says, namespace URI first, then local name (xml-crypto compares the two glued together).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override renderAttrs(node: any): string {
    const shown = Array.from(node.attributes as ArrayLike<Attr>).filter((a) => a.prefix !== 'xmlns' && a.name !== 'xmlns');
    const key = (a: Attr) => [a.namespaceURI ?? '', a.localName] as const;
    shown.sort((a, b) => {
      const [an, al] = key(a);
      const [bn, bl] = key(b);
      return an < bn ? -1 : an > bn ? 1 : al < bl ? -1 : al > bl ? 1 : 0;
    });
    return shown.map((a) => ` ${a.name}="${encode(a.value)}"`).join('');
  }

  // xml-crypto's declarations, written with their values escaped, plus PrefixList prefixes bound above the apex.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override renderNs(node: any, prefixes: Ns[], defaultNs: any, forPrefix: any, list: string[]) {
    const before = prefixes.length;
    const r = super.renderNs(node, prefixes, defaultNs, forPrefix, list);
    const rendered = prefixes.slice(before);
    const raw = rendered.map((p) => ` xmlns:${p.prefix}="${p.namespaceURI}"`).join('');
    // xml-crypto writes ` xmlns="…"` before the prefixed declarations when the default namespace changes.
    const defaultPart = r.rendered.length > raw.length ? ` xmlns="${encode(r.newDefaultNs ?? '')}"` : '';
    const extras: Ns[] = [];
    if (node === this.apex && list.length > 0) {
      const inherited = ancestorBindings(node);
      for (const prefix of list) {
        const uri = inherited.get(prefix);
        if (!prefix || prefix === '#default' || uri === undefined) continue;
        if (prefixes.some((p) => p.prefix === prefix)) continue;
        if (node.getAttributeNode?.(`xmlns:${prefix}`)) continue;
        extras.push({ prefix, namespaceURI: uri });
      }
      prefixes.push(...extras);
    }
    const all = [...rendered, ...extras].sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0));
    return { rendered: defaultPart + all.map((p) => ` xmlns:${p.prefix}="${encode(p.namespaceURI)}"`).join(''), newDefaultNs: r.newDefaultNs };
  }
}

export function referenceExclusiveC14n(apex: Element, exclude: Node | undefined, prefixes: string[]): string {
  return new SubtreeExclusive(apex, exclude).processInner(apex, [], '', {}, prefixes);
}
