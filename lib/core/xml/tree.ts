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
    eachDescendant(this, (n) => {
      if (n.nodeType !== ELEMENT_NODE) return;
      if ((localName === '*' || n.localName === localName) && (namespaceURI === '*' || (n.namespaceURI ?? null) === (namespaceURI ?? null))) out.push(n);
    });
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

/** Every node below `parent`, in document order (a stack, not recursion: a tree may be deep). */
function eachDescendant(parent: XParentNode, visit: (node: Child) => void): void {
  const stack: Child[] = [];
  for (let c = parent.lastChild; c; c = c.previousSibling) stack.push(c);
  while (stack.length > 0) {
    const n = stack.pop()!;
    visit(n);
    if (n.nodeType === ELEMENT_NODE) for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  }
}

export class XAttr {
  readonly nodeType = ATTRIBUTE_NODE;
  readonly specified = true;
  ownerElement: XElement | null = null;
  readonly parentNode = null;

  constructor(
    readonly name: string,
    readonly prefix: string | null,
    readonly localName: string,
    // undefined, not null, where the name has no namespace: what xmldom's parse gives, and what readers expect.
    readonly namespaceURI: string | undefined,
    readonly value: string,
  ) {}

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

// Most elements of a SAML message have no attributes: they share one empty list.
const NO_ATTRIBUTES: readonly XAttr[] = Object.freeze([]);

function namedItem(list: readonly XAttr[], name: string): XAttr | undefined {
  for (let i = 0; i < list.length; i++) if (list[i]!.name === name) return list[i];
  return undefined;
}

function namedItemNS(list: readonly XAttr[], namespaceURI: string | null, localName: string): XAttr | null {
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    // null and undefined both mean no namespace, as in xmldom's loose comparison.
    if (a.localName === localName && (a.namespaceURI ?? null) === (namespaceURI ?? null)) return a;
  }
  return null;
}

export class XElement extends XParentNode {
  readonly nodeType = ELEMENT_NODE;
  /** Index and length, as a NamedNodeMap has (what the core and DOM libraries read of one). */
  attributes: readonly XAttr[] = NO_ATTRIBUTES;
  /** Offsets in the parsed text (XDocument.source): from the start tag's `<` to after the end tag's `>`. */
  sourceStart = 0;
  sourceEnd = 0;
  /** elementPath's answer, kept on the element: a WeakMap entry per element costs a check more than its path. */
  path: string | undefined = undefined;

  constructor(
    readonly nodeName: string,
    readonly prefix: string | null,
    readonly localName: string,
    readonly namespaceURI: string | undefined,
    readonly ownerDocument: XDocument,
  ) {
    super();
  }

  get tagName(): string {
    return this.nodeName;
  }

  get nodeValue(): null {
    return null;
  }

  /** The builder's, once per element, with every attribute of its start tag. */
  setAttributes(list: XAttr[]): void {
    for (const a of list) a.ownerElement = this;
    this.attributes = list;
  }

  getAttributeNode(name: string): XAttr | undefined {
    return namedItem(this.attributes, name);
  }

  getAttribute(name: string): string {
    return namedItem(this.attributes, name)?.value ?? '';
  }

  hasAttribute(name: string): boolean {
    return namedItem(this.attributes, name) !== undefined;
  }

  getAttributeNodeNS(namespaceURI: string | null, localName: string): XAttr | null {
    return namedItemNS(this.attributes, namespaceURI, localName);
  }

  getAttributeNS(namespaceURI: string | null, localName: string): string {
    return namedItemNS(this.attributes, namespaceURI, localName)?.value ?? '';
  }

  hasAttributeNS(namespaceURI: string | null, localName: string): boolean {
    return namedItemNS(this.attributes, namespaceURI, localName) !== null;
  }

  /** The text of every text and CDATA descendant, in document order (comments and PIs left out). */
  get textContent(): string {
    let out = '';
    eachDescendant(this, (n) => {
      if (n.nodeType === 3 || n.nodeType === 4) out += n.data;
    });
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
