import { describe, expect, it } from 'vitest';
import { exportEntries, redact, type ExportFormat } from '../../../lib/core/trace';
import { decodedXml, entriesOf, leaks } from './leaks';
import { PERSONAL, plantedFlow, SECRETS } from './flow';

const FORMATS: ExportFormat[] = ['trace', 'har', 'saml-tracer'];
const NOW = () => new Date('2026-01-15T12:00:00Z');

describe('planted secrets', () => {
  for (const format of FORMATS) {
    it(`${format}: profile none keeps everything (the search itself finds planted values)`, () => {
      const out = exportEntries(plantedFlow(), { format, profile: 'none', now: NOW });
      expect(leaks(out.text, { ...SECRETS, ...PERSONAL })).not.toEqual([]);
      expect(leaks(out.text, { password: SECRETS.password, bearer: SECRETS.bearer, nameId: PERSONAL.nameId })).toHaveLength(3);
    });

    it(`${format}: support removes every credential everywhere and keeps the SAML content`, () => {
      const out = exportEntries(plantedFlow(), { format, profile: 'support', now: NOW });
      expect(leaks(out.text, SECRETS)).toEqual([]);
      // Support keeps what a support engineer needs: the identity in the decoded assertion.
      expect(decodedXml(out.text).some((x) => x.includes(PERSONAL.nameId))).toBe(true);
      expect(out.redaction.counts.cookie).toBeGreaterThan(0);
      expect(out.redaction.counts.credential).toBeGreaterThan(0);
      expect(out.redaction.counts.secret).toBeGreaterThan(0);
    });

    it(`${format}: share also replaces all personal data, in the bytes and in the re-encoded SAML`, () => {
      const out = exportEntries(plantedFlow(), { format, profile: 'share', now: NOW });
      expect(leaks(out.text, { ...SECRETS, ...PERSONAL })).toEqual([]);
      const xml = decodedXml(out.text);
      // The messages are still there and still decode: redaction re-encoded them, it did not drop them.
      expect(xml.some((x) => x.includes('<samlp:Response'))).toBe(true);
      expect(xml.some((x) => x.includes('<samlp:AuthnRequest'))).toBe(true);
      expect(xml.some((x) => x.includes('user1@example.invalid'))).toBe(true);
    });
  }

  it('the report of what was replaced never quotes an original value', () => {
    const { report } = redact(plantedFlow(), 'share');
    expect(leaks(JSON.stringify(report), { ...SECRETS, ...PERSONAL })).toEqual([]);
    expect(report.replacements.length).toBeGreaterThan(5);
  });
});

describe('consistent pseudonyms', () => {
  it('the same person gets the same pseudonym in the NameID, the attribute, the logout and the URLs', () => {
    const { entries } = redact(plantedFlow(), 'share');
    const text = JSON.stringify(entries);
    const all = decodedXml(exportEntries(plantedFlow(), { format: 'trace', profile: 'share', now: NOW }).text);
    const response = all.find((x) => x.includes('<samlp:Response')) ?? '';
    const logout = all.find((x) => x.includes('<samlp:LogoutRequest')) ?? '';
    const nameIdIn = (x: string) => /<saml:NameID[^>]*>([^<]*)</.exec(x)?.[1];
    expect(nameIdIn(response)).toBe('user1@example.invalid');
    expect(nameIdIn(logout)).toBe('user1@example.invalid');
    expect(response).toContain('<saml:AttributeValue xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xs:string">user1@example.invalid<');
    // The login hint in the URL, the Referer and the username field name the same pseudonymous user.
    expect(entries[0]?.url).toContain('login_hint=user1%40example.invalid');
    expect(entries[1]?.requestHeaders.find((h) => h.name === 'Referer')?.value).toContain('user1%40example.invalid');
    expect(entries[2]?.formFields?.[0]).toEqual(['username', 'user1@example.invalid']);
    // A different address is a different pseudonym; names become people, other values values.
    expect(text).toContain('user2@example.invalid');
    expect(response).toMatch(/>Person \d<\/saml:AttributeValue>/);
    expect(response).toMatch(/>value-\d<\/saml:AttributeValue>/);
  });

  it('pseudonyms are stable within one export and independent of other exports', () => {
    const a = exportEntries(plantedFlow(), { format: 'har', profile: 'share', now: NOW }).text;
    const b = exportEntries(plantedFlow(), { format: 'har', profile: 'share', now: NOW }).text;
    expect(a).toBe(b);
  });
});

describe('signatures across redaction', () => {
  it('marks entries whose signed content changed and keeps the verdicts captured before', () => {
    const report = {
      schemaVersion: 1 as const,
      messages: [
        {
          index: 0,
          source: 'webrequest' as const,
          entry: 'e4',
          kind: 'Response' as const,
          binding: 'HTTP-POST' as const,
          parameter: 'SAMLResponse',
          method: 'POST',
          url: 'https://sp.example.test/acs',
          flow: 'f1',
          direction: 'to-sp' as const,
          attributes: [],
          signatures: [{ target: '/Response', targetKind: 'Response', form: 'xml' as const, status: 'valid' as const, reason: 'verified with the trusted certificate' }],
          findings: [{ rule: 'nameid-format', severity: 'warning' as const, message: `NameID ${PERSONAL.nameId} has the wrong format` }],
          steps: [],
        },
      ],
      findings: [],
      flows: [],
      summary: { entries: 5, messages: 1, flows: 1, errors: 0, warnings: 1, infos: 0, profile: 'generic', at: 'capture' },
    };
    const out = exportEntries(plantedFlow(), { format: 'trace', profile: 'share', report, now: NOW });
    const [entry] = entriesOf(out.text).filter((e) => e.id === 'e4');
    expect(entry?.redacted).toBe(true);
    expect(entry?.capturedSignatures?.[0]?.verdicts[0]?.status).toBe('valid');
    // Headers-only changes (cookies) do not touch signed content: not marked.
    const e3 = entriesOf(exportEntries(plantedFlow(), { format: 'trace', profile: 'support', report, now: NOW }).text).find((e) => e.id === 'e4');
    expect(e3?.redacted).toBeUndefined();
    // The stored finding quoted the NameID: it is pseudonymised too.
    expect(out.text).not.toContain(PERSONAL.nameId);
    expect(out.text).toContain('NameID user1@example.invalid has the wrong format');
  });

  it('leaves an untouched Redirect query byte-exact (its signature covers the raw octets)', () => {
    const flow = plantedFlow();
    const { entries } = redact(flow, 'support');
    expect(entries[4]?.url).toBe(flow[4]?.url);
    expect(entries[4]?.redacted).toBeUndefined();
  });
});

describe('what cannot be decoded', () => {
  it('share removes an undecodable SAML value (it cannot be checked) and says so; support keeps it', () => {
    const entry = {
      id: 'x1',
      source: 'har' as const,
      method: 'POST',
      url: 'https://sp.example.test/acs',
      requestHeaders: [],
      responseHeaders: [],
      formFields: [['SAMLResponse', 'bm90IHhtbCBhdCBhbGwgYnV0IGFsaWNlQGNvbnRvc28uZXhhbXBsZQ%%%'] as [string, string]],
    };
    const shared = redact([entry], 'share');
    expect(shared.entries[0]?.formFields?.[0]).toEqual(['SAMLResponse', 'REDACTED']);
    expect(shared.report.counts.undecodable).toBe(1);
    expect(redact([entry], 'support').entries[0]?.formFields).toEqual(entry.formFields);
  });

  it('keeps credential schemes and cookie names, drops their values', () => {
    const [e] = redact(plantedFlow(), 'support').entries.slice(1, 2);
    expect(e?.requestHeaders.map((h) => `${h.name}: ${h.value}`).slice(0, 3)).toEqual([
      'Cookie: idp_session=REDACTED',
      'Authorization: Bearer REDACTED',
      'X-API-Key: REDACTED',
    ]);
  });
});
