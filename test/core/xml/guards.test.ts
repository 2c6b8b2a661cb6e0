import { describe, expect, it } from 'vitest';
import { parseMetadata, parseSaml } from '../../../lib/core/xml';
import { guardXml } from '../../../lib/core/xml/guards';
import { DEFAULT_XML_LIMITS } from '../../../lib/core/xml/limits';

const P = 'urn:oasis:names:tc:SAML:2.0:protocol';
const ok = `<samlp:LogoutResponse xmlns:samlp="${P}" ID="_1" Version="2.0"/>`;

function only(xml: string, limits = DEFAULT_XML_LIMITS) {
  const r = parseSaml(xml, limits);
  expect(r.parsed).toBeUndefined();
  expect(r.problems).toHaveLength(1);
  return r.problems[0]!;
}

describe('refusals before any parser (pipeline step 2)', () => {
  it('refuses a DOCTYPE with an entity bomb without expanding it', () => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY l0 "lol">${lol}]>\n<samlp:Response xmlns:samlp="${P}" ID="_1" Version="2.0">&l9;</samlp:Response>`;
    const t = performance.now();
    const p = only(xml);
    expect(performance.now() - t).toBeLessThan(500);
    expect(p.rule).toBe('xml-doctype');
    expect(p.message).toContain('line 2');
    expect(p.message).not.toContain('lollol');
  });

  it('refuses an external entity (XXE) and a lone ENTITY declaration', () => {
    expect(only(`<!DOCTYPE r SYSTEM "file:///etc/passwd"><r/>`).rule).toBe('xml-doctype');
    expect(only(`<r><!-- <!ENTITY x "y"> --></r>`).rule).toBe('xml-doctype');
  });

  it('finds a declaration in any case, after other markup that starts with <!', () => {
    const p = only(`<r><!-- a --><![CDATA[<!]]><!<!dOcTyPe r [<!ENTITY x "y">]></r>`);
    expect(p.rule).toBe('xml-doctype');
    expect(p.message).toContain('<!dOcTyPe declaration (line 1, column 30)');
  });

  it('names the duplicated attribute and where it is', () => {
    const p = only(`<samlp:Response xmlns:samlp="${P}"\n  Version="2.0">\n<x ID="1" a="b" ID="2"/></samlp:Response>`);
    expect(p.rule).toBe('xml-refused');
    expect(p.message).toMatch(/attribute ID appears twice on <x> at line 3, column 1/);
  });

  it('finds a duplicate among many attributes (set path)', () => {
    const many = Array.from({ length: 40 }, (_, i) => `a${i}="v"`).join(' ');
    expect(only(`<r ${many} a7="w"/>`).message).toContain('attribute a7 appears twice');
    expect(only(`<r ${many} a33="w"/>`).message).toContain('attribute a33 appears twice');
    expect(guardXml(`<r ${many}/>`, DEFAULT_XML_LIMITS)).toBeUndefined();
  });

  it('refuses one namespaced attribute written twice under two prefixes', () => {
    const r = parseSaml(`<samlp:Response xmlns:samlp="${P}" Version="2.0" ID="_r"><x xmlns:a="urn:u" xmlns:b="urn:u" a:Id="1" b:Id="2"/></samlp:Response>`);
    expect(r.parsed).toBeUndefined();
    expect(r.problems).toEqual([
      { rule: 'xml-refused', message: expect.stringContaining('attribute Id in namespace "urn:u" appears twice on <x> under different prefixes'), location: '/Response/x' },
    ]);
  });

  it('refuses several root elements, which xmldom and FXP read differently', () => {
    const p = only(`${ok}\n<samlp:Response xmlns:samlp="${P}" ID="_2" Version="2.0"/>`);
    expect(p.rule).toBe('xml-refused');
    expect(p.message).toMatch(/more than one root element: <samlp:Response> at line 2, column 1/);
  });

  it('refuses nesting deeper than the limit, and accepts it at the limit', () => {
    const nest = (d: number) => '<a>'.repeat(d) + '</a>'.repeat(d);
    expect(parseSaml(nest(8), { maxChars: 1000, maxDepth: 8 }).problems.map((p) => p.rule)).toEqual(['not-saml']);
    const p = only(nest(9), { maxChars: 1000, maxDepth: 8 });
    expect(p.rule).toBe('xml-refused');
    expect(p.message).toContain('deeper than 8 levels');
  });

  it('refuses text longer than the limit', () => {
    const p = only(ok, { maxChars: 20, maxDepth: 64 });
    expect(p.rule).toBe('xml-refused');
    expect(p.message).toContain('more than the limit of 20');
  });

  it('refuses NUL characters with their position', () => {
    const p = only(`<r>\n  a\u0000b</r>`);
    expect(p.rule).toBe('xml-refused');
    expect(p.message).toContain('NUL character at line 2, column 4');
  });

  it('applies the same refusals to metadata', () => {
    const r = parseMetadata(`<!DOCTYPE x [<!ENTITY e "e">]><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="&e;"/>`);
    expect(r.metadata).toBeUndefined();
    expect(r.problems.map((p) => p.rule)).toEqual(['xml-doctype']);
  });
});

describe('well-formedness (xmldom alone would accept these)', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['unclosed element', '<a><b></b>', /element <a> is not closed at line 1/],
    ['mismatched end tag', '<a>\n<b></a>', /end tag <\/a> does not match the open element <b> at line 2, column 4/],
    ['text before the root', 'hello <a/>', /text before the root element at line 1, column 1/],
    ['text after the root', '<a/> junk', /text after the root element/],
    ['bare ampersand', '<a>x & y</a>', /bare "&"/],
    ['unknown entity', '<a>&nbsp;</a>', /unknown entity reference at line 1, column 4/],
    ['"<" in an attribute value', '<a b="x<y"/>', /"<" inside the value of attribute b on <a>/],
    ['unquoted attribute', '<a b=1/>', /the value of attribute b on <a> is not quoted/],
    ['character reference to NUL', '<a>&#0;</a>', /character reference &#0; names a character XML does not allow/],
    ['control character', '<a>\u0001</a>', /character U\+0001 is not allowed/],
    ['empty input', '', /there is no root element/],
    ['XML declaration later on', '<a/><?xml version="1.0"?>', /XML declaration that is not at the very start/],
    ['unclosed comment', '<a><!-- x</a>', /comment is not closed/],
  ];
  it.each(cases)('%s -> decode-failed with a position', (_name, xml, message) => {
    const p = only(xml);
    expect(p.rule).toBe('decode-failed');
    expect(p.message).toMatch(/^not XML: /);
    expect(p.message).toMatch(message);
  });

  it('accepts what real IdPs send: BOM, declaration, comments, CDATA, PIs, entities, single quotes', () => {
    const xml = `\ufeff<?xml version="1.0" encoding="UTF-8"?>\n<!-- idp --><?pi x?>\n<samlp:LogoutResponse xmlns:samlp="${P}" ID='_1' Version="2.0" x="&quot;&#x41;&#65;&lt;">\n<a><![CDATA[<not & a tag>]]></a></samlp:LogoutResponse>\n<!-- end -->\n`;
    const r = parseSaml(xml);
    expect(r.problems).toEqual([]);
    expect(r.parsed?.root.getAttribute('x')).toBe('"AA<');
  });

  it('stays linear on a hostile tag with many attributes', () => {
    const attrs = Array.from({ length: 100_000 }, (_, i) => `a${i}="v&amp;${i}"`).join(' ');
    const t = performance.now();
    expect(guardXml(`<r ${attrs}/>`, DEFAULT_XML_LIMITS)).toBeUndefined();
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
