import { tagNamePattern } from '@xmldom/xmldom/lib/conventions';
import type { Problem } from '../model';
import { guardXml, type ScanSink } from './guards';
import { NS } from './ns';
import type { XmlLimits } from './limits';
import { XAttr, XCharacterData, XDocument, XElement, XProcessingInstruction } from './tree';

/*
 * Pipeline steps 2 and 3 in one pass: the guard scanner checks well-formedness and, through a ScanSink,
 * this builder makes the tree (tree.ts) from the same tokens. xmldom's SAX reader (3/4 of the parse time)
 * re-scanned what the guard had just scanned, and its nodes cost more than the scan; the tree its reader built
 * is reproduced here: same namespace resolution, attribute-value normalisation, entity decoding and node kinds
 * (test/core/xml/build.test.ts compares both trees node by node). Where xmldom's reader is lenient with
 * broken markup the guard has already refused the text.
 *
 * One deliberate difference: line ends. xmldom applies XML 1.1's rule (NEL U+0085, LINE SEPARATOR U+2028
 * and CR NEL also become LF) to every document. SAML is XML 1.0, where only CR LF and a lone CR become LF,
 * and XML 1.0 parsers (libxml2, which xmlsec1 uses, among them) keep NEL and LS. With
 * xmldom's rule, a signed "\n" that an attacker rewrote as U+2028 still digested like the signed text here
 * while every XML 1.0 verifier refuses it; with XML 1.0's rule the bytes that were signed are the bytes
 * that verify (test/core/signature/xmlsec.test.ts cross-checks with xmlsec1).
 */

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
// The guard has checked every reference: only these five names and numeric references remain.
const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g;

function decodeReference(_: string, ref: string): string {
  if (ref.charCodeAt(0) !== 0x23) return ENTITIES[ref] ?? `&${ref};`;
  return String.fromCodePoint(ref.charCodeAt(1) === 0x78 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
}

function decode(raw: string): string {
  return raw.indexOf('&') < 0 ? raw : raw.replace(REFERENCE, decodeReference);
}

/** XML 1.0 §2.11: CR LF and a lone CR become LF; nothing else is a line end (NEL and LS stay characters). */
function normalizeLineEndings(xml: string): string {
  return xml.indexOf('\r') >= 0 ? xml.replace(/\r\n?/g, '\n') : xml;
}

class InvalidName extends Error {}
class IllegalDeclaration extends Error {}

interface QName {
  name: string;
  prefix: string | null;
  local: string;
}

/*
 * The namespaces the core compares elements with, as its own strings: an element's namespaceURI is then the very
 * string NS holds, and the many comparisons with it (view, schema, rules) end at the first check, where a copy
 * from the message was compared character by character; nor does it keep the message alive.
 */
const KNOWN_NAMESPACES = new Map<string, string>([...Object.values(NS), 'http://www.w3.org/2001/XMLSchema'].map((uri) => [uri, uri]));

// Checked and split names, shared by every parse: messages of one IdP name the same few dozen again and again.
const QNAMES = new Map<string, QName>();
const QNAMES_MAX = 1024;

class Builder implements ScanSink {
  readonly doc: XDocument;
  private current: XElement | XDocument;
  /*
   * The namespace bindings in scope: one map changed in place, with an undo log (prefix, previous URI) that
   * each element's end rolls back to where its start found it. A map of its own per declaring element
   * (4,000 in a large Response) cost more in allocation than all the look-ups.
   */
  // An unbound prefix maps to undefined rather than being deleted: a map that loses and regains the same keys
  // at every element (xmlns:xs on each AttributeValue) is rebuilt by V8 again and again.
  private readonly ns = new Map<string, string | undefined>([['xml', XML_NS]]);
  private readonly undo: Array<string | undefined> = [];
  private readonly marks: number[] = [];
  private readonly parents: Array<XElement | XDocument> = [];
  // The current tag's attribute names and values, written over from tag to tag.
  private readonly infos: QName[] = [];
  private readonly values: string[] = [];

  constructor(private readonly src: string) {
    this.doc = new XDocument(src);
    this.current = this.doc;
  }

  text(from: number, to: number): void {
    if (this.current === this.doc && to === this.src.length) return; // xmldom drops trailing whitespace
    const chars = decode(this.src.slice(from, to));
    if (chars) this.current.append(new XCharacterData(3, chars, this.doc));
  }

  cdata(from: number, to: number): void {
    if (to > from) this.current.append(new XCharacterData(4, this.src.slice(from, to), this.doc));
  }

  comment(from: number, to: number): void {
    this.current.append(new XCharacterData(8, this.src.slice(from, to), this.doc));
  }

  pi(from: number, to: number): void {
    const m = /^<\?(\S*)\s*([\s\S]*?)$/.exec(this.src.slice(from, to));
    if (m) this.current.append(new XProcessingInstruction(m[1]!, m[2]!, this.doc));
  }

  start(name: string, count: number, attrNames: string[], valueFrom: number[], valueTo: number[], selfClosing: boolean, from: number, to: number): void {
    const tag = this.nameOf(name);
    const { ns, undo, infos, values } = this;
    const mark = undo.length;
    let attributes: XAttr[] | undefined;
    if (count > 0) {
      for (let i = 0; i < count; i++) {
        const q = this.nameOf(attrNames[i]!, name);
        infos[i] = q;
        // Attribute-value normalisation: literal tab, LF and CR become spaces; references are decoded after.
        const raw = this.src.slice(valueFrom[i], valueTo[i]);
        const value = decode(/[\t\n\r]/.test(raw) ? raw.replace(/[\t\n\r]/g, ' ') : raw);
        values[i] = value;
        const declares = q.prefix === 'xmlns' ? q.local : q.name === 'xmlns' ? '' : undefined;
        if (declares !== undefined) {
          this.checkDeclaration(declares, value, name);
          undo.push(declares, ns.get(declares));
          ns.set(declares, KNOWN_NAMESPACES.get(value) ?? value);
        }
      }
      attributes = new Array<XAttr>(count);
      for (let i = 0; i < count; i++) {
        const q = infos[i]!;
        // Declarations are in the xmlns namespace; an unprefixed attribute is in none (xmldom: undefined).
        const uri = q.prefix === 'xmlns' || q.name === 'xmlns' ? XMLNS_NS : q.prefix === null ? undefined : ns.get(q.prefix);
        attributes[i] = new XAttr(q.name, q.prefix, q.local, uri, values[i]!);
      }
    }
    const el = new XElement(name, tag.prefix, tag.local, ns.get(tag.prefix ?? ''), this.doc);
    el.sourceStart = from;
    el.sourceEnd = to;
    if (attributes) el.setAttributes(attributes);
    if (this.current === this.doc) this.doc.documentElement ??= el;
    this.current.append(el);
    if (selfClosing) {
      this.restore(mark);
    } else {
      this.parents.push(this.current);
      this.marks.push(mark);
      this.current = el;
    }
  }

  end(to: number): void {
    (this.current as XElement).sourceEnd = to;
    this.current = this.parents.pop()!;
    this.restore(this.marks.pop()!);
  }

  /** Rolls the bindings back to what they were when the undo log was `mark` long. */
  private restore(mark: number): void {
    const { ns, undo } = this;
    while (undo.length > mark) {
      const previous = undo.pop();
      ns.set(undo.pop()!, previous);
    }
  }

  /*
   * Namespaces in XML 1.0 §3 (reserved prefixes and names) and §5 (no prefix undeclaring). libxml2, under
   * xmlsec1, lxml and most SP stacks, reports such a declaration and drops it, while the declaration would
   * take effect here: the same element would be a SAML EncryptedAssertion for the SP and a stranger here (or
   * the reverse), so the document is refused rather than read one way.
   */
  private checkDeclaration(prefix: string, uri: string, element: string): void {
    const named = prefix === '' ? 'the default namespace' : `the prefix ${prefix}`;
    let wrong: string | undefined;
    if (prefix === 'xmlns') wrong = 'declares the reserved prefix xmlns';
    else if (prefix === 'xml' ? uri !== XML_NS : uri === XML_NS) wrong = `binds ${named} to ${prefix === 'xml' ? `"${uri}" instead of the XML namespace` : 'the XML namespace, which only the prefix xml may name'}`;
    else if (uri === XMLNS_NS) wrong = `binds ${named} to the xmlns namespace`;
    else if (prefix !== '' && uri === '') wrong = `undeclares ${named} (xmlns:${prefix}=""), which XML 1.0 namespaces forbid`;
    if (wrong) throw new IllegalDeclaration(`<${element}> ${wrong} (Namespaces in XML 1.0 §3, §5); parsers that drop the declaration, as libxml2 does, read the element differently`);
  }

  /**
   * The name checked against xmldom's name rule and split at its colon, once per distinct name: a message
   * repeats a few dozen names thousands of times (the guard hands the same string for the same name), and the
   * next message the same ones.
   * `element` is given for an attribute's name: the element it is on.
   */
  private nameOf(name: string, element?: string): QName {
    let q = QNAMES.get(name);
    if (q === undefined) {
      if (!tagNamePattern.test(name)) {
        throw new InvalidName(element === undefined ? `invalid element name <${name}>` : `invalid attribute name ${name} on <${element}>`);
      }
      // The pattern allows at most one colon, never first or last.
      const colon = name.indexOf(':');
      q = colon > 0 ? { name, prefix: name.slice(0, colon), local: name.slice(colon + 1) } : { name, prefix: null, local: name };
      // Names come from the messages: a hostile one with endless new names starts the cache again.
      if (QNAMES.size >= QNAMES_MAX) QNAMES.clear();
      QNAMES.set(name, q);
    }
    return q;
  }
}

/**
 * Guards and the namespace-aware parse in one pass. Returns the document, or the problem that refused
 * the text. `xml` is the text as received; the tree is built from its line ends normalised by XML 1.0's rule.
 */
export function buildDom(xml: string, limits: XmlLimits): { doc?: Document; problem?: Problem } {
  if (xml.length > limits.maxChars) return { problem: guardXml(xml, limits) };
  const src = normalizeLineEndings(xml);
  const builder = new Builder(src);
  try {
    if (src.charCodeAt(0) === 0xfeff) builder.text(0, 1);
    const problem = guardXml(src, limits, builder);
    if (problem) return { problem };
  } catch (e) {
    if (e instanceof IllegalDeclaration) return { problem: { rule: 'xml-refused', message: `refused to parse: ${e.message}` } };
    if (!(e instanceof InvalidName)) throw e;
    return { problem: { rule: 'decode-failed', message: `not XML: ${e.message}` } };
  }
  // The nodes hold the values of the DOM properties the core reads (tree.ts), under the DOM's types.
  return { doc: builder.doc as unknown as Document };
}
