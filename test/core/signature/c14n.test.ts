import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../../lib/core/signature/c14n';
import { exclusiveC14n } from '../../../lib/core/signature/c14n-exclusive';
import { C14N } from '../../../lib/core/signature/algorithms';
import { parseSaml } from '../../../lib/core/xml';
import { buildResponse, loadTestKey, signXml } from '../../../lib/samlgen';
import { referenceExclusiveC14n } from './c14n-reference';
import { fixturesDir } from './helpers';

const DS = 'http://www.w3.org/2000/09/xmldsig#';

function docOf(xml: string): Document {
  const { parsed, problems } = parseSaml(xml);
  if (!parsed) throw new Error(problems.map((p) => p.message).join('; '));
  return parsed.doc;
}

function elements(doc: Document): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 1) out.push(n as Element);
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(doc.documentElement);
  return out;
}

/** Every element of the document as an apex, with and without a PrefixList, its signature excluded. */
function expectSameEverywhere(xml: string, prefixLists: string[][] = [[], ['xs'], ['saml', 'xsi', 'ds']]): number {
  const doc = docOf(xml);
  let n = 0;
  for (const el of elements(doc)) {
    const sig = Array.from(el.childNodes).find((c) => c.nodeType === 1 && (c as Element).localName === 'Signature' && (c as Element).namespaceURI === DS);
    for (const list of prefixLists) {
      for (const exclude of sig ? [sig, undefined] : [undefined]) {
        expect(exclusiveC14n(el, exclude, list), `${el.nodeName} [${list}]`).toBe(referenceExclusiveC14n(el, exclude, list));
        n++;
      }
    }
  }
  return n;
}

const corners: Record<string, string> = {
  'default namespace changes, xmlns="" and unqualified children':
    '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1" Version="2.0"><x xmlns="urn:a"><y/><z xmlns=""><w/></z><v xmlns="urn:b"/></x></samlp:Response>',
  'attribute namespaces sorted by URI then name, xml: attributes, unprefixed first':
    '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:b="urn:b" xmlns:a="urn:z" ID="_1" Version="2.0" b:x="1" a:y="2" xml:lang="en" c="3" a:a="4"><samlp:Status/></samlp:Response>',
  'prefix redeclared to another URI below, and re-declared to the same URI':
    '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:p="urn:p1" ID="_1" Version="2.0"><p:a><p:b xmlns:p="urn:p2"><p:c xmlns:p="urn:p2"/></p:b><p:d/></p:a></samlp:Response>',
  'mixed-case and look-alike prefixes (declaration order)':
    '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:B="urn:B" xmlns:a="urn:a" xmlns:_z="urn:z" ID="_1" Version="2.0"><B:x a:q="1" _z:r="2"/></samlp:Response>',
  'special characters in text and attributes, CR, tabs, CDATA, PI, comment':
    '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1" Version="2.0" a="&lt;&amp;&quot;&#9;&#10;&#13;>"><t>a&amp;b&lt;c&gt;d&#13;e"f\'</t><![CDATA[x<y&z]]><?pi d?><?bare?><!-- c --></samlp:Response>',
  'NEL and LINE SEPARATOR in text and attribute values, CR NEL in text':
    '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1" Version="2.0" a="x\u0085y\u2028z"><t>l1\u0085l2\u2028l3\r\u0085l4&#x2028;</t></samlp:Response>',
  // Namespace URI first, then local name: "urn:x" z before "urn:xy" a (glued together they sort the other way).
  'attributes in namespaces where one URI is the start of another':
    '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:q="urn:xy" xmlns:p="urn:x" ID="_1" Version="2.0"><n q:a="2" p:z="1" b="0"/></samlp:Response>',
  'attribute named like a namespace declaration': '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1" Version="2.0" xmlnsx="1"/>',
  'namespace declaration values with markup characters, escaped like attribute values':
    '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1" Version="2.0"><x xmlns="urn:a&quot;&lt;b&gt;&amp;&#9;"><p:y xmlns:p="urn:p&quot; q=&quot;1&quot;&gt;&lt;/p:y&gt;"/></x></samlp:Response>',
  // A handful of attributes and declarations are sorted one way, many another (c14n-nodes.ts sortFew): both in
  // an order that is neither the written nor the reversed one.
  'a few and many attributes and declarations, written out of order': `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1" Version="2.0">${[5, 17, 40].map((n) => `<e${n} ${Array.from({ length: n }, (_, i) => (i * 7) % n).map((k) => `xmlns:n${k}="urn:${(k * 3) % n}" n${k}:a${k % 4}="${k}" a${(k * 3 + 1) % n}="v"`).join(' ')}/>`).join('')}</samlp:Response>`,
  'PrefixList prefixes used only in attribute values, declared on the root':
    '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="_1" Version="2.0"><samlp:Extensions><v xsi:type="xs:string">s</v></samlp:Extensions></samlp:Response>',
};

describe('fast exclusive C14N gives xml-crypto\'s bytes', () => {
  for (const [name, xml] of Object.entries(corners)) {
    it(name, () => expect(expectSameEverywhere(xml)).toBeGreaterThan(0));
  }

  it('every element of every committed signature fixture, with and without its signature', () => {
    let n = 0;
    for (const f of readdirSync(fixturesDir).filter((x) => x.endsWith('.xml'))) {
      const { parsed } = parseSaml(readFileSync(`${fixturesDir}${f}`, 'utf8'));
      if (parsed) n += expectSameEverywhere(parsed.xml);
    }
    expect(n).toBeGreaterThan(1000);
  });

  it('a signed pretty-printed Response', () => {
    const xml = signXml(buildResponse({ attributes: [{ name: 'g', values: ['a', 'b & c'] }] }), { key: loadTestKey('idp'), targets: ['root', 'assertion'] }).replace(/></g, '>\n  <');
    expect(expectSameEverywhere(xml)).toBeGreaterThan(50);
  });

  it('keeps NEL and LINE SEPARATOR as characters (XML 1.0 line ends: only CR LF and CR became LF)', () => {
    const doc = docOf(corners['NEL and LINE SEPARATOR in text and attribute values, CR NEL in text']!);
    for (const algorithm of [C14N.exclusive, C14N.inclusive]) {
      expect(canonicalize(doc.documentElement, { algorithm })).toBe(
        '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1" Version="2.0" a="x\u0085y\u2028z"><t>l1\u0085l2\u2028l3\n\u0085l4\u2028</t></samlp:Response>',
      );
    }
  });

  it('sorts attributes by namespace URI, then local name, in both algorithms (C14N 1.0 §2.2)', () => {
    const doc = docOf(corners['attributes in namespaces where one URI is the start of another']!);
    const n = doc.documentElement.firstChild as Element;
    for (const algorithm of [C14N.exclusive, C14N.inclusive]) expect(canonicalize(n, { algorithm })).toMatch(/^<n [^>]*b="0" p:z="1" q:a="2">/);
  });

  it('canonicalize() dispatches exclusive C14N to the fast one', () => {
    const doc = docOf(corners['PrefixList prefixes used only in attribute values, declared on the root']!);
    const ext = doc.documentElement.firstChild as Element;
    const got = canonicalize(ext, { algorithm: C14N.exclusive, inclusivePrefixes: ['xs', 'xsi'] });
    expect(got).toBe(
      '<samlp:Extensions xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><v xsi:type="xs:string">s</v></samlp:Extensions>',
    );
  });
});
