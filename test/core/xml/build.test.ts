import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDom } from '../../../lib/core/xml/build';
import { parseDom } from '../../../lib/core/xml/dom';
import { DEFAULT_XML_LIMITS } from '../../../lib/core/xml/limits';
import { buildAuthnRequest, buildLogoutRequest, buildResponse, loadTestKey, signXml } from '../../../lib/samlgen';

/** Every property a reader, the view or the canonicaliser looks at, node by node. */
export function dump(node: Node, out: unknown[] = []): unknown[] {
  const n = node as Node & Partial<Element & Attr & CharacterData & ProcessingInstruction>;
  const attrs: unknown[] = [];
  if (node.nodeType === 1) {
    const list = (node as Element).attributes;
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      attrs.push([a.name, a.namespaceURI, a.prefix, a.localName, a.value, a.nodeValue]);
    }
  }
  out.push([n.nodeType, n.nodeName, n.namespaceURI, n.prefix, n.localName, n.nodeValue, n.target, n.data, attrs, node.childNodes?.length ?? 0]);
  for (let c = node.firstChild; c; c = c.nextSibling) dump(c, out);
  return out;
}

/** Both trees, or what each refused. */
function both(xml: string) {
  const ours = buildDom(xml, DEFAULT_XML_LIMITS);
  const theirs = parseDom(xml);
  const theirsOk = theirs.doc && !theirs.problems.some((p) => (p.severity ?? 'error') === 'error');
  return { ours: ours.doc ? dump(ours.doc) : undefined, oursProblem: ours.problem, theirs: theirsOk ? dump(theirs.doc!) : undefined };
}

const fixturesDir = fileURLToPath(new URL('../../fixtures/signatures/', import.meta.url));
const key = loadTestKey('idp');

const corners: Record<string, string> = {
  'XML declaration, whitespace and comments around the root': '<?xml version="1.0" encoding="UTF-8"?>\n<!-- a -->\n<r/>\n<!-- b -->\n',
  'BOM before the declaration': '\uFEFF<?xml version="1.0"?><r/>',
  'CRLF and lone CR line ends in text and attributes': '<r a="x\r\ny\rz">l1\r\nl2\rl3\r\r\nl4</r>',
  'tabs and newlines in attribute values, character references for them': '<r a="\tx\ny" b="&#9;&#10;&#13;&#x20;"/>',
  'predefined entities and numeric references': '<r a="&lt;&gt;&amp;&quot;&apos;">&lt;x&gt; &amp; &#65;&#x42;&#x1F600; &quot;&apos;</r>',
  'CDATA, empty CDATA, PI and comment inside': '<r><![CDATA[a<b]]><![CDATA[]]><?pi some data ?><?bare?><!--c--></r>',
  'default namespace, undeclared with xmlns=""': '<r xmlns="urn:a"><x/><y xmlns=""><z/></y></r>',
  'prefixed attributes, xml: attributes, redeclared prefix': '<p:r xmlns:p="urn:p" xmlns:q="urn:q" q:a="1" xml:lang="en" b="2"><p:x xmlns:p="urn:p2" p:c="3"/></p:r>',
  'undeclared prefix (xmldom keeps it without namespace)': '<u:r><u:x u:a="1"/></u:r>',
  'attribute quoted with apostrophes containing quotes and ">"': `<r a='x"y>z'/>`,
  'non-ASCII names and text': '<ré:r xmlns:ré="urn:é"><ré:ü>ñ</ré:ü></ré:r>',
};

describe('one-pass builder gives the tree xmldom gives', () => {
  for (const [name, xml] of Object.entries(corners)) {
    it(name, () => {
      const r = both(xml);
      expect(r.oursProblem).toBeUndefined();
      expect(r.ours).toEqual(r.theirs);
    });
  }

  it('an end tag with whitespace before ">" closes its element (xmldom mistook the element for empty there)', () => {
    const doc = buildDom('<r><b>1</b><b>2</b ></r>', DEFAULT_XML_LIMITS).doc!;
    const second = doc.documentElement.lastChild as Element;
    expect([second.nodeName, second.textContent, doc.documentElement.childNodes.length]).toEqual(['b', '2', 2]);
  });

  it('every committed signature fixture', () => {
    let compared = 0;
    for (const f of readdirSync(fixturesDir).filter((n) => n.endsWith('.xml'))) {
      const xml = readFileSync(`${fixturesDir}${f}`, 'utf8');
      const r = both(xml);
      if (!r.theirs) continue; // refused texts (DOCTYPE, ...) are compared in the next test
      expect(r.ours, f).toEqual(r.theirs);
      compared++;
    }
    expect(compared).toBeGreaterThan(30);
  });

  it('generated messages, signed and pretty-printed', () => {
    const attributes = [{ name: 'groups', values: ['a & b', 'c<d', 'é'] }];
    const msgs = [
      signXml(buildResponse({ attributes }), { key, targets: ['root', 'assertion'] }),
      buildAuthnRequest({}),
      buildLogoutRequest({ issuer: 'https://idp.example.test/metadata' }),
    ];
    for (const xml of msgs) {
      expect(both(xml).ours).toEqual(both(xml).theirs);
      const pretty = xml.replace(/></g, '>\n  <');
      expect(both(pretty).ours).toEqual(both(pretty).theirs);
    }
  });
});

describe('line ends are read by XML 1.0\'s rule, not xmldom\'s XML 1.1 one', () => {
  const text = (xml: string) => buildDom(xml, DEFAULT_XML_LIMITS).doc!.documentElement;

  it('NEL (U+0085) and LINE SEPARATOR (U+2028) stay characters in text and attribute values', () => {
    const r = text('<r a="x\u0085y\u2028z">l1\u0085l2\u2028l3</r>');
    expect([r.getAttribute('a'), r.textContent]).toEqual(['x\u0085y\u2028z', 'l1\u0085l2\u2028l3']);
    // xmldom reads the same text as "x y z" and "l1\nl2\nl3": the reason the builder does not copy it here.
    const theirs = parseDom('<r a="x\u0085y\u2028z">l1\u0085l2\u2028l3</r>').doc!.documentElement;
    expect([theirs.getAttribute('a'), theirs.textContent]).toEqual(['x y z', 'l1\nl2\nl3']);
  });

  it('CR NEL is a lone CR (becoming LF) followed by a NEL', () => {
    const r = text('<r a="x\r\u0085y">l1\r\u0085l2</r>');
    expect([r.getAttribute('a'), r.textContent]).toEqual(['x \u0085y', 'l1\n\u0085l2']);
  });

  it('an XML 1.1 document with NEL or LS is refused (1.1 readers see line ends, 1.0 readers see characters)', () => {
    for (const decl of ['<?xml version="1.1"?>', "\uFEFF<?xml version = '1.1' encoding='UTF-8'?>"]) {
      expect(buildDom(`${decl}<r>a\u2028b</r>`, DEFAULT_XML_LIMITS).problem?.rule).toBe('xml-refused');
      expect(buildDom(`${decl}<r a="a\u0085b"/>`, DEFAULT_XML_LIMITS).problem?.message).toMatch(/XML 1\.1 .*U\+0085/);
      expect(buildDom(`${decl}<r>a\nb</r>`, DEFAULT_XML_LIMITS).doc).toBeDefined();
    }
    expect(text('<?xml version="1.0"?><r>a\u2028b</r>').textContent).toBe('a\u2028b');
  });
});

describe('one-pass builder refuses what it must', () => {
  it('names xmldom does not accept (two colons, empty local part) are not XML', () => {
    expect(buildDom('<a:b:c xmlns:a="urn:a"/>', DEFAULT_XML_LIMITS).problem?.rule).toBe('decode-failed');
    expect(buildDom('<r xmlns:="urn:a"/>', DEFAULT_XML_LIMITS).problem?.rule).toBe('decode-failed');
  });
  it('namespace declarations libxml2 drops are refused, so no element is read one way here and another by the SP', () => {
    // An EncryptedAssertion whose saml prefix is illegally re-bound: a SAML element for libxml2-based SPs,
    // a stranger for a reader that applies the declaration.
    const hidden = '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"><saml:EncryptedAssertion xmlns:saml="http://www.w3.org/XML/1998/namespace"/></samlp:Response>';
    for (const xml of [hidden, '<r xmlns="http://www.w3.org/XML/1998/namespace"/>', '<r xmlns:xml="urn:x"/>', '<r xmlns:xmlns="urn:x"/>', '<r xmlns:p="http://www.w3.org/2000/xmlns/"/>', '<r xmlns:p=""/>']) {
      const problem = buildDom(xml, DEFAULT_XML_LIMITS).problem;
      expect(problem?.rule, xml).toBe('xml-refused');
      expect(problem?.message).toMatch(/Namespaces in XML/);
    }
    // What XML allows stays readable: xml bound to its own namespace, the default namespace undeclared.
    for (const xml of ['<r xmlns:xml="http://www.w3.org/XML/1998/namespace"/>', '<r xmlns="urn:a"><s xmlns=""/></r>']) expect(buildDom(xml, DEFAULT_XML_LIMITS).doc, xml).toBeDefined();
  });
  it('the guards still run first: DOCTYPE, two roots, duplicate attributes, unclosed elements', () => {
    expect(buildDom('<!DOCTYPE r><r/>', DEFAULT_XML_LIMITS).problem?.rule).toBe('xml-doctype');
    expect(buildDom('<r/><r/>', DEFAULT_XML_LIMITS).problem?.rule).toBe('xml-refused');
    expect(buildDom('<r a="1" a="2"/>', DEFAULT_XML_LIMITS).problem?.rule).toBe('xml-refused');
    expect(buildDom('<r><x></r>', DEFAULT_XML_LIMITS).problem?.rule).toBe('decode-failed');
    expect(buildDom('<r>', DEFAULT_XML_LIMITS).doc).toBeUndefined();
  });
});
