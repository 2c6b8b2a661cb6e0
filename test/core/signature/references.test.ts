import { describe, expect, it } from 'vitest';
import { verifySignatures } from '../../../lib/core/signature';
import { buildResponse, loadTestKey, signXml } from '../../../lib/samlgen';
import { errorsOf, parsedOf, trust } from './helpers';

const signed = () => signXml(buildResponse({}), { key: loadTestKey('idp'), targets: ['assertion'] });
const EXC = 'http://www.w3.org/2001/10/xml-exc-c14n#';

async function assertionVerdict(xml: string) {
  const a = await verifySignatures(parsedOf(xml), { trusted: trust('idp'), binding: 'HTTP-POST' });
  return { v: a.verdicts.find((x) => x.target === '/Response/Assertion')!, errors: errorsOf(a), problems: a.problems };
}

describe('algorithms SAML Lens does not implement are unsupported, not attacks', () => {
  it('a SignedInfo canonicalisation it does not know (C14N 2.0): unchecked, named, no signature-wrapping', async () => {
    const c14n2 = 'http://www.w3.org/2010/xml-c14n2';
    const { v, errors, problems } = await assertionVerdict(signed().replace(`<ds:CanonicalizationMethod Algorithm="${EXC}"/>`, `<ds:CanonicalizationMethod Algorithm="${c14n2}"/>`));
    expect(v.status).toBe('unchecked');
    expect(v.failure).toBe('algorithm');
    expect(errors).not.toContain('signature-wrapping');
    expect(problems.map((p) => p.message).join(' ')).toContain(`${c14n2}, which SAML Lens does not support`);
  });

  it('an unknown Reference transform: unchecked, named, no signature-wrapping', async () => {
    const unknown = 'urn:example:transform';
    const { v, errors } = await assertionVerdict(signed().replace(`<ds:Transform Algorithm="${EXC}"/>`, `<ds:Transform Algorithm="${unknown}"/>`));
    expect([v.status, v.failure]).toEqual(['unchecked', 'algorithm']);
    expect(v.reason).toContain(unknown);
    expect(errors).not.toContain('signature-wrapping');
  });

  it.each([
    ['XPath', 'http://www.w3.org/TR/1999/REC-xpath-19991116'],
    ['XPath Filter 2.0', 'http://www.w3.org/2002/06/xmldsig-filter2'],
    ['exclusive C14N #WithComments', `${EXC}WithComments`],
  ])('a %s transform stays signature-wrapping (it selects or hides nodes)', async (_n, alg) => {
    const { v, errors } = await assertionVerdict(signed().replace(`<ds:Transform Algorithm="${EXC}"/>`, `<ds:Transform Algorithm="${alg}"/>`));
    expect(v.status).toBe('unchecked');
    expect(errors).toContain('signature-wrapping');
  });
});

describe('Reference rules', () => {
  it('a Reference to an ID two elements carry is refused as ambiguous', async () => {
    const xml = signed().replace('<saml:Subject>', '<saml:Subject><saml:Extra ID="_r1b2c3d4e5f60718293a4b5c6d7e8f90"/>');
    const { v, errors } = await assertionVerdict(xml.replace(/URI="#[^"]+"/, 'URI="#_r1b2c3d4e5f60718293a4b5c6d7e8f90"'));
    expect(v.status).toBe('unchecked');
    expect(errors).toContain('signature-wrapping');
  });

  it('a Reference to an ID nobody carries is refused', async () => {
    const { v, errors } = await assertionVerdict(signed().replace(/URI="#[^"]+"/, 'URI="#_nobody"'));
    expect(v.status).toBe('unchecked');
    expect(v.reason).toMatch(/no element has ID "_nobody"/);
    expect(errors).toContain('signature-wrapping');
  });

  it('more References than any signer writes are refused before digesting', async () => {
    const ref = /<ds:Reference[\s\S]*?<\/ds:Reference>/.exec(signed())![0];
    const { v, errors } = await assertionVerdict(signed().replace(ref, ref.repeat(17)));
    expect(v.status).toBe('unchecked');
    expect(errors).toContain('signature-wrapping');
  });
});
