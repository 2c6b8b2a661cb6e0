import type { TextSplitKind } from '../model';

/**
 * Small namespace-aware helpers over the tree's nodes (tree.ts). Node type numbers are used instead of `Node.ELEMENT_NODE`
 * because the core has no DOM globals at run time.
 */
export const ELEMENT = 1;
export const TEXT = 3;
export const CDATA = 4;
export const COMMENT = 8;

export function is(el: Element | null | undefined, ns: string, local: string): el is Element {
  return !!el && el.localName === local && el.namespaceURI === ns;
}

export function firstChild(el: Element, ns: string, local: string): Element | undefined {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT && is(c as Element, ns, local)) return c as Element;
  }
  return undefined;
}

export function childrenOf(el: Element, ns: string, local: string): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT && is(c as Element, ns, local)) out.push(c as Element);
  }
  return out;
}

export function elementChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT) out.push(c as Element);
  return out;
}

/** Descendants (document order) matching namespace + local name. */
export function descendants(el: Element, ns: string, local: string): Element[] {
  const out: Element[] = [];
  const stack: Node[] = [];
  for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
  while (stack.length) {
    const n = stack.pop() as Node;
    if (n.nodeType !== ELEMENT) continue;
    if (is(n as Element, ns, local)) out.push(n as Element);
    for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return out;
}

/** An unprefixed attribute's value, or undefined when absent (getAttribute returns '' for absent, as in xmldom). */
export function attr(el: Element, name: string): string | undefined {
  // One look-up: hasAttribute and getAttribute each scan the attributes.
  return el.getAttributeNode(name)?.value ?? undefined;
}

/** xs:boolean: 'true'/'1' and 'false'/'0'; anything else is treated as absent. */
export function boolAttr(el: Element, name: string): boolean | undefined {
  const v = attr(el, name)?.trim();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return undefined;
}

export function intAttr(el: Element, name: string): number | undefined {
  const v = attr(el, name)?.trim();
  return v !== undefined && /^[0-9]+$/.test(v) ? Number(v) : undefined;
}

/** The ID of an element as the signature code resolves it: an ID, Id or id attribute, any namespace. */
export function idOf(el: Element): string | undefined {
  const attrs = el.attributes;
  for (let k = 0; k < attrs.length; k++) {
    const a = attrs[k] as Attr;
    if (isIdAttr(a)) return a.value;
  }
  return saml1Id(el);
}

/** SAML 1.x names its assertion ID `AssertionID`; WS-Federation signatures reference it (`URI="#_..."`). */
export function saml1Id(el: Element): string | undefined {
  return el.localName === 'Assertion' && el.namespaceURI === 'urn:oasis:names:tc:SAML:1.0:assertion' ? attr(el, 'AssertionID') : undefined;
}

export function isIdAttr(a: Attr): boolean {
  const l = a.localName;
  return (l === 'ID' || l === 'Id' || l === 'id') && a.namespaceURI !== 'http://www.w3.org/2000/xmlns/';
}

export interface TextRead {
  value: string;
  splitBy?: TextSplitKind;
  /** The first non-empty text or CDATA piece: all a reader taking `firstChild.data` would see. */
  first: string;
}

/**
 * Identity text as SAML defines it: the concatenation of the element's text and CDATA children, comments
 * ignored (VALIDATION.md step 10). A naive reader that takes `firstChild.data` gets a different value when
 * a comment, CDATA section or second text node splits it (CVE-2017-11427), so the split is reported.
 * Child elements are not part of the value.
 */
export function readText(el: Element): TextRead {
  let value = '';
  let first: string | undefined;
  let parts = 0;
  let comment = false;
  let cdata = false;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === TEXT || c.nodeType === CDATA) {
      const data = (c as CharacterData).data;
      if (data.length) {
        parts++;
        first ??= data;
      }
      if (c.nodeType === CDATA) cdata = true;
      value += data;
    } else if (c.nodeType === COMMENT) comment = true;
  }
  first ??= '';
  if (comment) return { value, splitBy: 'comment', first };
  if (parts > 1) return { value, splitBy: cdata ? 'cdata' : 'several-text-nodes', first };
  return { value, first };
}

/**
 * Identifier text (NameID, Issuer, Audience, SessionIndex...), trimmed of surrounding XML whitespace: these
 * are xs:string / anyURI values that IdPs pretty-print across lines, and SPs compare the trimmed value.
 * Whitespace inside the value is kept byte for byte so that a "user @example.com" stays visible.
 */
export function identifier(el: Element | undefined): string | undefined {
  return el ? trimXml(readText(el).value) : undefined;
}

/** XML's whitespace (S in XML 1.0 §2.3): space, tab, line feed, carriage return; not U+00A0 or other Unicode spaces. */
export function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

export function trimXml(s: string): string {
  return s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

/** Whole text content of an element and its descendants, comments excluded (attribute values may nest elements). */
export function deepText(el: Element): string {
  let out = '';
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === TEXT || c.nodeType === CDATA) out += (c as CharacterData).data;
    else if (c.nodeType === ELEMENT) out += deepText(c as Element);
  }
  return out;
}
