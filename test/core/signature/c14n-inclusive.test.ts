import { describe, expect, it } from 'vitest';
import { C14N } from '../../../lib/core/signature/algorithms';
import { canonicalize } from '../../../lib/core/signature/c14n';
import { resolveUri } from '../../../lib/core/signature/c14n-inclusive';
import { parseSaml } from '../../../lib/core/xml';
import { hasXmlsec, xmlsecSign, xmlsecVerify } from './xmlsec1';

/*
 * Inclusive C14N 1.0 and 1.1 of subtrees, byte for byte against libxml2: xmlsec1 signs a template, then
 * prints the octets it digested and signed (--store-references --store-signatures --print-debug), and
 * SAML Lens's canonicaliser must produce the same octets from its own parse of the signed document.
 */

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const T = 'urn:t';

function signatureTemplate(algorithm: string, opts: { uri?: string; dsDefault?: boolean; comment?: boolean } = {}): string {
  const p = opts.dsDefault ? '' : 'ds:';
  const decl = opts.dsDefault ? `xmlns="${DS}"` : `xmlns:ds="${DS}"`;
  const uri = opts.uri === undefined ? ' URI="#target"' : opts.uri === 'none' ? '' : ` URI="${opts.uri}"`;
  return (
    `<${p}Signature ${decl}><${p}SignedInfo>${opts.comment ? '<!-- signed comment -->' : ''}<${p}CanonicalizationMethod Algorithm="${algorithm}"/>` +
    `<${p}SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><${p}Reference${uri}><${p}Transforms>` +
    `<${p}Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><${p}Transform Algorithm="${algorithm}"/></${p}Transforms>` +
    `<${p}DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><${p}DigestValue/></${p}Reference></${p}SignedInfo><${p}SignatureValue/></${p}Signature>`
  );
}

/** `{SIG}` marks where the signature goes; the element `<t:target>` in namespace urn:t with ID="target" is signed. */
const corners: Record<string, string> = {
  'ancestor default and prefixed namespaces, unprefixed apex (the .NET/ADFS shape)':
    '<Response xmlns="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" ID="r"><target xmlns="urn:t" ID="target"><Issuer>i</Issuer>{SIG}<Subject/></target></Response>',
  'default namespace inherited by an unprefixed apex without its own declaration':
    '<r xmlns="urn:t" xmlns:x="urn:x"><target ID="target"><Issuer>i</Issuer>{SIG}<x:y/></target></r>',
  'xml: attributes on ancestors (lang, space, id, base) and on the apex':
    '<r xmlns:t="urn:t" xml:lang="en" xml:space="preserve" xml:id="root" xml:base="http://a.example/b/c/"><m xml:lang="fr" xml:base="d/e/"><t:target ID="target" xml:base="../f">{SIG}<t:c xml:lang="de"/></t:target></m></r>',
  'xml:base only on ancestors, relative and with dot segments':
    '<r xmlns:t="urn:t" xml:base="http://a.example/x/y/z"><m xml:base="../.."><n xml:base="./q/"><t:target ID="target">{SIG}</t:target></n></m></r>',
  'xml:lang on the apex itself wins over the ancestor':
    '<r xmlns:t="urn:t" xml:lang="en"><t:target ID="target" xml:lang="nl">{SIG}</t:target></r>',
  'redeclarations below the apex, xmlns="" and unqualified children':
    '<r xmlns="urn:d" xmlns:t="urn:t" xmlns:p="urn:p1"><t:target ID="target">{SIG}<a><b xmlns=""><c/></b><p:d xmlns:p="urn:p2"><p:e xmlns:p="urn:p2"/></p:d><f xmlns="urn:d"/></a></t:target></r>',
  'xmlns="" on the apex under a default namespace':
    '<r xmlns="urn:d" xmlns:t="urn:t"><target xmlns="" xmlns:t="urn:t" ID="target">{SIG}<k/></target></r>',
  'mixed-case and punctuation prefixes, attributes sorted by namespace URI then name':
    '<r xmlns:B="urn:b" xmlns:a="urn:z" xmlns:_z="urn:a" xmlns:t="urn:t"><t:target ID="target" B:x="1" a:y="2" _z:r="3" c="4" a:a="5">{SIG}</t:target></r>',
  'special characters in text and attributes, CR, tabs, CDATA, PIs, comments':
    '<r xmlns:t="urn:t"><t:target ID="target" a="&lt;&amp;&quot;&#9;&#10;&#13;>">{SIG}<t:v>a&amp;b&lt;c&gt;d&#13;e"f\'</t:v><![CDATA[x<y&z]]><?pi d?><?bare?><!-- c --></t:target></r>',
  'attributes whose names start with xmlns but declare nothing':
    '<r xmlns:t="urn:t"><t:target ID="target" xmlnsFormat="x" xmlnsx="1">{SIG}<t:c xmlnsEvil="2"/></t:target></r>',
  'the xml namespace declared explicitly, unused declarations on ancestors':
    '<r xmlns:xml="http://www.w3.org/XML/1998/namespace" xmlns:unused="urn:u" xmlns:t="urn:t"><t:target ID="target">{SIG}</t:target></r>',
};

const ALGORITHMS = [C14N.inclusive, C14N.c14n11, C14N.c14n11WithComments, C14N.exclusive];

function ours(xml: string): { reference: string; signedInfo: string; referenceDoc: string } {
  const { parsed, problems } = parseSaml(xml);
  if (!parsed) throw new Error(problems.map((p) => p.message).join('; '));
  const sig = parsed.doc.getElementsByTagNameNS(DS, 'Signature')[0]!;
  const signedInfo = sig.getElementsByTagNameNS(DS, 'SignedInfo')[0]!;
  const algorithm = signedInfo.getElementsByTagNameNS(DS, 'CanonicalizationMethod')[0]!.getAttribute('Algorithm')!;
  const target = parsed.ids.get('target')!;
  return {
    reference: canonicalize(target, { algorithm, exclude: sig }),
    referenceDoc: canonicalize(parsed.doc, { algorithm, exclude: sig }),
    signedInfo: canonicalize(signedInfo, { algorithm, keepComments: true }),
  };
}

describe.skipIf(!hasXmlsec)('inclusive and exclusive C14N of subtrees give libxml2\'s octets (xmlsec1)', () => {
  for (const [name, doc] of Object.entries(corners)) {
    for (const algorithm of ALGORITHMS) {
      for (const dsDefault of [false, true]) {
        it(`${name} · ${algorithm.replace(/^.*\//, '')}${dsDefault ? ' · Signature in the default namespace' : ''}`, () => {
          const signed = xmlsecSign(doc.replace('{SIG}', signatureTemplate(algorithm, { dsDefault, comment: true })), [{ ns: T, local: 'target' }, { ns: '', local: 'target' }, { ns: 'urn:oasis:names:tc:SAML:2.0:protocol', local: 'Response' }]);
          const oracle = xmlsecVerify(signed, [{ ns: T, local: 'target' }, { ns: '', local: 'target' }]);
          expect(oracle.ok).toBe(true);
          const mine = ours(signed);
          expect(mine.reference).toBe(oracle.preDigest[0]);
          expect(mine.signedInfo).toBe(oracle.preSigned);
        });
      }
    }
  }

  for (const algorithm of ALGORITHMS) {
    it(`a whole document (URI ""), with processing instructions around the root · ${algorithm.replace(/^.*\//, '')}`, () => {
      const doc = '<?xml version="1.0"?>\n<?before a?>\n<!-- dropped -->\n<r xmlns="urn:d" xmlns:t="urn:t" xml:lang="en"><t:target ID="target">x</t:target>{SIG}</r>\n<?after?>\n';
      const signed = xmlsecSign(doc.replace('{SIG}', signatureTemplate(algorithm, { uri: '' })), []);
      const oracle = xmlsecVerify(signed, []);
      expect(oracle.ok).toBe(true);
      expect(ours(signed).referenceDoc).toBe(oracle.preDigest[0]);
    });
  }
});

describe('xml:base joins (RFC 3986 §5.2, relative bases kept relative)', () => {
  it.each([
    ['../f', 'http://a.example/b/c/d/e/', 'http://a.example/b/c/d/f'],
    ['d/e/', 'http://a.example/b/c/', 'http://a.example/b/c/d/e/'],
    ['./q/', '../../', '../../q/'],
    ['../../q/', 'http://a.example/x/y/z', 'http://a.example/q/'],
    ['', 'http://a.example/x', 'http://a.example/x'],
    ['http://other.example/p/../q', 'http://a.example/', 'http://other.example/q'],
    ['#frag', 'http://a.example/x?y', 'http://a.example/x?y#frag'],
  ])('%s against %s is %s', (ref, base, joined) => {
    expect(resolveUri(ref, base)).toBe(joined);
  });
});

describe('canonicalisation corners without xmlsec1', () => {
  it('an unprefixed apex under an inherited default namespace declares it once (xml-crypto declared it twice)', () => {
    const { parsed } = parseSaml('<r xmlns="urn:d" xmlns:t="urn:t"><a ID="target"><b/></a></r>');
    const out = canonicalize(parsed!.ids.get('target')!, { algorithm: C14N.inclusive });
    expect(out).toBe('<a xmlns="urn:d" xmlns:t="urn:t" ID="target"><b></b></a>');
  });

  it('C14N 1.1 does not carry xml:id down to the apex, 1.0 does', () => {
    const { parsed } = parseSaml('<r xml:id="r1" xml:lang="en"><a ID="target"/></r>');
    const apex = parsed!.ids.get('target')!;
    expect(canonicalize(apex, { algorithm: C14N.c14n11 })).toBe('<a ID="target" xml:lang="en"></a>');
    expect(canonicalize(apex, { algorithm: C14N.inclusive })).toBe('<a ID="target" xml:id="r1" xml:lang="en"></a>');
  });
});
