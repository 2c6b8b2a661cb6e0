// Issue 17, class 11 (part): redaction and export take time linear in the input. The e-mail pattern used to
// backtrack on long runs of letters (a 584-character URL took seconds, a 300,000-letter Issuer minutes).
// Wall-clock limits would fail on a busy machine, so each case compares ten runs on an input with one run on
// an input ten times larger: linear work gives a ratio near 1, quadratic work near 10.
import { describe, expect, it } from 'vitest';
import type { MessageReport, Report, TraceEntry } from '../../../lib/core/model';
import { exportEntries, redact, reportMarkdown } from '../../../lib/core/trace';
import { buildResponse, encodePostValue, NAMEID } from '../../../lib/samlgen';

function elapsed(run: () => void, times: number): number {
  const start = performance.now();
  for (let i = 0; i < times; i++) run();
  return performance.now() - start;
}

/** Best of three: (one run at 10n) / (ten runs at n), each repeated `reps` times. */
function growth(make: (n: number) => () => void, n: number, reps = 1): number {
  const small = make(n);
  const big = make(10 * n);
  small();
  big();
  let best = Infinity;
  for (let trial = 0; trial < 3; trial++) best = Math.min(best, elapsed(big, reps) / elapsed(small, 10 * reps));
  return best;
}

const LINEAR = 4;
const SP = 'https://sp.example.test';

function post(xml: string, extra: Array<[string, string]> = []): TraceEntry {
  return {
    id: 'e1',
    source: 'webrequest',
    method: 'POST',
    url: `${SP}/acs`,
    requestHeaders: [],
    responseHeaders: [],
    formFields: [['SAMLResponse', encodePostValue(xml)], ...extra],
  };
}

function shareEverywhere(entries: TraceEntry[]): () => void {
  return () => {
    exportEntries(entries, { format: 'har', profile: 'share' });
    exportEntries(entries, { format: 'saml-tracer', profile: 'share' });
  };
}

function reportOf(xml: string, issuer: string, url: string): Report {
  const message: MessageReport = {
    index: 0,
    source: 'webrequest',
    entry: 'e1',
    kind: 'Response',
    binding: 'HTTP-POST',
    parameter: 'SAMLResponse',
    method: 'POST',
    url,
    flow: 'f1',
    direction: 'to-sp',
    issuer,
    relayState: url,
    status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Responder', subCodes: [], message: issuer },
    nameId: { value: 'alice@contoso.example', format: NAMEID.email },
    attributes: [],
    signatures: [],
    findings: [{ rule: 'issuer-mismatch', severity: 'error', message: `Issuer ${issuer} is not the expected IdP` }],
    steps: [],
    xml,
  };
  return {
    schemaVersion: 1,
    messages: [message],
    findings: [],
    flows: [{ id: 'f1', messages: [0], kind: 'idp-initiated' }],
    summary: { entries: 1, messages: 1, flows: 1, errors: 1, warnings: 0, infos: 0, profile: 'generic', at: 'capture' },
  };
}

describe('redaction takes linear time', { timeout: 120_000 }, () => {
  it('a 300,000-letter Issuer: share export in HAR and SAML-tracer, and the Markdown report', () => {
    const ratio = growth((n) => {
      const issuer = 'a'.repeat(n);
      const xml = buildResponse({ issuer, nameId: { value: 'alice@contoso.example', format: NAMEID.email } });
      const entries = [post(xml)];
      const report = reportOf(xml, issuer, `${SP}/acs`);
      const exports = shareEverywhere(entries);
      return () => {
        exports();
        reportMarkdown(report, { profile: 'share' });
      };
    }, 30_000);
    expect(ratio).toBeLessThan(LINEAR);
  });

  it('a 584-character URL (and ten times that) in the request, the RelayState and the report', () => {
    const ratio = growth(
      (n) => {
        // Letters, digits, dots and escaped at-signs: the material of an address, never completed into one.
        const url = `${SP}/after?q=${'a1.b%40'.repeat(n)}`.slice(0, n);
        const entries: TraceEntry[] = [{ ...post(buildResponse(), [['RelayState', url]]), url, responseHeaders: [{ name: 'Location', value: url }] }];
        const report = reportOf(buildResponse(), url, url);
        const exports = shareEverywhere(entries);
        return () => {
          exports();
          reportMarkdown(report, { profile: 'share' });
        };
      },
      584,
      10,
    );
    expect(ratio).toBeLessThan(LINEAR);
  });

  // Inputs built to make each scanner rescan: runs of what each one looks for, never completed.
  it.each([
    ['digits', (n: number) => '7'.repeat(n)],
    ['escaped at-signs', (n: number) => 'a%40'.repeat(n / 4)],
    ['twice-escaped at-signs', (n: number) => 'a%2540'.repeat(n / 6)],
    ['dotted labels after an at-sign', (n: number) => `x@${'a.'.repeat(n / 2)}`],
    ['JWT starts', (n: number) => 'eyJ'.repeat(n / 3)],
    ['URL starts', (n: number) => '://a'.repeat(n / 4)],
    ['escaped URL starts', (n: number) => '%3A%2F%2Fa'.repeat(n / 10)],
    ['credential names without values', (n: number) => '?token=;'.repeat(n / 8)],
    ['escaped parameters', (n: number) => '%3Fa%3D'.repeat(n / 7)],
    ['unclosed NameIDs', (n: number) => '<saml:NameID>'.repeat(n / 13)],
    ['unclosed comments', (n: number) => '<!--'.repeat(n / 4)],
    ['unclosed tags', (n: number) => '<'.repeat(n)],
  ])('%s in the RelayState and in the decoded XML (share)', (_label, filler) => {
    const ratio = growth((n) => {
      const text = filler(n);
      const xml = buildResponse({ issuer: text, nameId: { value: `a${text}`, format: NAMEID.unspecified } }).replace('</samlp:Response>', `<x>${text}</x></samlp:Response>`);
      const entries = [post(xml, [['RelayState', text]])];
      return () => redact(entries, 'share');
    }, 20_000);
    expect(ratio).toBeLessThan(LINEAR);
  });

  it('a long learnt value next to a long run it almost matches', () => {
    const ratio = growth((n) => {
      const xml = buildResponse({
        issuer: 'a'.repeat(n),
        nameId: { value: `${'a'.repeat(n - 1)}b`, format: NAMEID.unspecified },
        attributes: [{ name: 'x', values: [`${'a'.repeat(n - 2)}c`] }],
      });
      const entries = [post(xml, [['RelayState', 'a'.repeat(n)]])];
      return () => redact(entries, 'share');
    }, 20_000);
    expect(ratio).toBeLessThan(LINEAR);
  });
});
