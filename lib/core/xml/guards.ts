import type { Problem } from '../model';
import { declaredEncodingProblem } from './declared-encoding';
import { detached } from './detached';
import type { XmlLimits } from './limits';
import { isXmlSpace } from './nodes';

/**
 * Pipeline step 2: refuse what must never reach a DOM parser, and check well-formedness ourselves.
 * xmldom 0.8 is lenient (unclosed tags are warnings, text before the root is kept, `<` inside an attribute
 * value is accepted), and fast-xml-parser's XMLValidator takes longer than the parse it guards and accepts
 * several roots. So this is one linear pass over the text with `indexOf` jumps; no regular expression
 * scans more than once, and nothing is quadratic in the number of attributes.
 *
 * Returns the first problem found (one broken document gives one clear message), or none.
 */
export function guardXml(xml: string, limits: XmlLimits, sink?: ScanSink): Problem | undefined {
  if (xml.length > limits.maxChars) {
    return refused(`the XML is ${xml.length} characters long, more than the limit of ${limits.maxChars}`);
  }
  // Declarations are refused wherever they are (even in a comment): entity bombs and XXE never reach a parser.
  const decl = declaration(xml);
  if (decl) {
    const { line, column } = position(xml, decl.index);
    return {
      rule: 'xml-doctype',
      message: `the XML contains a <!${decl.word} declaration (line ${line}, column ${column}); SAML forbids DTDs, and they carry entity-expansion and external-entity attacks, so it was not parsed`,
    };
  }
  const nul = xml.indexOf('\0');
  if (nul >= 0) return refused(`NUL character ${at(xml, nul)}; parsers disagree on where such text ends`);
  // Finding the control characters XML forbids is the point of this expression.
  // eslint-disable-next-line no-control-regex
  const bad = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.exec(xml);
  if (bad) return notXml(xml, bad.index, `character U+${hex4(bad[0].charCodeAt(0))} is not allowed in XML`);
  // SAML is XML 1.0, and the tree is built by XML 1.0's line-end rule (build.ts). An XML 1.1 document reads
  // NEL and LS as line ends, so readers that honour the declaration and readers that do not see different text.
  if (XML11.test(xml) && /[\u0085\u2028]/.test(xml)) {
    return refused('an XML 1.1 document containing NEL (U+0085) or LINE SEPARATOR (U+2028) characters, which XML 1.1 reads as line ends and XML 1.0 (the XML of SAML) as text; parsers disagree on what was signed');
  }
  return new Scanner(xml, limits.maxDepth, sink).run();
}

const DECLARATION = /DOCTYPE|ENTITY/iy;

/** The first `<!DOCTYPE` or `<!ENTITY` (any case): `<!` by indexOf, which is faster than a case-blind scan of the whole text. */
function declaration(xml: string): { index: number; word: string } | undefined {
  for (let i = xml.indexOf('<!'); i >= 0; i = xml.indexOf('<!', i + 2)) {
    DECLARATION.lastIndex = i + 2;
    const m = DECLARATION.exec(xml);
    if (m) return { index: i, word: m[0] };
  }
  return undefined;
}

/**
 * What the scan found, in document order, for a caller that builds a tree from the same pass (build.ts):
 * offsets into the scanned text; each event is reported only once its markup is known to be well-formed.
 */
export interface ScanSink {
  /** Character data between markup, inside or outside the root (outside it is whitespace). */
  text(from: number, to: number): void;
  cdata(from: number, to: number): void;
  comment(from: number, to: number): void;
  /** A processing instruction (or the XML declaration) from its `<?` up to, not including, `?>`. */
  pi(from: number, to: number): void;
  /**
   * A start tag from `from` (its `<`) to `to` (after its `>`), with `count` attributes: the first `count`
   * entries of the arrays (they are reused from tag to tag), values as the raw text between the quotes.
   */
  start(name: string, count: number, attrNames: string[], valueFrom: number[], valueTo: number[], selfClosing: boolean, from: number, to: number): void;
  /** An end tag, ending at `to` (after its `>`). */
  end(to: number): void;
}

class Scanner {
  private i = 0;
  private readonly n: number;
  private readonly stack: string[] = [];
  private rootName: string | undefined;
  private nextAmp: number;
  private nextLt = -2;

  // The current tag's attributes, written over from tag to tag (never emptied: an emptied array gives up its
  // storage and the next push allocates it again, three arrays a tag).
  private readonly attrNames: string[] = [];
  private attrCount = 0;
  private attrSet: Set<string> | undefined;
  private readonly valueFrom: number[] = [];
  private readonly valueTo: number[] = [];

  constructor(
    private readonly xml: string,
    private readonly maxDepth: number,
    private readonly sink?: ScanSink,
  ) {
    this.n = xml.length;
    this.nextAmp = xml.indexOf('&');
  }

  run(): Problem | undefined {
    const { xml } = this;
    if (xml.charCodeAt(0) === 0xfeff) this.i = 1;
    if (xml.startsWith('<?xml', this.i) && isXmlSpace(xml.charCodeAt(this.i + 5))) {
      const end = xml.indexOf('?>', this.i);
      if (end < 0) return notXml(xml, this.i, 'the XML declaration is not closed');
      const encoding = declaredEncodingProblem(xml.slice(this.i, end), xml);
      if (encoding) return encoding;
      this.sink?.pi(this.i, end);
      this.i = end + 2;
    }
    while (this.i < this.n) {
      const lt = xml.indexOf('<', this.i);
      const textEnd = lt < 0 ? this.n : lt;
      if (textEnd > this.i) {
        const p = this.text(this.i, textEnd);
        if (p) return p;
      }
      if (lt < 0) break;
      this.i = lt;
      const c = xml.charCodeAt(lt + 1);
      const p = c === 0x2f ? this.endTag() : c === 0x21 ? this.bang() : c === 0x3f ? this.pi() : this.startTag();
      if (p) return p;
    }
    const open = this.stack[this.stack.length - 1];
    if (open !== undefined) return notXml(xml, this.n, `element <${open}> is not closed`);
    if (this.rootName === undefined) return notXml(xml, this.n, 'there is no root element');
    return undefined;
  }

  private text(from: number, to: number): Problem | undefined {
    if (this.stack.length === 0) {
      for (let k = from; k < to; k++) {
        if (!isXmlSpace(this.xml.charCodeAt(k))) {
          return notXml(this.xml, k, this.rootName === undefined ? 'text before the root element' : 'text after the root element');
        }
      }
      this.sink?.text(from, to);
      return undefined;
    }
    const p = this.references(to);
    if (!p) this.sink?.text(from, to);
    return p;
  }

  /** Checks every `&` before `to` (the cursor only moves forward, so each `&` is looked at once). */
  private references(to: number): Problem | undefined {
    const { xml } = this;
    while (this.nextAmp >= 0 && this.nextAmp < to) {
      const amp = this.nextAmp;
      REFERENCE.lastIndex = amp;
      const m = REFERENCE.exec(xml);
      if (!m || m.index !== amp) return notXml(xml, amp, 'a bare "&" (write &amp;) or an unknown entity reference');
      const num = m[1] ?? m[2];
      if (num !== undefined) {
        const code = parseInt(num, m[1] !== undefined ? 10 : 16);
        if (!isXmlChar(code)) return notXml(xml, amp, `character reference ${m[0]} names a character XML does not allow`);
      }
      this.nextAmp = xml.indexOf('&', amp + 1);
    }
    return undefined;
  }

  /** Moves past a comment, CDATA section or PI, whose `&` are not references. */
  private skipTo(pos: number): void {
    this.i = pos;
    if (this.nextAmp >= 0 && this.nextAmp < pos) this.nextAmp = this.xml.indexOf('&', pos);
  }

  /** Next `<` at or after `pos`, cached: attribute values are checked without rescanning the tag. */
  private ltFrom(pos: number): number {
    if (this.nextLt !== -1 && this.nextLt < pos) this.nextLt = this.xml.indexOf('<', pos);
    return this.nextLt;
  }

  /** The NAME pattern, read a character at a time: a regular expression's match array per name was most of the cost. */
  private name(from: number): string | undefined {
    const { xml } = this;
    const first = xml.charCodeAt(from);
    if (first < 0x80 ? NAME_START[first] !== 1 : !(first >= 0xc0)) return undefined;
    let j = from + 1;
    for (let c = xml.charCodeAt(j); c < 0x80 ? NAME_CHAR[c] === 1 : c >= 0xb7; c = xml.charCodeAt(j)) j++;
    // The same string for the same name, most of the time: comparing an end tag with its start, and the
    // builder's look-ups by name, then meet one string (its hash computed once), and no copy is made.
    const slot = (first * 31 + (j - from) * 7 + xml.charCodeAt(j - 1)) & (NAME_SLOTS - 1);
    const seen = INTERNED[slot]!;
    if (seen.length === j - from) {
      // A loop, not startsWith(seen, from): V8 takes a slow path for startsWith at a position.
      let k = 0;
      while (k < seen.length && seen.charCodeAt(k) === xml.charCodeAt(from + k)) k++;
      if (k === seen.length) return seen;
    }
    // Kept across messages: a copy, not a slice that would keep this message's text alive (detached.ts).
    const name = detached(xml.slice(from, j));
    INTERNED[slot] = name;
    return name;
  }

  private skipWs(from: number): number {
    let j = from;
    while (j < this.n && isXmlSpace(this.xml.charCodeAt(j))) j++;
    return j;
  }

  private endTag(): Problem | undefined {
    const { xml } = this;
    const name = this.name(this.i + 2);
    if (name === undefined) return notXml(xml, this.i, 'an end tag without a name');
    const j = this.skipWs(this.i + 2 + name.length);
    if (xml.charCodeAt(j) !== 0x3e) return notXml(xml, j, `end tag </${name}> is not closed by ">"`);
    const open = this.stack.pop();
    if (open === undefined) return notXml(xml, this.i, `end tag </${name}> has no start tag`);
    if (open !== name) return notXml(xml, this.i, `end tag </${name}> does not match the open element <${open}>`);
    this.sink?.end(j + 1);
    this.i = j + 1;
    return undefined;
  }

  private bang(): Problem | undefined {
    const { xml } = this;
    if (xml.startsWith('<!--', this.i)) {
      const end = xml.indexOf('-->', this.i + 4);
      if (end < 0) return notXml(xml, this.i, 'a comment is not closed');
      const dashes = xml.indexOf('--', this.i + 4);
      if (dashes < end) return notXml(xml, dashes, '"--" inside a comment');
      this.sink?.comment(this.i + 4, end);
      this.skipTo(end + 3);
      return undefined;
    }
    if (xml.startsWith('<![CDATA[', this.i)) {
      if (this.stack.length === 0) return notXml(xml, this.i, 'a CDATA section outside the root element');
      const end = xml.indexOf(']]>', this.i + 9);
      if (end < 0) return notXml(xml, this.i, 'a CDATA section is not closed');
      this.sink?.cdata(this.i + 9, end);
      this.skipTo(end + 3);
      return undefined;
    }
    return notXml(xml, this.i, 'unexpected "<!" markup');
  }

  private pi(): Problem | undefined {
    const { xml } = this;
    const target = this.name(this.i + 2);
    if (target === undefined) return notXml(xml, this.i, 'a processing instruction without a target');
    if (target.toLowerCase() === 'xml') return notXml(xml, this.i, 'an XML declaration that is not at the very start');
    const end = xml.indexOf('?>', this.i + 2);
    if (end < 0) return notXml(xml, this.i, `processing instruction <?${target} is not closed`);
    this.sink?.pi(this.i, end);
    this.skipTo(end + 2);
    return undefined;
  }

  /**
   * Whether the tag already has this attribute (and, past 16 attributes, remembers it in a set, so a hostile
   * tag stays linear).
   */
  private repeatsAttribute(attr: string): boolean {
    const { attrNames, attrCount } = this;
    if (!this.attrSet) {
      for (let i = 0; i < attrCount; i++) if (attrNames[i] === attr) return true;
      if (attrCount < 16) return false;
      this.attrSet = new Set(attrNames.slice(0, attrCount));
    } else if (this.attrSet.has(attr)) return true;
    this.attrSet.add(attr);
    return false;
  }

  private startTag(): Problem | undefined {
    const { xml } = this;
    const start = this.i;
    const name = this.name(start + 1);
    if (name === undefined) return notXml(xml, start, 'a "<" that does not start a tag (write &lt;)');
    if (this.stack.length === 0 && this.rootName !== undefined) {
      return refused(`more than one root element: <${name}> ${at(xml, start)} follows the root <${this.rootName}>; parsers disagree on which one is the message`);
    }
    if (this.stack.length >= this.maxDepth) {
      return refused(`elements nested deeper than ${this.maxDepth} levels (<${name}> ${at(xml, start)})`);
    }
    this.rootName ??= name;
    const { sink, attrNames, valueFrom, valueTo } = this;
    this.attrCount = 0;
    this.attrSet = undefined;
    let j = start + 1 + name.length;
    for (;;) {
      const afterWs = this.skipWs(j);
      const c = xml.charCodeAt(afterWs);
      if (c === 0x3e) {
        this.stack.push(name);
        sink?.start(name, this.attrCount, attrNames, valueFrom, valueTo, false, start, afterWs + 1);
        this.i = afterWs + 1;
        return undefined;
      }
      if (c === 0x2f && xml.charCodeAt(afterWs + 1) === 0x3e) {
        sink?.start(name, this.attrCount, attrNames, valueFrom, valueTo, true, start, afterWs + 2);
        this.i = afterWs + 2;
        return undefined;
      }
      if (afterWs >= this.n) return notXml(xml, start, `start tag <${name}> is not closed`);
      if (afterWs === j) return notXml(xml, j, `unexpected character in start tag <${name}>`);
      const attr = this.name(afterWs);
      if (attr === undefined) return notXml(xml, afterWs, `unexpected character in start tag <${name}>`);
      if (this.repeatsAttribute(attr)) {
        return refused(`attribute ${attr} appears twice on <${name}> ${at(xml, start)}; parsers disagree on which copy counts`);
      }
      let k = this.skipWs(afterWs + attr.length);
      if (xml.charCodeAt(k) !== 0x3d) return notXml(xml, k, `attribute ${attr} on <${name}> has no "=" and value`);
      k = this.skipWs(k + 1);
      const q = xml.charCodeAt(k);
      if (q !== 0x22 && q !== 0x27) return notXml(xml, k, `the value of attribute ${attr} on <${name}> is not quoted`);
      const close = xml.indexOf(q === 0x22 ? '"' : "'", k + 1);
      if (close < 0) return notXml(xml, k, `the value of attribute ${attr} on <${name}> is not closed`);
      const lt = this.ltFrom(k + 1);
      if (lt >= 0 && lt < close) return notXml(xml, lt, `"<" inside the value of attribute ${attr} on <${name}>`);
      const p = this.references(close);
      if (p) return p;
      const slot = this.attrCount++;
      attrNames[slot] = attr;
      valueFrom[slot] = k + 1;
      valueTo[slot] = close;
      j = close + 1;
    }
  }
}

// XML 1.0 Name, kept ASCII-fast: [A-Za-z_:\u00C0-\uFFFF][\w.\-:\u00B7-\uFFFF]* (any non-ASCII letter is accepted).
const NAME_START = new Uint8Array(128);
const NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) NAME_START[c] = 1;
  if (/[\w.\-:]/.test(ch)) NAME_CHAR[c] = 1;
}
const NAME_SLOTS = 256;
// Shared by every scan, so the next message's names are the strings (hashes computed) the builder already knows.
const INTERNED: string[] = new Array<string>(NAME_SLOTS).fill('');
const XML11 = /^\uFEFF?<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*["']1\.1["']/;
const REFERENCE = /&(?:lt|gt|amp|quot|apos|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/y;

function isXmlChar(c: number): boolean {
  return (
    c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff)
  );
}

function hex4(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0');
}

/** 1-based line and column of a character offset; only computed when there is something to report. */
export function position(xml: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = xml.indexOf('\n'); k >= 0 && k < offset; k = xml.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function at(xml: string, offset: number): string {
  const { line, column } = position(xml, offset);
  return `at line ${line}, column ${column}`;
}

function refused(message: string): Problem {
  return { rule: 'xml-refused', message: `refused to parse: ${message}` };
}

function notXml(xml: string, offset: number, reason: string): Problem {
  return { rule: 'decode-failed', message: `not XML: ${reason} ${at(xml, offset)}` };
}
