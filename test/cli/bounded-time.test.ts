// Issue 17, class 11 (bounded time): every adversarial input is judged (`check --json`) and exported
// (`convert --to har|trace|saml-tracer`, `check --format markdown|html`) in time that grows linearly with it,
// and a message above the documented cap is refused with a finding, never judged silently.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';
import { MAX_TRACE_MESSAGES } from '../../lib/core/input/cap';
import { DEFAULT_XML_LIMITS } from '../../lib/core/xml';
import { loadTestKey, signXml } from '../../lib/samlgen';
import * as A from '../bench/adversarial';
import { EXPORTS, exportJudged, judgeText } from '../bench/pipeline';
import { scaling } from '../bench/scaling';

/** Judge and every export, as the CLI would run them one after the other. */
async function pipeline(text: string): Promise<void> {
  const judged = await judgeText(text);
  for (const to of EXPORTS) exportJudged(judged, to);
}

const signed = signXml(A.responseWithAttributes(2, 1), { key: loadTestKey('idp'), targets: ['assertion', 'root'] });
const samlPost = (xml: string) => A.postHar(`SAMLResponse=${encodeURIComponent(Buffer.from(xml).toString('base64'))}`);

// [what grows, builder, small size]; the large input is 10x the small one.
const CASES: Array<[string, (n: number) => string, number]> = [
  ['messages in a HAR', A.manyMessagesHar, 40],
  ['Responses answering no captured request', A.unansweredHar, 40],
  ['artifacts matched by RelayState', A.artifactsHar, 40],
  ['SAMLResponse fields in one POST', A.manyMessagesOneEntryHar, 20],
  ['request headers and cookies', A.manyHeadersHar, 1_500],
  ['form fields in a POST', A.manyFieldsHar, 2_000],
  ['characters of Issuer', A.hugeIssuerHar, 30_000],
  ['assertions in a Response', A.manyAssertionsHar, 20],
  ['ds:Signature elements', (n) => A.manySignaturesHar(signed, n, 'Signature'), 10],
  ['ds:Reference elements', (n) => A.manySignaturesHar(signed, n, 'Reference'), 30],
  ['values of one attribute', (n) => samlPost(A.responseWithAttributes(1, n)), 500],
  ['attributes', (n) => samlPost(A.responseWithAttributes(n, 1)), 150],
  ['levels of nesting', A.deepNestingHar, 2_000],
  ['namespace prefixes under inclusive C14N', (n) => A.namespacesHar(signed, n, 'inclusive'), 1_000],
  ['namespace prefixes named in a PrefixList under exclusive C14N', (n) => A.namespacesHar(signed, n, 'exclusive'), 500],
  ['prefixes used on the root and bound again below it (exclusive C14N)', (n) => A.namespaceRedeclarationsHar(signed, n, 'exclusive'), 200],
  ['prefixes declared on the root and bound again below it (inclusive C14N)', (n) => A.namespaceRedeclarationsHar(signed, n, 'inclusive'), 200],
  ['re-cased SAMLRequest parameters in one Redirect URL', A.recasedParamsHar, 15],
  ['characters of a non-SAML form field', (n) => A.postHar(A.hugeOtherFieldBody(n)), 300_000],
  ['characters of a raw body over the cap', (n) => A.postHar(A.hugeRawBody(n), 'text/xml'), 2_500_000],
];

/** One test per case: 10x the input costs less than 30x the time through `run` (linear is about 10x). */
function grows(title: string, cases: Array<[string, (n: number) => string, number]>, run: (text: string) => Promise<void>): void {
  describe(title, () => {
    for (const [what, build, n] of cases) {
      it(what, async () => {
        // The least of five runs each: on a shared machine one slow run of either size must not decide.
        const grown = await scaling(run, build(n), build(10 * n), 5);
        expect(grown.ratio, `${what}: ${JSON.stringify(grown)}`).toBeLessThan(30);
      }, 60_000);
    }
  });
}

grows('bounded time: 10x the input costs less than 30x the time (linear is about 10x)', CASES, pipeline);

/** Judge, then every export redacted with `--redact share` (pseudonyms and e-mail search on top of `support`). */
async function sharePipeline(text: string): Promise<void> {
  const judged = await judgeText(text);
  for (const to of EXPORTS) exportJudged(judged, to, 'share');
}

const SHARED: Array<[string, (n: number) => string, number]> = [
  ['letter-digit runs in a URL path, parameter and RelayState', A.longUrlHar, 2_000],
  ['long Referer and Authorization headers', A.longHeadersHar, 2_000],
  ['cookies', A.manyHeadersHar, 300],
  ['e-mail addresses in a RelayState', A.emailsInRelayStateHar, 300],
  ['characters of Issuer', A.hugeIssuerHar, 10_000],
  ['characters of an attribute value', (n) => samlPost(A.responseWithAttributes(1, 1, n)), 10_000],
];

grows('bounded time under --redact share: 10x the input costs less than 30x the time', SHARED, sharePipeline);

function errorsOf(report: Awaited<ReturnType<typeof judgeText>>['report']): string[] {
  return [...report.findings, ...report.messages.flatMap((m) => m.findings)].filter((f) => f.severity === 'error').map((f) => f.rule);
}

describe('the message cap', () => {
  it('refuses a 7 MB POST body whose SAMLResponse decodes past the cap, with xml-refused, and still exports the entry', async () => {
    const judged = await judgeText(A.postHar(A.hugeSamlResponseBody(7_000_000)));
    const [message] = judged.report.messages;
    expect(message?.relayState).toBe('bench');
    const refused = message?.findings.find((f) => f.rule === 'xml-refused');
    expect(refused?.severity).toBe('error');
    expect(refused?.message).toContain(`more than the limit of ${DEFAULT_XML_LIMITS.maxChars}`);
    expect(message?.signatures).toEqual([]);
    const har = JSON.parse(exportJudged(judged, 'har')) as { log: { entries: Array<{ request: { postData?: { text: string } } }> } };
    expect(har.log.entries).toHaveLength(1);
    expect(har.log.entries[0]?.request.postData?.text.length).toBeGreaterThan(7_000_000);
  });

  it('refuses a 7 MB raw SOAP body the same way', async () => {
    const judged = await judgeText(A.postHar(A.hugeRawBody(7_000_000), 'text/xml'));
    expect(judged.report.messages.map((m) => m.binding)).toEqual(['SOAP']);
    expect(errorsOf(judged.report)).toContain('xml-refused');
  });

  it('refuses a few KB of DEFLATE in a URL that inflate past the cap', async () => {
    const xml = A.responseWithAttributes(1, 1, 10).replace('v0-0-abcde', 'z'.repeat(DEFAULT_XML_LIMITS.maxChars));
    const judged = await judgeText(A.har([{ method: 'GET', url: `https://sp.bench.test/acs?${A.redirectQuery(xml)}` }]));
    expect(judged.loaded.entries[0]!.url.length).toBeLessThan(10_000);
    expect(errorsOf(judged.report)).toEqual(['xml-refused']);
  });

  it('judges a message just under the cap in full', async () => {
    const xml = A.responseWithAttributes(1, 1, 10).replace('v0-0-abcde', 'z'.repeat(DEFAULT_XML_LIMITS.maxChars - 2_000));
    expect(xml.length).toBeLessThanOrEqual(DEFAULT_XML_LIMITS.maxChars);
    const judged = await judgeText(samlPost(xml));
    expect(errorsOf(judged.report)).not.toContain('xml-refused');
    expect(judged.report.messages[0]?.attributes[0]?.values[0]?.length).toBe(DEFAULT_XML_LIMITS.maxChars - 2_000);
  });

  it('judges the first 32 messages of a request carrying more, refuses the rest with xml-refused, and still reports the re-cased duplicates', async () => {
    const judged = await judgeText(A.recasedParamsHar(40));
    const messages = judged.report.messages;
    expect(messages).toHaveLength(32);
    const refused = messages[0]?.findings.find((f) => f.rule === 'xml-refused');
    expect(refused?.severity).toBe('error');
    expect(refused?.message).toContain('carries 41 SAML messages');
    expect(refused?.message).toContain('other 9 (samlrequest)');
    const duplicate = messages[1]?.findings.find((f) => f.rule === 'redirect-parameter-duplicate');
    expect(duplicate?.severity).toBe('error');
    expect(duplicate?.message).toContain('the SAML message 41 times (SAMLRequest, samlrequest, samlrequest, samlrequest, samlrequest, 36 more)');
  });

  it('judges the small SAMLResponse next to a 7 MB form field nobody reads', async () => {
    const judged = await judgeText(A.postHar(A.hugeOtherFieldBody(7_000_000)));
    expect(judged.report.messages.map((m) => m.kind)).toEqual(['Response']);
    expect(errorsOf(judged.report)).not.toContain('xml-refused');
    expect(errorsOf(judged.report)).not.toContain('decode-failed');
  });
});

describe('the trace cap', () => {
  it(`judges and exports the first ${MAX_TRACE_MESSAGES} messages of a longer HAR and names the entries left out with trace-too-large`, async () => {
    const judged = await judgeText(A.manyMessagesHar(MAX_TRACE_MESSAGES + 40));
    expect(judged.report.messages).toHaveLength(MAX_TRACE_MESSAGES);
    const capped = judged.report.findings.filter((f) => f.rule === 'trace-too-large');
    expect(capped.map((f) => f.severity)).toEqual(['error']);
    expect(capped[0]?.message).toContain(`40 entries from har-${MAX_TRACE_MESSAGES} to har-${MAX_TRACE_MESSAGES + 39}, 40 requests of them carrying SAML, were left out`);
    const har = JSON.parse(exportJudged(judged, 'har')) as { log: { entries: unknown[] } };
    expect(har.log.entries).toHaveLength(MAX_TRACE_MESSAGES);
    expect(exportJudged(judged, 'markdown')).toContain('trace-too-large');
  });

  it('says nothing about a HAR at the cap', async () => {
    const judged = await judgeText(A.manyMessagesHar(MAX_TRACE_MESSAGES));
    expect(judged.report.messages).toHaveLength(MAX_TRACE_MESSAGES);
    expect(judged.report.findings.map((f) => f.rule)).not.toContain('trace-too-large');
  });
});

describe('many entries', () => {
  it('checks a HAR of 250,000 unreadable entries and one message without overflowing the stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saml-lens-'));
    try {
      const entries: unknown[] = Array.from({ length: 250_000 }, () => ({}));
      entries.push({ request: { method: 'GET', url: 'https://idp.example.test/sso?SAMLRequest=not-base64' } });
      const file = join(dir, 'broken.har');
      writeFileSync(file, JSON.stringify({ log: { entries } }));
      let out = '';
      const code = await main(['check', file, '--json'], (s) => {
        out += s;
      });
      expect(code).toBe(1);
      const report = JSON.parse(out) as { findings: Array<{ rule: string }>; messages: Array<{ findings: Array<{ rule: string }> }> };
      expect(report.findings.filter((f) => f.rule === 'input-unrecognised')).toHaveLength(250_000);
      expect(report.messages[0]?.findings.map((f) => f.rule)).toContain('decode-failed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
