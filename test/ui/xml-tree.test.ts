import { describe, expect, it } from 'vitest';
import { buildTree, findByLocation, normalisePath, ancestorIds, type XmlNode } from '../../lib/ui/xml/tree';
import { searchTree, splitMatches } from '../../lib/ui/xml/search';

const XML = [
  '<?xml version="1.0"?>',
  '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r">',
  '  <saml:Issuer>https://idp.example.org</saml:Issuer>',
  '  <!-- a comment -->',
  '  <saml:Assertion ID="_a">',
  '    <saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">alice@example.com</saml:NameID></saml:Subject>',
  '    <saml:AttributeStatement>',
  '      <saml:Attribute Name="role"><saml:AttributeValue>admin</saml:AttributeValue><saml:AttributeValue>agent</saml:AttributeValue></saml:Attribute>',
  '    </saml:AttributeStatement>',
  '  </saml:Assertion>',
  '</samlp:Response>',
].join('\n');

const text = (n: XmlNode | undefined) => n?.open.map((t) => t.text).join('') ?? '';

describe('XML tree for the pretty view', () => {
  it('gives element paths like the core writes them, indexes only on repeated siblings', () => {
    const tree = buildTree(XML);
    expect([...tree.byPath.keys()]).toEqual([
      '/Response',
      '/Response/Issuer',
      '/Response/Assertion',
      '/Response/Assertion/Subject',
      '/Response/Assertion/Subject/NameID',
      '/Response/Assertion/AttributeStatement',
      '/Response/Assertion/AttributeStatement/Attribute',
      '/Response/Assertion/AttributeStatement/Attribute/AttributeValue',
      '/Response/Assertion/AttributeStatement/Attribute/AttributeValue[2]',
    ]);
    expect(tree.byPath.get('/Response/Assertion/AttributeStatement/Attribute/AttributeValue[2]')?.path).toBe(
      '/Response/Assertion/AttributeStatement/Attribute/AttributeValue[2]',
    );
  });

  it('finds a finding location written with [1], on an attribute, or below a missing element', () => {
    const tree = buildTree(XML);
    expect(findByLocation(tree, '/Response/Assertion[1]/Subject/NameID')?.localName).toBe('NameID');
    expect(findByLocation(tree, '/Response/Assertion[1]/@ID')?.path).toBe('/Response/Assertion');
    expect(findByLocation(tree, '/Response/Assertion/Conditions/AudienceRestriction')?.path).toBe('/Response/Assertion');
    expect(findByLocation(tree, '/Nothing')).toBeUndefined();
    expect(normalisePath('/A[1]/B[2]/C[1]')).toBe('/A/B[2]/C');
  });

  it('keeps comments and text as their own nodes and drops whitespace between tags', () => {
    const tree = buildTree(XML);
    const response = tree.byPath.get('/Response')!;
    expect(response.children.map((c) => c.type)).toEqual(['element', 'comment', 'element']);
    expect(text(tree.byPath.get('/Response/Issuer')?.children[0])).toBe('https://idp.example.org');
    expect(ancestorIds(tree.byPath.get('/Response/Assertion/Subject/NameID'))).toHaveLength(3);
  });

  it('survives malformed XML without throwing or losing text', () => {
    const tree = buildTree('<a><b>x</c></b><d>');
    expect(tree.roots).toHaveLength(1);
    const all: string[] = [];
    const walk = (ns: XmlNode[]) => ns.forEach((n) => (all.push(text(n)), walk(n.children)));
    walk(tree.roots);
    expect(all.join('')).toContain('</c>');
    expect(all.join('')).toContain('x');
  });

  it('returns hostile markup in attribute values and text as plain tokens, never as markup', () => {
    const hostile = '<r><v a="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</v><u>javascript:alert(1)</u></r>';
    const tree = buildTree(hostile);
    const v = tree.byPath.get('/r/v')!;
    const tokens = [...v.open, ...v.children.flatMap((c) => c.open)];
    for (const t of tokens) {
      expect(typeof t.text).toBe('string');
      expect(Object.keys(t).sort()).toEqual(['text', 'type']);
    }
    expect(tokens.map((t) => t.text).join('')).toBe('<v a="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text(tree.byPath.get('/r/u')?.children[0])).toBe('javascript:alert(1)');
  });
});

describe('search in the XML', () => {
  it('splits text around every case-insensitive match', () => {
    expect(splitMatches('Alice and ALICE', 'alice')).toEqual([
      { text: 'Alice', match: true },
      { text: ' and ', match: false },
      { text: 'ALICE', match: true },
    ]);
    expect(splitMatches('abc', '')).toEqual([{ text: 'abc', match: false }]);
  });
  it('counts matches across tags, attributes and text', () => {
    const found = searchTree(buildTree(XML), 'example');
    expect(found.total).toBe(2);
    expect(found.nodes.map((n) => n.type)).toEqual(['text', 'text']);
    expect(searchTree(buildTree(XML), 'AttributeValue').total).toBe(4);
  });
});
