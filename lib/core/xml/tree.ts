/*
 * The tree a message is parsed into: the part of the DOM interface the core reads (node kinds, names,
 * namespaces, the sibling links, attributes, text), built once by build.ts and never changed after.
 *
 * xmldom's nodes carried what a mutable, live DOM needs (a NodeList and a NamedNodeMap with a name index per
 * element, a namespace map, change counters, a factory call and bookkeeping per node): building them was
 * four fifths of the parse of a 1 MB Response and most of its garbage (`npm run bench -- --c-floor`). These
 * nodes hold the same values, so the reading code is unchanged and test/core/xml/build.test.ts still compares
 * the tree with xmldom's node by node.
 *
 * Elements also keep where they were in the parsed text (`sourceRange`): decryption puts the plaintext in
 * place of an EncryptedAssertion's own characters instead of cloning and re-serialising the tree.
 */

export const ELEMENT_NODE = 1;
export const ATTRIBUTE_NODE = 2;
export const PI_NODE = 7;
export const DOCUMENT_NODE = 9;

type Parent = XElement | XDocument;
type Child = XElement | XCharacterData | XProcessingInstruction;

abstract class XParentNode {
  parentNode: Parent | null = null;
  previousSibling: Child | null = null;
  nextSibling: Child | null = null;
  firstChild: Child | null = null;
  lastChild: Child | null = null;

  /** A fresh array each time, as the few readers that want one need (everything else follows the links). */
  get childNodes(): Child[] {
    const out: Child[] = [];
    for (let c = this.firstChild; c; c = c.nextSibling) out.push(c);
    return out;
  }

  /** Descendant elements in document order; `*` matches any namespace or name. */
  getElementsByTagNameNS(namespaceURI: string | null, localName: string): XElement[] {
    const out: XElement[] = [];
    const stack: Child[] = [];
    for (let c = this.lastChild; c; c = c.previousSibling) stack.push(c);
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.nodeType !== ELEMENT_NODE) continue;
      if ((localName === '*' || n.localName === localName) && (namespaceURI === '*' || (n.namespaceURI ?? null) === (namespaceURI ?? null))) out.push(n);
      for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
    }
    return out;
  }

  hasChildNodes(): boolean {
    return this.firstChild !== null;
  }

  /** The DOM's names for the two, so that DOM libraries (xml-crypto, in the tests) take these nodes as nodes. */
  appendChild<T extends Child>(child: T): T {
    if (child.parentNode) child.parentNode.removeChild(child);
    this.append(child);
    return child;
  }

  removeChild<T extends Child>(child: T): T {
    if (child.parentNode !== (this as unknown as Parent)) throw new Error('not a child of this node');
    if (child.previousSibling) child.previousSibling.nextSibling = child.nextSibling;
    else this.firstChild = child.nextSibling;
    if (child.nextSibling) child.nextSibling.previousSibling = child.previousSibling;
    else this.lastChild = child.previousSibling;
    child.parentNode = child.previousSibling = child.nextSibling = null;
    return child;
  }

  /** Appends a node made by the builder (never one already in a tree). */
  append(child: Child): void {
    child.parentNode = this as unknown as Parent;
    const last = this.lastChild;
    if (last) {
      last.nextSibling = child;
      child.previousSibling = last;
    } else this.firstChild = child;
    this.lastChild = child;
  }
}

export class XAttr {
  readonly nodeType = ATTRIBUTE_NODE;
  readonly specified = true;
  readonly prefix: string | null;
  readonly localName: string;
  ownerElement: XElement | null = null;
  readonly parentNode = null;

  /** `colon` is where the name's one colon is (the builder has refused names with more), or -1. */
  constructor(
    readonly name: string,
    colon: number,
    // undefined, not null, where the name has no namespace: what xmldom's parse gives, and what readers expect.
    readonly namespaceURI: string | undefined,
    readonly value: string,
  ) {
    this.prefix = colon > 0 ? name.slice(0, colon) : null;
    this.localName = colon > 0 ? name.slice(colon + 1) : name;
  }

  get nodeName(): string {
    return this.name;
  }

  get nodeValue(): string {
    return this.value;
  }

  get textContent(): string {
    return this.value;
  }
}

/** The attributes of an element, array-like (index and length) as a NamedNodeMap is. */
export class XAttributes implements Iterable<XAttr> {
  [index: number]: XAttr;
  length = 0;

  item(index: number): XAttr | null {
    return index >= 0 && index < this.length ? this[index]! : null;
  }

  getNamedItem(name: string): XAttr | undefined {
    for (let i = 0; i < this.length; i++) if (this[i]!.name === name) return this[i];
    return undefined;
  }

  getNamedItemNS(namespaceURI: string | null, localName: string): XAttr | null {
    for (let i = 0; i < this.length; i++) {
      const a = this[i]!;
      // Loose equality, as xmldom compares: null and undefined both mean no namespace.
      if (a.localName === localName && (a.namespaceURI ?? null) === (namespaceURI ?? null)) return a;
    }
    return null;
  }

  *[Symbol.iterator](): Iterator<XAttr> {
    for (let i = 0; i < this.length; i++) yield this[i]!;
  }
}

// Most elements of a SAML message have no attributes: they share one empty list (nothing adds to it later).
const NO_ATTRIBUTES = Object.freeze(new XAttributes());

export class XElement extends XParentNode {
  readonly nodeType = ELEMENT_NODE;
  readonly prefix: string | null;
  readonly localName: string;
  attributes: XAttributes = NO_ATTRIBUTES;
  /** Offsets in the parsed text (XDocument.source): from the start tag's `<` to after the end tag's `>`. */
  sourceStart = 0;
  sourceEnd = 0;

  /** `colon` as for XAttr. */
  constructor(
    readonly nodeName: string,
    colon: number,
    readonly namespaceURI: string | undefined,
    readonly ownerDocument: XDocument,
  ) {
    super();
    this.prefix = colon > 0 ? nodeName.slice(0, colon) : null;
    this.localName = colon > 0 ? nodeName.slice(colon + 1) : nodeName;
  }

  get tagName(): string {
    return this.nodeName;
  }

  get nodeValue(): null {
    return null;
  }

  setAttributeNode(attr: XAttr): void {
    if (this.attributes === NO_ATTRIBUTES) this.attributes = new XAttributes();
    attr.ownerElement = this;
    this.attributes[this.attributes.length++] = attr;
  }

  getAttributeNode(name: string): XAttr | undefined {
    return this.attributes.getNamedItem(name);
  }

  getAttribute(name: string): string {
    return this.attributes.getNamedItem(name)?.value ?? '';
  }

  hasAttribute(name: string): boolean {
    return this.attributes.getNamedItem(name) !== undefined;
  }

  getAttributeNodeNS(namespaceURI: string | null, localName: string): XAttr | null {
    return this.attributes.getNamedItemNS(namespaceURI, localName);
  }

  getAttributeNS(namespaceURI: string | null, localName: string): string {
    return this.attributes.getNamedItemNS(namespaceURI, localName)?.value ?? '';
  }

  hasAttributeNS(namespaceURI: string | null, localName: string): boolean {
    return this.attributes.getNamedItemNS(namespaceURI, localName) !== null;
  }

  /** The text of every text and CDATA descendant, in document order (comments and PIs left out). */
  get textContent(): string {
    let out = '';
    const stack: Child[] = [];
    for (let c = this.lastChild; c; c = c.previousSibling) stack.push(c);
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.nodeType === ELEMENT_NODE) for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
      else if (n.nodeType === 3 || n.nodeType === 4) out += n.data;
    }
    return out;
  }
}

/** What text, comment and PI nodes have alike: no children, no names of their own in a namespace. */
abstract class XLeaf {
  parentNode: Parent | null = null;
  previousSibling: Child | null = null;
  nextSibling: Child | null = null;
  readonly firstChild = null;
  readonly lastChild = null;
  readonly namespaceURI = null;
  readonly prefix = null;
  readonly localName = null;
  readonly attributes = null;

  constructor(
    readonly data: string,
    readonly ownerDocument: XDocument,
  ) {}

  get nodeValue(): string {
    return this.data;
  }

  get textContent(): string {
    return this.data;
  }

  get childNodes(): null {
    return null;
  }

  appendChild(): never {
    throw new Error('this node has no children');
  }

  removeChild(): never {
    throw new Error('this node has no children');
  }
}

const CHARACTER_DATA_NAMES: Record<number, string> = { 3: '#text', 4: '#cdata-section', 8: '#comment' };

/** Text (3), CDATA (4) and comment (8) nodes: one class, so loops over children meet two shapes, not four. */
export class XCharacterData extends XLeaf {
  constructor(
    readonly nodeType: 3 | 4 | 8,
    data: string,
    ownerDocument: XDocument,
  ) {
    super(data, ownerDocument);
  }

  get nodeName(): string {
    return CHARACTER_DATA_NAMES[this.nodeType]!;
  }

  get length(): number {
    return this.data.length;
  }
}

export class XProcessingInstruction extends XLeaf {
  readonly nodeType = PI_NODE;

  constructor(
    readonly target: string,
    data: string,
    ownerDocument: XDocument,
  ) {
    super(data, ownerDocument);
  }

  get nodeName(): string {
    return this.target;
  }

  get tagName(): string {
    return this.target;
  }
}

export class XDocument extends XParentNode {
  readonly nodeType = DOCUMENT_NODE;
  readonly nodeName = '#document';
  readonly namespaceURI = null;
  readonly prefix = null;
  readonly localName = null;
  readonly attributes = null;
  readonly ownerDocument = null;
  documentElement: XElement | null = null;

  /** `source` is the text the offsets of the elements point into. */
  constructor(readonly source: string) {
    super();
  }

  get nodeValue(): null {
    return null;
  }

  get textContent(): null {
    return null;
  }
}

/** Where an element of a tree built by build.ts stands in the text it was parsed from; undefined for any other node. */
export function sourceRange(el: Element): { source: string; start: number; end: number } | undefined {
  const x = el as unknown as XElement;
  if (!(x instanceof XElement) || x.sourceEnd <= x.sourceStart) return undefined;
  return { source: x.ownerDocument.source, start: x.sourceStart, end: x.sourceEnd };
}
