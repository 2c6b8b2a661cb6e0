import { describe, expect, it } from 'vitest';
import { parseSaml } from '../../../lib/core/xml';

/**
 * VALIDATION.md "Parser facts": fast-xml-parser and xmldom read these inputs differently. Each row here states
 * what OUR parse gives, so identity and signature checks never depend on a second reading.
 */
const P = 'urn:oasis:names:tc:SAML:2.0:protocol';
const A = 'urn:oasis:names:tc:SAML:2.0:assertion';
const response = (inner: string, rootAttrs = '') =>
  `<samlp:Response xmlns:samlp="${P}" xmlns:saml="${A}" ID="_r" Version="2.0"${rootAttrs}>${inner}</samlp:Response>`;
const assertionWith = (nameId: string) =>
  response(`<saml:Assertion ID="_a" Version="2.0"><saml:Issuer>https://idp</saml:Issuer><saml:Subject><saml:NameID>${nameId}</saml:NameID></saml:Subject></saml:Assertion>`);

describe('parser facts', () => {
  it('DOCTYPE with an internal entity: refused, never expanded (FXP expands, xmldom errors)', () => {
    const r = parseSaml(`<!DOCTYPE a [<!ENTITY x "E">]>${response('<saml:Issuer>&x;</saml:Issuer>')}`);
    expect(r.parsed).toBeUndefined();
    expect(r.problems.map((p) => p.rule)).toEqual(['xml-doctype']);
  });

  it('a repeated ID attribute: refused (FXP keeps the last one)', () => {
    const r = parseSaml(response('', ' ID="_r2"'));
    expect(r.parsed).toBeUndefined();
    expect(r.problems).toEqual([{ rule: 'xml-refused', message: expect.stringContaining('attribute ID appears twice on <samlp:Response>') }]);
  });

  it('two root elements: refused (FXP parses both and its validator accepts them)', () => {
    const r = parseSaml(response('') + response(''));
    expect(r.parsed).toBeUndefined();
    expect(r.problems.map((p) => p.rule)).toEqual(['xml-refused']);
  });

  it('xmlns:saml="urn:evil" on saml:Assertion: the namespace decides, not the prefix', () => {
    const r = parseSaml(
      `<samlp:Response xmlns:samlp="${P}" ID="_r" Version="2.0"><saml:Assertion xmlns:saml="urn:evil" ID="_a" Version="2.0"><saml:Subject><saml:NameID>admin@example.test</saml:NameID></saml:Subject></saml:Assertion></samlp:Response>`,
    );
    expect(r.parsed?.view.assertions).toEqual([]);
    const root = parseSaml(`<saml:Assertion xmlns:saml="urn:evil" ID="_a" Version="2.0"/>`);
    expect(root.parsed?.view.kind).toBe('Unknown');
    expect(root.problems[0]).toMatchObject({ rule: 'not-saml', message: expect.stringContaining('namespace is "urn:evil"') });
  });

  it('character references are decoded (FXP leaves a&#x41; undecoded)', () => {
    const nameId = parseSaml(assertionWith('a&#x41;&#66;&amp;')).parsed?.view.assertions[0]?.nameId;
    expect(nameId?.value).toBe('aAB&');
    expect(nameId?.splitBy).toBeUndefined();
  });

  it('NameID with an empty comment: the whole value, flagged (xmldom firstChild.data stops at the comment)', () => {
    const r = parseSaml(assertionWith('a@b.com<!---->.evil.com'));
    const nameId = r.parsed?.view.assertions[0]?.nameId;
    expect(nameId).toMatchObject({ value: 'a@b.com.evil.com', splitBy: 'comment', path: '/Response/Assertion/Subject/NameID' });
    // The raw tree really is split: a reader taking the first text node would see only the prefix.
    const el = r.parsed!.doc.getElementsByTagNameNS(A, 'NameID')[0]!;
    expect((el.firstChild as Text).data).toBe('a@b.com');
  });
});
