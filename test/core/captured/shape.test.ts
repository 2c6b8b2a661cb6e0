// Captured verdicts are read from files anyone can write (issue 17, class 7): strictly, and never as facts.
import { describe, expect, it } from 'vitest';
import { readCapturedSignatures, readVerdict } from '../../../lib/core/captured';
import { readInput } from '../../../lib/core/input';
import type { Problem } from '../../../lib/core/model';
import { parseTrace } from '../../../lib/core/trace';

const GOOD = { target: '/Response', targetKind: 'Response', form: 'xml', status: 'valid', reason: 'verified with the trusted certificate' };

describe('one captured verdict', () => {
  it('is taken with exactly the fields SAML Lens writes', () => {
    expect(readVerdict({ ...GOOD, signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', extra: { evil: true } })).toEqual({
      ...GOOD,
      signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    });
  });

  it('loses the certificate details it claims: nobody checked that certificate here', () => {
    const cert = { sha256: 'AB'.repeat(32), sha1: 'CD'.repeat(20), trusted: true };
    const v = readVerdict({ ...GOOD, verifiedWith: cert, keyInfoCertificate: cert, certificateSha256: cert.sha256 });
    expect(v).toEqual(GOOD);
  });

  it.each([
    [null, /null/],
    ['valid', /a string/],
    [[GOOD], /a list/],
    [{ ...GOOD, status: null }, /status null/],
    [{ ...GOOD, status: 'verified' }, /status "verified"/],
    [{ ...GOOD, target: undefined }, /element path/],
    [{ ...GOOD, target: 'Response' }, /element path/],
    [{ ...GOOD, form: 'html' }, /form/],
    [{ ...GOOD, reason: 42 }, /reason/],
    [{ ...GOOD, failure: 'maybe' }, /failure/],
    [{ ...GOOD, captured: 'yes' }, /captured/],
  ])('refuses %j', (raw, why) => {
    expect(readVerdict(raw)).toMatch(why);
  });

  it('cannot carry terminal escapes or an endless reason', () => {
    const v = readVerdict({ ...GOOD, reason: `ok\u001b[2J\u001b]0;pwned\u0007${'x'.repeat(2000)}` });
    expect(typeof v).toBe('object');
    const reason = (v as { reason: string }).reason;
    expect([...reason].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
    expect(reason.length).toBeLessThan(500);
  });
});

describe("an entry's captured signatures", () => {
  it('drop what is malformed, saying so, and keep the rest', () => {
    const problems: Problem[] = [];
    const out = readCapturedSignatures(
      [{ parameter: 'SAMLResponse', verdicts: [null, GOOD] }, { verdicts: [GOOD] }, { parameter: 'SAMLRequest', verdicts: [null] }, { parameter: 'x', verdicts: 'valid' }],
      'HAR entry 3 (_samlLens)',
      problems,
    );
    expect(out).toEqual([{ parameter: 'SAMLResponse', verdicts: [GOOD] }]);
    expect(problems.map((p) => [p.rule, p.severity])).toEqual(Array(4).fill(['input-unrecognised', 'warning']));
    expect(problems[0]?.message).toMatch(/^HAR entry 3 \(_samlLens\), SAMLResponse: a verdict is null, not an object; it was ignored/);
  });

  it('keep an empty list: the message had no signature at capture', () => {
    const problems: Problem[] = [];
    expect(readCapturedSignatures([{ parameter: 'SAMLResponse', verdicts: [] }], 'x', problems)).toEqual([{ parameter: 'SAMLResponse', verdicts: [] }]);
    expect(problems).toEqual([]);
  });
});

describe('files carrying captured verdicts', () => {
  const post = { method: 'POST', url: 'https://sp.example.test/acs', headers: [], postData: { mimeType: 'application/x-www-form-urlencoded', text: 'SAMLResponse=PHNhbWxwOlJlc3BvbnNlLz4%3D' } };

  it("a HAR's _samlLens: a null verdict is reported and left out", () => {
    const har = { log: { version: '1.2', creator: { name: 'SAML Lens', version: '0' }, entries: [{ request: post, _samlLens: { id: 'e1', redacted: true, capturedSignatures: [{ parameter: 'SAMLResponse', verdicts: [null] }] } }] } };
    const input = readInput(JSON.stringify(har));
    expect(input.entries[0]?.capturedSignatures).toBeUndefined();
    expect(input.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^HAR entry 0 \(_samlLens\), SAMLResponse: a verdict is null/)]);
  });

  it("a trace's stored verdicts are read as strictly and attached to the redacted entries that have none", () => {
    const entry = { id: 'e1', source: 'webrequest', method: 'POST', url: 'https://sp.example.test/acs', requestHeaders: [], responseHeaders: [], redacted: true };
    const plain = { ...entry, id: 'e2', redacted: undefined };
    const parsed = parseTrace({
      format: 'saml-lens-trace',
      version: 1,
      entries: [entry, plain],
      verdicts: [
        { entry: 'e1', parameter: 'SAMLResponse', signatures: [GOOD], findings: [null, { rule: 'x', severity: 'error', message: 'm' }] },
        { entry: 'e2', parameter: 'SAMLResponse', signatures: [GOOD], findings: [] },
        { entry: 'e1', parameter: 'SAMLResponse', signatures: [{ status: 'valid' }], findings: [] },
        'garbage',
      ],
    });
    expect(parsed.trace?.entries.map((e) => e.capturedSignatures)).toEqual([[{ parameter: 'SAMLResponse', verdicts: [GOOD] }], undefined]);
    expect(parsed.trace?.verdicts[0]?.findings).toEqual([{ rule: 'x', severity: 'error', message: 'm' }]);
    expect(parsed.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^stored verdict 3 \(e1, SAMLResponse\): a verdict has no element path/),
      expect.stringMatching(/stored verdict 4 names no entry/),
    ]);
  });

  it("a trace's saved settings keep only the fields and types SAML Lens writes", () => {
    const parsed = parseTrace({
      format: 'saml-lens-trace',
      version: 1,
      entries: [],
      settings: { trustedCertificates: ['PEM', 7, ''], idpEntityId: 'https://idp', clockSkewSeconds: 'soon', spPrivateKeyPem: 'KEY', profile: ['x'] },
    });
    expect(parsed.trace?.settings).toEqual({ trustedCertificates: ['PEM'], idpEntityId: 'https://idp' });
  });
});
