import { describe, expect, it } from 'vitest';
import { analyze, analyzeText } from '../../lib/core/analyze';
import { renderRuleReference, RULES } from '../../lib/core/rules';
import type { TraceEntry } from '../../lib/core/model';
import { ACS, TRUST, at, authnRequest, cleanFlow, postEntry, redirectEntry, response, SSO } from './rules/build';
import { IDPS } from './rules/idps';
import { allFindings, errors, findingsOf } from './rules/find';

describe('no false alarms on default IdP set-ups under the generic profile', () => {
  describe.each(IDPS)('$name', (idp) => {
    const spInitiated = () => [
      redirectEntry('SAMLRequest', authnRequest(), SSO, at(-2), { relayState: 'https://sp.example.test/app' }),
      postEntry('SAMLResponse', response(idp.spec, idp.sign), ACS, at(2), [['RelayState', 'https://sp.example.test/app']]),
    ];

    it('SP-initiated, without any configuration: no error', async () => {
      const report = await analyze(spInitiated());
      expect(errors(report)).toEqual([]);
      expect(report.messages.map((m) => m.kind)).toEqual(['AuthnRequest', 'Response']);
    });

    it('SP-initiated, with the IdP certificate and entity ID configured: no error and no warning', async () => {
      const report = await analyze(spInitiated(), { ...TRUST, idpEntityId: idp.spec.issuer, acsUrl: ACS, spEntityId: 'https://sp.example.test/metadata' });
      expect(allFindings(report).filter((f) => f.severity !== 'info')).toEqual([]);
      expect(report.messages[1]!.signatures.every((s) => s.status === 'valid')).toBe(true);
    });

    it('IdP-initiated: a warning about unsolicited responses, no error', async () => {
      const report = await analyze([postEntry('SAMLResponse', response({ ...idp.spec, inResponseTo: undefined }, idp.sign))], TRUST);
      expect(errors(report)).toEqual([]);
      expect(findingsOf(report, 'unsolicited-response')).toHaveLength(1);
    });
  });
});

describe('analyze', () => {
  it('fills the report fields people read first, from the signed assertion', async () => {
    const report = await analyze(cleanFlow({ attributes: [{ name: 'email', values: ['alice@example.test'] }] }), TRUST);
    const m = report.messages[1]!;
    expect(m).toMatchObject({
      index: 1,
      source: 'har',
      kind: 'Response',
      binding: 'HTTP-POST',
      parameter: 'SAMLResponse',
      method: 'POST',
      url: ACS,
      capturedAt: at(2),
      id: '_r1b2c3d4e5f60718293a4b5c6d7e8f90',
      inResponseTo: '_req1',
      issuer: 'https://idp.example.test/metadata',
      destination: ACS,
      nameId: { value: 'alice@example.test', format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' },
      attributes: [{ name: 'email', values: ['alice@example.test'] }],
      relayState: 'rs-1',
    });
    expect(m.status?.code).toBe('urn:oasis:names:tc:SAML:2.0:status:Success');
    const { verdict, ...summary } = report.summary;
    expect(summary).toEqual({ entries: 2, messages: 2, flows: 1, errors: 0, warnings: 0, infos: 0, profile: 'generic', at: 'capture' });
    expect(verdict).toEqual({ level: 'ok', text: 'OK: nothing to fix.' });
  });

  it('keeps capture order and never lets one broken message hide the others', async () => {
    const broken: TraceEntry = { id: 'bad', source: 'har', method: 'POST', url: ACS, requestHeaders: [], responseHeaders: [], formFields: [['SAMLResponse', '%%%not-base64']], capturedAt: at(1) };
    const [req, resp] = cleanFlow();
    const report = await analyze([req!, broken, resp!], TRUST);
    expect(report.messages.map((m) => m.kind)).toEqual(['AuthnRequest', 'Unknown', 'Response']);
    expect(findingsOf(report, 'decode-failed')).toHaveLength(1);
    expect(report.messages[2]!.signatures.map((s) => s.status)).toEqual(['valid', 'valid']);
    expect(report.summary.errors).toBe(errors(report).length);
  });

  it('never throws, whatever it is given', async () => {
    const junk = [null, 42, 'text', {}, { url: 5 }, { id: 'x', method: 'GET', url: 'https://a.example/?SAMLRequest=%', requestHeaders: null }] as unknown as TraceEntry[];
    const report = await analyze(junk);
    expect(report.schemaVersion).toBe(1);
    expect(await analyze(undefined as unknown as TraceEntry[])).toMatchObject({ messages: [] });
    for (const text of ['', '   ', '{', '<', 'SAMLResponse=', '\u0000'.repeat(10), 'A'.repeat(100_000)]) {
      const { report: r } = await analyzeText(text);
      expect(r.schemaVersion).toBe(1);
    }
  });

  it('turns reading problems of the input into trace-level findings', async () => {
    const { input, report } = await analyzeText('{"log": {"entries": "nope"}}');
    expect(input.problems.length).toBeGreaterThan(0);
    expect(report.findings.map((f) => f.rule)).toContain('input-unrecognised');
    expect(report.summary.errors).toBeGreaterThan(0);
  });

  it('reads a pasted base64 Response and names it as pasted', async () => {
    const { report } = await analyzeText(Buffer.from(response()).toString('base64'), TRUST);
    expect(report.messages.map((m) => [m.kind, m.source])).toEqual([['Response', 'pasted']]);
    expect(errors(report)).toEqual([]);
  });

  it('reports the rolled-over certificate case as an error naming both fingerprints', async () => {
    const next = (await import('../../lib/samlgen')).loadTestKey('idp-next');
    const report = await analyze([postEntry('SAMLResponse', response({}, ['root', 'assertion'], next))], TRUST);
    const untrusted = findingsOf(report, 'signature-untrusted');
    expect(untrusted.map((f) => f.severity)).toContain('error');
  });
});

describe('rule reference', () => {
  it('documents every rule with its severity, why and fixes', () => {
    const md = renderRuleReference();
    for (const r of RULES) {
      expect(md).toContain(`| [\`${r.slug}\`](#rule-${r.slug}) | ${r.severity}`);
      expect(md).toContain(`id="rule-${r.slug}"`);
    }
    expect(md).toContain('Set-AdfsRelyingPartyTrust -TargetIdentifier <SP entity ID> -SamlResponseSignature MessageAndAssertion');
    expect(md).toContain('Sign SAML response and assertion');
    expect(md).toContain('(twilio-console: error, twilio-flex: error, slack: error)');
  });

  it('leaves no raw "<" outside code spans, where Markdown would read a placeholder as HTML', () => {
    const prose = renderRuleReference()
      .replace(/`[^`]*`/g, '')
      .replace(/<a id="rule-[a-z0-9-]+"><\/a>/g, '');
    expect(prose).not.toContain('<');
  });
});
