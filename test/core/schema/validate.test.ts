// What the schema check says about a broken message: the element path and what the schema expected there.
import { describe, expect, it } from 'vitest';
import { buildAuthnRequest, buildResponse } from '../../../lib/samlgen';
import { validateSchema } from '../../../lib/core/schema';
import { parseSaml } from '../../../lib/core/xml';

const ISSUER = '<saml:Issuer>https://idp.example.test/metadata</saml:Issuer>';
const base = () => buildResponse({ issuer: 'https://idp.example.test/metadata', audiences: ['https://sp.example.test/metadata'] });

function check(xml: string) {
  const root = parseSaml(xml).parsed?.root;
  if (!root) throw new Error('did not parse');
  return validateSchema(root).violations;
}

describe('validateSchema', () => {
  it('finds what lib/samlgen builds valid', () => {
    expect(check(base())).toEqual([]);
    expect(check(buildAuthnRequest({ acsUrl: 'https://sp.example.test/acs', issuer: 'https://sp.example.test/metadata' }))).toEqual([]);
  });

  it('says which element comes too late and before what it belongs', () => {
    const xml = base().replace(ISSUER, '').replace('</samlp:Status>', `</samlp:Status>${ISSUER}`);
    expect(check(xml)).toEqual([{ path: '/Response/Issuer', message: 'samlp:Response: saml:Issuer must come before samlp:Status' }]);
  });

  it('names a required child that is missing, and where', () => {
    const xml = base().replace(/<samlp:Status>[\s\S]*?<\/samlp:Status>/, '');
    expect(check(xml)).toEqual([{ path: '/Response/Assertion', message: 'samlp:Response: expected samlp:Status before saml:Assertion' }]);
    const bare = base().replace(/<saml:Assertion[\s\S]*<\/saml:Assertion>/, '').replace(/<samlp:Status>[\s\S]*?<\/samlp:Status>/, '');
    expect(check(bare)[0]?.message).toBe('samlp:Response lacks samlp:Status, which the schema requires after saml:Issuer');
  });

  it('names a missing required attribute and a value of the wrong type', () => {
    const xml = base().replace(/ IssueInstant="[^"]*"/, '').replace(/NotOnOrAfter="([^"]*)"/, 'NotOnOrAfter="tomorrow"');
    const messages = check(xml).map((v) => `${v.path}: ${v.message}`);
    expect(messages).toContain('/Response: attribute IssueInstant missing on samlp:Response: the schema requires it');
    expect(messages.some((m) => /attribute NotOnOrAfter="tomorrow" of saml:\w+ is not a valid xs:dateTime/.test(m))).toBe(true);
  });

  it('refuses attributes the type does not declare, but takes other namespaces where a wildcard allows them', () => {
    expect(check(base().replace('<saml:Subject>', '<saml:Subject Foo="1">'))[0]?.message).toBe('attribute Foo is not allowed on saml:Subject');
    const withAttribute = buildResponse({ attributes: [{ name: 'a', values: ['1'] }] });
    expect(check(withAttribute.replace('<saml:Attribute ', '<saml:Attribute xmlns:x="urn:x" x:Extra="1" '))).toEqual([]);
    expect(check(withAttribute.replace('<saml:Attribute ', '<saml:Attribute Extra="1" '))[0]?.message).toBe('attribute Extra is not allowed on saml:Attribute');
  });

  it('judges xsi:type as XML Schema does: unknown types and abstract types without one are errors', () => {
    const withValue = (v: string) => buildResponse({ attributes: [{ name: 'a', values: ['1'] }] }).replace(/<saml:AttributeValue [^>]*>1<\/saml:AttributeValue>/, v);
    const ns = 'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
    expect(check(withValue(`<saml:AttributeValue ${ns} xsi:type="xs:integer">12</saml:AttributeValue>`))).toEqual([]);
    expect(check(withValue(`<saml:AttributeValue ${ns} xsi:type="xs:integer">twelve</saml:AttributeValue>`))[0]?.message).toBe('the text "twelve" of saml:AttributeValue is not a valid xs:integer');
    expect(check(withValue(`<saml:AttributeValue ${ns} xmlns:c="urn:custom" xsi:type="c:Role">x</saml:AttributeValue>`))[0]?.message).toMatch(/names no type/);
    const statement = base().replace('<saml:AuthnStatement', '<saml:Statement/><saml:AuthnStatement');
    expect(check(statement)[0]?.message).toMatch(/saml:Statement has the abstract type saml:StatementAbstractType/);
  });

  it('refuses text where only elements belong and a second element with an ID already used', () => {
    expect(check(base().replace('<samlp:Status>', '<samlp:Status>oops'))[0]?.message).toBe('samlp:Status may hold only elements, not the text "oops"');
    const id = /<saml:Assertion [^>]*ID="([^"]+)"/.exec(base())![1]!;
    expect(check(base().replace(/(<samlp:Response [^>]*ID=")[^"]+"/, `$1${id}"`))[0]?.message).toBe(`ID "${id}" of saml:Assertion is carried by another element too; xs:ID values must be unique`);
  });

  it('lists at most the limit it is given and says more were found', () => {
    const xml = base().replace(/ (IssueInstant|Version|ID)="[^"]*"/g, '');
    const result = validateSchema(parseSaml(xml).parsed!.root, 2);
    expect(result.violations).toHaveLength(2);
    expect(result.truncated).toBe(true);
  });
});
