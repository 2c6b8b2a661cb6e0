import { ancestorBindings, byCodePoint, byNamespaceThenLocal, encodeAttr, encodeText, leaf, sortFew } from './c14n-nodes';

/*
 * Exclusive XML canonicalisation (xml-exc-c14n, without comments) of one subtree of our DOM: the same
 * algorithm and the same output as xml-crypto's ExclusiveCanonicalization with the corrections listed in
 * c14n.ts, written for speed (it is the verifier's hottest loop): one output string, one scope that is
 * unwound after each child instead of copied for every child node, no intermediate arrays per element, and
 * time linear in the namespace declarations and the PrefixList. test/core/signature/c14n.test.ts compares it byte for byte with xml-crypto's canonicaliser.
 *
 * Kept from xml-crypto on purpose: a prefixed attribute whose local name is in the PrefixList is taken as a
 * declaration of that prefix. Not kept, where xml-crypto departs from the spec and from libxml2 (and so from
 * xmlsec1, whose signatures must verify here, test/core/signature/c14n-inclusive.test.ts): it orders namespace
 * declarations with localeCompare ("a" before "B"), the spec by code point ("B" before "a", C14N 1.0 §2.2); it
 * writes a declaration's value unescaped and drops every attribute whose name starts with "xmlns"
 * (xmlnsFormat included), both of which let content change under a signature that still verifies.
 */

interface Binding {
  prefix: string;
  uri: string | null | undefined;
}

/**
 * The bindings rendered on the path from the apex: one stack per prefix plus the order they were rendered in,
 * so that "the innermost binding of this prefix" is one look-up and leaving an element pops only what it
 * added. (A scan of every binding per attribute was quadratic in the namespace declarations.)
 */
class Scope {
  private readonly byPrefix = new Map<string, Binding[]>();
  private readonly order: Binding[] = [];

  get depth(): number {
    return this.order.length;
  }

  push(b: Binding): void {
    this.order.push(b);
    const stack = this.byPrefix.get(b.prefix);
    if (stack) stack.push(b);
    else this.byPrefix.set(b.prefix, [b]);
  }

  /** Back to `depth` bindings, as when the element that rendered the others is left. */
  leave(depth: number): void {
    while (this.order.length > depth) this.byPrefix.get(this.order.pop()!.prefix)!.pop();
  }

  has(prefix: string): boolean {
    return (this.byPrefix.get(prefix)?.length ?? 0) > 0;
  }

  /** xml-crypto's isPrefixInScope: the innermost rendered binding of the prefix has this URI. */
  inScope(prefix: string, uri: string | null | undefined): boolean {
    const stack = this.byPrefix.get(prefix);
    return !!stack && stack.length > 0 && stack[stack.length - 1]!.uri === uri;
  }
}

function byPrefixOf(a: Binding, b: Binding): number {
  return byCodePoint(a.prefix, b.prefix);
}

function byNamespaceThenName(a: Attr, b: Attr): number {
  return byNamespaceThenLocal(a.namespaceURI ?? '', a.localName, b.namespaceURI ?? '', b.localName);
}

const TEXT_SPECIAL = /[&<>\r]/;

class Exclusive {
  private out = '';
  private readonly scope = new Scope();
  /** The PrefixList as a set: a search of the list per attribute was quadratic in its length. */
  private readonly inList: ReadonlySet<string>;

  constructor(
    private readonly apex: Element,
    private readonly exclude: Node | undefined,
    private readonly list: string[],
  ) {
    this.inList = new Set(list);
  }

  run(): string {
    this.element(this.apex, '');
    return this.out;
  }

  private element(el: Element, defaultNs: string): void {
    const { scope, inList } = this;
    const rendered: Binding[] = [];
    let nsText = '';
    let childDefault = defaultNs;
    const prefix = el.prefix;
    if (prefix) {
      const uri = el.namespaceURI || undefined;
      if (!scope.inScope(prefix, uri)) {
        const b = { prefix, uri };
        rendered.push(b);
        scope.push(b);
      }
    } else if (defaultNs !== (el.namespaceURI || '')) {
      childDefault = el.namespaceURI ?? '';
      nsText = ` xmlns="${encodeAttr(childDefault)}"`;
    }

    const attrs = el.attributes;
    const n = attrs.length;
    let shown: Attr[] | undefined;
    for (let i = 0; i < n; i++) {
      const a = attrs[i]!;
      const ap = a.prefix;
      if (ap) {
        if (inList.size > 0 && inList.has(a.localName) && !scope.inScope(a.localName, a.value)) {
          const b = { prefix: a.localName, uri: a.value };
          rendered.push(b);
          scope.push(b);
        }
        if (ap !== 'xmlns' && ap !== 'xml' && !scope.inScope(ap, a.namespaceURI)) {
          const b = { prefix: ap, uri: a.namespaceURI };
          rendered.push(b);
          scope.push(b);
        }
      }
      // Only xmlns and xmlns:* declare namespaces; xmlnsFoo is an attribute like any other, and leaving it out
      // would let it be added to signed content unseen (libxml2, and so xmlsec1, renders it).
      if (ap !== 'xmlns' && a.name !== 'xmlns') (shown ??= []).push(a);
    }
    if (rendered.length > 1) sortFew(rendered, byPrefixOf);
    if (el === this.apex && inList.size > 0) this.apexExtras(el, rendered);
    // Escaped like any attribute value: a declaration's value written raw could hold markup that stands for a
    // stretch of the signed bytes while the parser reads something else there.
    for (const b of rendered) nsText += ` xmlns:${b.prefix}="${encodeAttr(b.uri ?? '')}"`;

    let attrText = '';
    if (shown) {
      if (shown.length > 1) sortFew(shown, byNamespaceThenName);
      for (const a of shown) attrText += ` ${a.name}="${encodeAttr(a.value)}"`;
    }

    const name = el.tagName;
    this.out += `<${name}${nsText}${attrText}>`;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c === this.exclude) continue;
      if (c.nodeType === 1) {
        const depth = scope.depth;
        this.element(c as Element, childDefault);
        scope.leave(depth);
      } else if (c.nodeType === 3 || c.nodeType === 4) {
        const data = (c as CharacterData).data;
        this.out += TEXT_SPECIAL.test(data) ? encodeText(data) : data;
      } else {
        this.out += leaf(c);
      }
    }
    this.out += `</${name}>`;
  }

  /**
   * PrefixList prefixes bound on an ancestor outside the subtree are rendered at the apex (xml-crypto
   * does this by writing the declarations onto the apex element; here the document is left alone).
   */
  private apexExtras(el: Element, rendered: Binding[]): void {
    const inherited = ancestorBindings(el);
    const declaredHere = new Set<string>();
    for (let i = 0; i < el.attributes.length; i++) {
      const name = el.attributes[i]!.name;
      if (name.startsWith('xmlns:')) declaredHere.add(name.slice(6));
    }
    const extras: Binding[] = [];
    const added = new Set<string>();
    for (const prefix of this.list) {
      const uri = inherited.get(prefix);
      if (!prefix || prefix === '#default' || uri === undefined) continue;
      if (this.scope.has(prefix) || added.has(prefix)) continue;
      if (declaredHere.has(prefix)) continue;
      extras.push({ prefix, uri });
      added.add(prefix);
    }
    if (extras.length === 0) return;
    for (const b of extras) {
      this.scope.push(b);
      rendered.push(b);
    }
    rendered.sort(byPrefixOf);
  }
}

/** Canonical octets (as a string) of the subtree at `apex`, leaving out `exclude` (the enveloped signature). */
export function exclusiveC14n(apex: Element, exclude: Node | undefined, inclusivePrefixes: string[]): string {
  return new Exclusive(apex, exclude, inclusivePrefixes).run();
}
