// Node renderings and namespace lookups shared by the exclusive and inclusive canonicalisers (c14n.ts).

export type Ns = { prefix: string; namespaceURI: string };

/** UTF-16 code unit order, which for XML names and URIs is the code point order C14N sorts by (libxml2 does too). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * C14N 1.0 §2.2 (and so exclusive C14N): attributes sorted with the namespace URI as the primary key (none
 * first) and the local name as the secondary key. Not xml-crypto's attrCompare, which compares the URI and the
 * local name glued together ("urn:x"+"z" after "urn:xy"+"a"), so a genuine message signed by libxmlsec1 with
 * such attributes would fail its digest.
 */
export function byNamespaceThenLocal(aNs: string, aLocal: string, bNs: string, bLocal: string): number {
  return byCodePoint(aNs, bNs) || byCodePoint(aLocal, bLocal);
}

/**
 * Sorts a few items in place, stably: an element's attributes and new declarations are a handful, and
 * Array.prototype.sort copies them into a work array first, a large share of what canonicalising allocates.
 */
export function sortFew<T>(items: T[], compare: (a: T, b: T) => number): void {
  // Insertion sort is quadratic: a hostile element with thousands of attributes gets the library's sort.
  if (items.length > 16) {
    items.sort(compare);
    return;
  }
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    let j = i - 1;
    while (j >= 0 && compare(items[j]!, item) > 0) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = item;
  }
}

export function encodeText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#xD;'));
}

const ATTR_SPECIAL = /[&<"\r\n\t]/;

/** An attribute's or a namespace declaration's value as C14N writes it (C14N 1.0 §2.3, both node kinds alike). */
export function encodeAttr(value: string): string {
  if (!ATTR_SPECIAL.test(value)) return value;
  return value.replace(/[&<"\r\n\t]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '"' ? '&quot;' : c === '\r' ? '&#xD;' : c === '\n' ? '&#xA;' : '&#x9;',
  );
}

export function leaf(node: Node): string {
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
export function ancestorBindings(el: Element): Map<string, string> {
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
