// test/samples/firefox-esr.har was written by Firefox ESR's own Network panel ("Save All As HAR") during
// a demo SP/IdP sign-in (test/samples/README.md): Firefox's HAR, not one this project or Playwright wrote.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import { extractMessages } from '../../../lib/core/binding';
import { readInput } from '../../../lib/core/input';
import { loadTestKey } from '../../../lib/samlgen';

const har = readFileSync(fileURLToPath(new URL('../../samples/firefox-esr.har', import.meta.url)), 'utf8');

describe('HAR saved by Firefox ESR (Network panel, Save All As HAR)', () => {
  it('is a Firefox HAR', () => {
    const log = (JSON.parse(har) as { log: { creator: { name: string } } }).log;
    expect(log.creator.name).toBe('Firefox');
  });

  it('imports the Redirect AuthnRequest and the POST Response, in order, with capture times', () => {
    const input = readInput(har);
    expect(input.format).toBe('har');
    expect(input.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const messages = input.entries.flatMap((e) => extractMessages(e).map((m) => ({ entry: e, m })));
    expect(messages.map(({ m }) => `${m.binding} ${m.parameter} ${/<\w+:(\w+)/.exec(m.xml ?? '')?.[1]}`)).toEqual([
      'HTTP-Redirect SAMLRequest AuthnRequest',
      'HTTP-POST SAMLResponse Response',
    ]);
    // The Redirect carried the SP's query signature; the POST's form field survived Firefox's params encoding.
    expect(messages[0]?.m.redirectSignature?.sigAlg).toMatch(/rsa-sha256$/);
    expect(messages[1]?.m.xml).toContain('alice@example.test');
    expect(input.entries.every((e) => e.capturedAt?.startsWith('20'))).toBe(true);
  });

  it('analyses without an error when the IdP certificate is trusted, both Response signatures valid', async () => {
    const report = await analyze(readInput(har).entries, { trustedCertificates: [loadTestKey('idp').certificatePem] });
    expect(report.messages.map((m) => `${m.binding} ${m.kind}`)).toEqual(['HTTP-Redirect AuthnRequest', 'HTTP-POST Response']);
    const errors = report.messages.flatMap((m) => m.findings.filter((f) => f.severity === 'error').map((f) => f.rule));
    expect(errors).toEqual([]);
    const response = report.messages.find((m) => m.kind === 'Response');
    expect(response?.signatures.map((s) => s.status)).toEqual(['valid', 'valid']);
  });

  it('without a trusted certificate the same Response is not called valid', async () => {
    const report = await analyze(readInput(har).entries, {});
    const response = report.messages.find((m) => m.kind === 'Response');
    expect(response?.signatures.some((s) => s.status === 'valid')).toBe(false);
  });
});
