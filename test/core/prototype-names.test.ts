// Names that are also Object.prototype's (`constructor`, `__proto__`, `toString`) reach the core from messages,
// captures and pages: each is read as any other unknown name, never as a known entry (lib/core/dictionary.ts).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/core/analyze';
import { requestTypeOf } from '../../lib/core/http/request-type';
import { readInput } from '../../lib/core/input';
import type { TraceEntry } from '../../lib/core/model';
import { exportEntries } from '../../lib/core/trace';
import { Redactor } from '../../lib/core/trace/redact/redactor';
import { pageRecordToEntry } from '../../lib/extension/page-capture/record';
import { buildResponse, loadTestKey, STATUS } from '../../lib/samlgen';
import { encryptedResponse, encryptWithXmlEncPadding } from './signature/encrypt';
import { ACS, authnRequest, postEntry, redirectEntry, response, TRUST } from './rules/build';
import { allFindings, findingsOf } from './rules/find';

const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

function internalErrors(report: Awaited<ReturnType<typeof analyze>>): string[] {
  return allFindings(report)
    .filter((f) => f.rule === 'internal-error')
    .map((f) => f.message);
}

describe.each(NAMES)('the name %s', (name) => {
  it('as a StatusCode: explained as a code SAML 2.0 does not define', async () => {
    const xml = buildResponse({ destination: ACS }).replace(`Value="${STATUS.success}"`, `Value="${name}"`);
    const report = await analyze([postEntry('SAMLResponse', xml)]);
    expect(internalErrors(report)).toEqual([]);
    expect(report.messages[0]!.status?.explanation).toMatch(/not one SAML 2\.0 defines/);
  });

  it('as a SignatureMethod or DigestMethod: refused as an algorithm SAML Lens does not support', async () => {
    const signed = response();
    for (const [element, why] of [
      ['SignatureMethod', /SignatureMethod .* is not one SAML Lens supports/],
      ['DigestMethod', /DigestMethod .* is not an accepted digest/],
    ] as const) {
      const xml = signed.replace(new RegExp(`(<ds:${element} Algorithm=")[^"]+`, 'g'), `$1${name}`);
      const report = await analyze([postEntry('SAMLResponse', xml)], TRUST);
      expect(internalErrors(report)).toEqual([]);
      const verdicts = report.messages[0]!.signatures;
      expect(verdicts.length).toBe(2);
      for (const v of verdicts) expect(v).toMatchObject({ status: 'unchecked', failure: 'algorithm', reason: expect.stringMatching(why) });
    }
  });

  it('as an attribute of an Assertion: not allowed by the schema', async () => {
    // Unsigned: the test signer's XML library (xmldom) fails on an attribute named hasOwnProperty itself.
    const xml = buildResponse({ destination: ACS }).replace('<saml:Assertion ', `<saml:Assertion ${name}="1" `);
    const report = await analyze([postEntry('SAMLResponse', xml)]);
    expect(findingsOf(report, 'schema-invalid').map((f) => f.message)).toContain(`attribute ${name} is not allowed on saml:Assertion.`);
  });

  it('as a parameter beside a Redirect message: not read as a SAML parameter', async () => {
    const entry = redirectEntry('SAMLRequest', authnRequest());
    const report = await analyze([{ ...entry, url: `${entry.url}&${name}=1` }]);
    expect(findingsOf(report, 'redirect-parameter-duplicate')).toEqual([]);
    expect(internalErrors(report)).toEqual([]);
  });

  it("as a Redirect signature's SigAlg: refused as an algorithm SAML Lens does not accept", async () => {
    const entry = redirectEntry('SAMLRequest', authnRequest(), undefined, undefined, { sign: true });
    const report = await analyze([{ ...entry, url: entry.url.replace(/SigAlg=[^&]+/, `SigAlg=${encodeURIComponent(name)}`) }]);
    expect(internalErrors(report)).toEqual([]);
    expect(report.messages[0]!.signatures).toMatchObject([{ failure: 'algorithm', reason: `SigAlg ${name} is not an accepted signature algorithm` }]);
  });

  it('as a form field: kept by a SAML-tracer export, as by the HAR one', async () => {
    const entry = postEntry('SAMLResponse', response(), ACS, undefined, [[name, 'kept'], [name, 'twice']]);
    const report = await analyze([entry], TRUST);
    for (const format of ['saml-tracer', 'har'] as const) {
      const back = readInput(exportEntries([entry], { format, profile: 'none', report }).text);
      expect(back.entries[0]!.formFields!.filter(([n]) => n === name)).toEqual([
        [name, 'kept'],
        [name, 'twice'],
      ]);
    }
  });

  it('as a key of JSON an export carries (saved settings, verdicts): kept by redaction', () => {
    const value: unknown = JSON.parse(`{"${name}": {"note": "kept"}, "other": 1}`);
    const out = new Redactor('support').sweepDeep(value, 'test');
    expect(Object.keys(out as object)).toEqual([name, 'other']);
    expect(JSON.stringify(out)).toBe(JSON.stringify(value));
  });

  it('as a field of a form caught on a page (the extension): kept', () => {
    const entry = pageRecordToEntry({ url: ACS, method: 'POST', fields: [[name, 'a'], ['SAMLResponse', 'PHNhbWw+']], at: 1 }, '1', undefined);
    expect(entry.formFields).toContainEqual([name, 'a']);
  });

  it("as a HAR entry's resource type: a request of another type", () => {
    const entry: TraceEntry = { id: '1', source: 'har', method: 'GET', url: 'https://sp.example.test/x', requestHeaders: [], responseHeaders: [], resourceType: name };
    expect(requestTypeOf(entry)).toBe('other');
  });

  it('as the algorithm of an encrypted assertion: a decryption that says what it does not support', async () => {
    const sp = loadTestKey('sp');
    for (const [from, what] of [
      ['http://www.w3.org/2001/04/xmlenc#aes128-cbc', /data encryption .* is not supported/],
      ['http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"/>', /key transport .* is not supported|DigestMethod is not SHA/],
    ] as const) {
      const to = from.endsWith('/>') ? `http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"><ds:DigestMethod xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Algorithm="${name}"/></xenc:EncryptionMethod>` : name;
      const xml = await encryptedResponse((assertion) => encryptWithXmlEncPadding(assertion).replace(from, to));
      const report = await analyze([postEntry('SAMLResponse', xml)], { ...TRUST, spPrivateKeyPem: sp.privateKeyPem });
      expect(internalErrors(report)).toEqual([]);
      expect(allFindings(report).map((f) => f.message).join('\n')).toMatch(what);
    }
  });
});
