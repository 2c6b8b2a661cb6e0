import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildXmlsecFixtures, type XmlsecFixture } from '../../fixtures/xmlsec/cases';
import { errorsOf, runFixture, statusOf, trust } from './helpers';
import { hasXmlsec, xmlsecVersion, xmlsecVerify } from './xmlsec1';

const dir = fileURLToPath(new URL('../../fixtures/xmlsec/files/', import.meta.url));
const manifest = JSON.parse(readFileSync(`${dir}manifest.json`, 'utf8')) as { xmlsec1: string; fixtures: Array<Omit<XmlsecFixture, 'content'>> };
const read = (file: string) => readFileSync(`${dir}${file}`, 'utf8');

describe('messages signed by xmlsec1 as other IdP stacks sign (idp certificate trusted)', () => {
  for (const entry of manifest.fixtures) {
    it(`${entry.file}: ${entry.description}`, async () => {
      const { analysis } = await runFixture({ kind: 'xml', content: read(entry.file) }, trust('idp'));
      const e = entry.expect;
      const status = statusOf(analysis!);
      for (const [path, want] of Object.entries(e.verdicts ?? {})) expect(status[path], `${path} in ${JSON.stringify(status)}`).toBe(want);
      for (const [path, covers] of Object.entries(e.covers ?? {})) expect(analysis!.verdicts.find((v) => v.target === path)?.covers).toEqual(covers);
      if (e.errors) expect(errorsOf(analysis!)).toEqual(expect.arrayContaining(e.errors));
      else expect(errorsOf(analysis!)).toEqual([]);
      for (const path of e.forged ?? []) expect(status[path], `forged ${path} must not be valid`).not.toBe('valid');
      if (entry.file.startsWith('attack-')) expect(errorsOf(analysis!).length).toBeGreaterThan(0);
    });
  }

  it.skipIf(!hasXmlsec)('xmlsec1 verifies every signature of the genuine ones (the oracle agrees)', () => {
    for (const entry of manifest.fixtures.filter((f) => !f.file.startsWith('attack-'))) {
      const xml = read(entry.file);
      const count = (xml.match(/<(?:ds:)?Signature[ >]/g) ?? []).length;
      for (let i = 1; i <= count; i++) {
        const verdict = xmlsecVerify(xml, [
          { ns: 'urn:oasis:names:tc:SAML:2.0:protocol', local: 'Response' },
          { ns: 'urn:oasis:names:tc:SAML:2.0:assertion', local: 'Assertion' },
          { ns: 'urn:oasis:names:tc:SAML:2.0:metadata', local: 'SPSSODescriptor' },
        ], `(//*[local-name()='Signature'])[${i}]`);
        expect(verdict.ok, `${entry.file} signature ${i}`).toBe(true);
      }
    }
  });

  // xmlsec1 serialises what it signs; another release may write other bytes, so only the same one regenerates.
  it.skipIf(!hasXmlsec || xmlsecVersion !== manifest.xmlsec1)('committed fixtures match what `npm run fixtures:xmlsec` produces', () => {
    const fresh = buildXmlsecFixtures();
    expect(manifest.fixtures).toEqual(fresh.map(({ content: _c, ...rest }) => rest));
    for (const f of fresh) expect(read(f.file), f.file).toBe(f.content);
  });
});

describe('what a signature covers, when more than its own element', () => {
  it('a Reference naming an element around the signed one covers it: valid, as with xmlsec1', async () => {
    const { buildResponse, loadTestKey, signXml } = await import('../../../lib/samlgen');
    // The Response's enveloped signature moved into the Assertion: its Reference still names the Response, and
    // the enveloped transform leaves the signature out wherever it sits, so the digest still matches.
    const signed = signXml(buildResponse({}), { key: loadTestKey('idp'), targets: ['root'] });
    const moved = signed.replace(/(<ds:Signature[\s\S]*<\/ds:Signature>)([\s\S]*?<saml:Assertion [^>]*><saml:Issuer>[^<]*<\/saml:Issuer>)/, '$2$1');
    expect(moved).not.toBe(signed);
    const { analysis } = await runFixture({ kind: 'xml', content: moved }, trust('idp'));
    const v = analysis!.verdicts.find((x) => x.target === '/Response/Assertion')!;
    expect(v.covers).toEqual(['/Response']);
    expect(v.status).toBe('valid');
    expect(v.reason).toMatch(/its Reference covers <Response> at \/Response, which holds the signed element/);
    if (hasXmlsec) expect(xmlsecVerify(moved, [{ ns: 'urn:oasis:names:tc:SAML:2.0:protocol', local: 'Response' }]).ok).toBe(true);
  });
});
