// Issue 17, class 5: every identity-bearing text, not only the NameID, is checked for comment/CDATA splits.
import { describe, expect, it } from 'vitest';
import { buildLogoutRequest, buildResponse } from '../../../lib/samlgen';
import { parseSaml } from '../../../lib/core/xml';

const A1 = 'urn:oasis:names:tc:SAML:1.0:assertion';

function view(xml: string) {
  const r = parseSaml(xml);
  if (!r.parsed) throw new Error(JSON.stringify(r.problems));
  return r.parsed.view;
}

const response = () =>
  buildResponse({
    issuer: 'https://idp.example.test/metadata',
    audiences: ['https://sp.example.test/metadata'],
    attributes: [
      { name: 'email', values: ['admin@example.test.evil.test'] },
      { name: 'groups', values: ['staff', 'admins'] },
    ],
  });

describe('identity texts split into pieces', () => {
  it('a clean Response has none', () => {
    const v = view(response());
    expect(v.textSplits).toBeUndefined();
    expect(v.assertions[0]!.textSplits).toBeUndefined();
  });

  it('an AttributeValue split by a comment: the whole value, the first piece and the attribute name', () => {
    const v = view(response().replace('admin@example.test.evil.test<', 'admin@example.test<!---->.evil.test<'));
    expect(v.assertions[0]!.textSplits).toEqual([
      {
        element: 'AttributeValue',
        attribute: 'email',
        path: '/Response/Assertion/AttributeStatement/Attribute[1]/AttributeValue',
        value: 'admin@example.test.evil.test',
        firstPart: 'admin@example.test',
        splitBy: 'comment',
      },
    ]);
    // The value the rules and the report use is still the whole text.
    expect(v.assertions[0]!.attributes[0]!.values).toEqual(['admin@example.test.evil.test']);
  });

  it('the Response Issuer and the Assertion Issuer, each where it is', () => {
    const xml = response().replace(/<saml:Issuer>https:\/\/idp\.example\.test\/metadata<\/saml:Issuer>/g, '<saml:Issuer>https://idp.example.test<![CDATA[/metadata]]></saml:Issuer>');
    const v = view(xml);
    expect(v.textSplits).toMatchObject([{ element: 'Issuer', path: '/Response/Issuer', value: 'https://idp.example.test/metadata', firstPart: 'https://idp.example.test', splitBy: 'cdata' }]);
    expect(v.assertions[0]!.textSplits).toMatchObject([{ element: 'Issuer', path: '/Response/Assertion/Issuer', splitBy: 'cdata' }]);
  });

  it('an Audience split by a processing instruction, an AuthnContextClassRef by a comment', () => {
    const xml = response()
      .replace('https://sp.example.test/metadata</saml:Audience>', 'https://sp.example.test<?x?>/metadata</saml:Audience>')
      .replace('PasswordProtectedTransport<', 'Password<!---->ProtectedTransport<');
    expect(view(xml).assertions[0]!.textSplits?.map((s) => [s.element, s.splitBy, s.firstPart])).toEqual([
      ['Audience', 'several-text-nodes', 'https://sp.example.test'],
      ['AuthnContextClassRef', 'comment', 'urn:oasis:names:tc:SAML:2.0:ac:classes:Password'],
    ]);
  });

  it('a comment before the whole value still counts: readers that take the first child get the comment', () => {
    const s = view(response().replace('>staff<', '><!-- x -->staff<')).assertions[0]!.textSplits!;
    expect(s).toMatchObject([{ attribute: 'groups', value: 'staff', firstPart: 'staff', splitBy: 'comment' }]);
  });

  it('a structured AttributeValue: whitespace between child elements is not a split, a comment is', () => {
    const structured = (inner: string) =>
      response().replace('>admins</saml:AttributeValue>', `>\n  <g xmlns="urn:x">admins</g>\n${inner}</saml:AttributeValue>`);
    expect(view(structured('')).assertions[0]!.textSplits).toBeUndefined();
    expect(view(structured('<!--c-->')).assertions[0]!.textSplits).toMatchObject([{ attribute: 'groups', splitBy: 'comment' }]);
  });

  it('a LogoutRequest SessionIndex and Issuer', () => {
    const xml = buildLogoutRequest({ issuer: 'https://sp.example.test/metadata', sessionIndex: '_session-1' })
      .replace('_session-1<', '_session<!---->-1<')
      .replace('https://sp.example.test/metadata<', 'https://sp.example.test<!---->/metadata<');
    expect(view(xml).textSplits?.map((s) => [s.element, s.value, s.firstPart])).toEqual([
      ['Issuer', 'https://sp.example.test/metadata', 'https://sp.example.test'],
      ['SessionIndex', '_session-1', '_session'],
    ]);
  });

  it('a SAML 1.1 assertion: Audience and AttributeValue', () => {
    const xml = `<saml:Assertion xmlns:saml="${A1}" MajorVersion="1" MinorVersion="1" AssertionID="_a11" Issuer="http://adfs.example.test/adfs/services/trust" IssueInstant="2026-01-15T10:00:00Z"><saml:Conditions><saml:AudienceRestrictionCondition><saml:Audience>urn:federation<!---->:sp</saml:Audience></saml:AudienceRestrictionCondition></saml:Conditions><saml:AttributeStatement><saml:Subject><saml:NameIdentifier>carol@example.test</saml:NameIdentifier></saml:Subject><saml:Attribute AttributeName="emailaddress" AttributeNamespace="http://schemas.xmlsoap.org/ws/2005/05/identity/claims"><saml:AttributeValue>carol@example.test<![CDATA[.evil.test]]></saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion>`;
    expect(view(xml).assertions[0]!.textSplits?.map((s) => [s.element, s.attribute, s.splitBy])).toEqual([
      ['Audience', undefined, 'comment'],
      ['AttributeValue', 'emailaddress', 'cdata'],
    ]);
  });
});
