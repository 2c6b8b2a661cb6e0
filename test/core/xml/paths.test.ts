import { describe, expect, it } from 'vitest';
import { elementPath, parseSaml } from '../../../lib/core/xml';

const P = 'urn:oasis:names:tc:SAML:2.0:protocol';
const A = 'urn:oasis:names:tc:SAML:2.0:assertion';

function doc(xml: string) {
  const r = parseSaml(xml);
  if (!r.parsed) throw new Error(JSON.stringify(r.problems));
  return r.parsed.doc;
}

describe('elementPath', () => {
  const xml = `<samlp:Response xmlns:samlp="${P}" xmlns:saml="${A}" ID="_r" Version="2.0"><saml:Issuer>i</saml:Issuer>
    <saml:Assertion ID="_1" Version="2.0"/>
    <saml:Assertion ID="_2" Version="2.0"><saml:Subject><saml:NameID>n</saml:NameID></saml:Subject><saml:AttributeStatement>
      <saml:Attribute Name="a"><saml:AttributeValue>1</saml:AttributeValue></saml:Attribute>
      <saml:Attribute Name="b"><saml:AttributeValue>1</saml:AttributeValue></saml:Attribute>
      <saml:Attribute Name="c"><saml:AttributeValue>1</saml:AttributeValue><saml:AttributeValue>2</saml:AttributeValue></saml:Attribute>
    </saml:AttributeStatement></saml:Assertion>
    <x:Assertion xmlns:x="urn:evil"/></samlp:Response>`;

  it('uses local names and indexes only repeated siblings (any namespace counts as a sibling)', () => {
    const d = doc(xml);
    const values = d.getElementsByTagNameNS(A, 'AttributeValue');
    // Asked for deep elements first, before any of their ancestors: the answer must not depend on call order.
    expect(elementPath(values[3]!)).toBe('/Response/Assertion[2]/AttributeStatement/Attribute[3]/AttributeValue[2]');
    expect(elementPath(values[2]!)).toBe('/Response/Assertion[2]/AttributeStatement/Attribute[3]/AttributeValue[1]');
    expect(elementPath(values[0]!)).toBe('/Response/Assertion[2]/AttributeStatement/Attribute[1]/AttributeValue');
    expect(elementPath(d.getElementsByTagNameNS(A, 'NameID')[0]!)).toBe('/Response/Assertion[2]/Subject/NameID');
    expect(elementPath(d.getElementsByTagNameNS(A, 'Issuer')[0]!)).toBe('/Response/Issuer');
    expect(elementPath(d.getElementsByTagNameNS('urn:evil', 'Assertion')[0]!)).toBe('/Response/Assertion[3]');
    expect(elementPath(d.documentElement)).toBe('/Response');
  });

  it('gives the same paths the view reports', () => {
    const r = parseSaml(xml);
    const second = r.parsed!.view.assertions[1]!;
    expect(second.path).toBe('/Response/Assertion[2]');
    expect(second.attributes.map((a) => a.path)).toEqual([1, 2, 3].map((n) => `/Response/Assertion[2]/AttributeStatement/Attribute[${n}]`));
  });

  it('numbers thousands of siblings in one pass', () => {
    const attrs = Array.from({ length: 5000 }, (_, i) => `<saml:Attribute Name="a${i}"><saml:AttributeValue>v</saml:AttributeValue></saml:Attribute>`).join('');
    const r = parseSaml(`<saml:Assertion xmlns:saml="${A}" ID="_a" Version="2.0"><saml:AttributeStatement>${attrs}</saml:AttributeStatement></saml:Assertion>`);
    const attributes = r.parsed!.view.assertions[0]!.attributes;
    expect(attributes).toHaveLength(5000);
    expect(attributes[4999]!.path).toBe('/Assertion/AttributeStatement/Attribute[5000]');
    expect(new Set(attributes.map((a) => a.path)).size).toBe(5000);
  });
});
