// The "bounded time" section of `npm run bench` (issue 17, class 11): adversarial inputs built in memory,
// each judged (`check --json`) and exported (`convert --to har|trace|saml-tracer`, `check --format
// markdown|html`), at full size and at a tenth of it to show how the time grows.
import { loadTestKey, signXml } from '../../lib/samlgen';
import * as A from './adversarial';
import { EXPORTS, exportJudged, judgeText, type Judged } from './pipeline';
import { leastTime } from './scaling';
import { fmt } from './timing';

interface Case {
  name: string;
  build: (n: number) => string;
  /** Full size; the small run uses a tenth. */
  n: number;
  /** Held to one second at full size; the message-count cases are held to linear growth only. */
  underOneSecond: boolean;
}

/** Linear work on 10x the input takes about 10x the time, quadratic about 100x: 30 leaves room for noise. */
const MAX_RATIO = 30;

function signedResponse(attributes: number): string {
  const xml = signXml(A.responseWithAttributes(attributes, 1), { key: loadTestKey('idp'), targets: ['assertion', 'root'] });
  return A.postHar(`SAMLResponse=${encodeURIComponent(Buffer.from(xml).toString('base64'))}`);
}

const small = signXml(A.responseWithAttributes(2, 1), { key: loadTestKey('idp'), targets: ['assertion', 'root'] });

const CASES: Case[] = [
  { name: 'messages in a HAR (SP-initiated and logout pairs)', build: A.manyMessagesHar, n: 30_000, underOneSecond: false },
  { name: 'Responses answering no captured request', build: A.unansweredHar, n: 30_000, underOneSecond: false },
  { name: 'artifacts matched by RelayState', build: A.artifactsHar, n: 30_000, underOneSecond: false },
  { name: 'SAMLResponse fields in one POST', build: A.manyMessagesOneEntryHar, n: 3_000, underOneSecond: false },
  { name: '7 MB POST body: one huge SAMLResponse', build: (n) => A.postHar(A.hugeSamlResponseBody(n)), n: 7_000_000, underOneSecond: true },
  { name: '7 MB POST body: a huge non-SAML field', build: (n) => A.postHar(A.hugeOtherFieldBody(n)), n: 7_000_000, underOneSecond: true },
  { name: '7 MB raw (SOAP) body', build: (n) => A.postHar(A.hugeRawBody(n), 'text/xml'), n: 7_000_000, underOneSecond: true },
  { name: 'signed Response just under the message cap (attributes)', build: signedResponse, n: 6_000, underOneSecond: true },
  { name: 'attribute values in one attribute', build: (n) => A.postHar(`SAMLResponse=${encodeURIComponent(Buffer.from(A.responseWithAttributes(1, n)).toString('base64'))}`), n: 40_000, underOneSecond: true },
  { name: 'query parameters in one Redirect URL', build: A.longQueryHar, n: 100_000, underOneSecond: true },
  { name: 'request headers (and cookies)', build: A.manyHeadersHar, n: 50_000, underOneSecond: true },
  { name: 'form fields in one POST', build: A.manyFieldsHar, n: 100_000, underOneSecond: true },
  { name: 'characters of Issuer', build: A.hugeIssuerHar, n: 1_000_000, underOneSecond: true },
  { name: 'assertions in one Response', build: A.manyAssertionsHar, n: 1_000, underOneSecond: true },
  { name: 'ds:Signature elements in one Response', build: (n) => A.manySignaturesHar(small, n, 'Signature'), n: 300, underOneSecond: true },
  { name: 'ds:Reference elements in one SignedInfo', build: (n) => A.manySignaturesHar(small, n, 'Reference'), n: 1_000, underOneSecond: true },
  { name: 'levels of element nesting', build: A.deepNestingHar, n: 100_000, underOneSecond: true },
  { name: 'namespace prefixes declared and named in a PrefixList (exclusive C14N)', build: (n) => A.namespacesHar(small, n, 'exclusive'), n: 40_000, underOneSecond: true },
  { name: 'namespace prefixes declared under inclusive C14N', build: (n) => A.namespacesHar(small, n, 'inclusive'), n: 40_000, underOneSecond: true },
  { name: 'prefixes used on the root and bound again below it (exclusive C14N)', build: (n) => A.namespaceRedeclarationsHar(small, n, 'exclusive'), n: 10_000, underOneSecond: true },
  { name: 'prefixes declared on the root and bound again below it (inclusive C14N)', build: (n) => A.namespaceRedeclarationsHar(small, n, 'inclusive'), n: 10_000, underOneSecond: true },
];

async function measure(text: string): Promise<number[]> {
  let judged: Judged | undefined;
  const judge = await leastTime(async () => {
    judged = await judgeText(text);
  });
  const exports: number[] = [];
  for (const to of EXPORTS) exports.push(await leastTime(() => exportJudged(judged!, to)));
  return [judge, ...exports];
}

/**
 * The 30,000-message HAR (SP-initiated and logout pairs) as the CLI meets it: judged (`check --json`) and
 * exported in every format, each timed on its own (CPU, least of three). The trace cap keeps each under 1 s.
 */
export async function manyMessagesLine(n = 30_000): Promise<number> {
  const text = A.manyMessagesHar(n);
  const [judge, ...exports] = await measure(text);
  const judged = await judgeText(text);
  const capped = judged.report.findings.some((f) => f.rule === 'trace-too-large');
  const all = [judge!, ...exports];
  const ok = Math.max(...all) < 1000;
  console.log(
    `\n${n.toLocaleString('en-US')}-message HAR (${(text.length / 1024 / 1024).toFixed(0)} MB): ${judged.report.messages.length} messages judged${capped ? ' (trace-too-large: the rest left out)' : ''}` +
      `\n  ${['judge', ...EXPORTS].map((l, i) => `${l} ${fmt(all[i]!)}`).join(', ')}; target each under 1 s: ${ok ? 'met' : 'NOT MET'}`,
  );
  return ok ? 0 : 1;
}

/** Prints the section; returns how many targets were not met. */
export async function boundedTime(): Promise<number> {
  let failures = 0;
  const labels = ['judge', ...EXPORTS];
  console.log(
    `\nbounded time: CPU time of check --json (judge) and of each export, at full size and x10 over a tenth of it` +
      `\n  targets: growth at most ${MAX_RATIO}x for 10x the input (linear is about 10x), and under 1 s for single-request inputs`,
  );
  for (const c of CASES) {
    const smallText = c.build(Math.round(c.n / 10));
    await measure(smallText); // warm-up
    const tenth = await measure(smallText);
    const text = c.build(c.n);
    const full = await measure(text);
    const judged = await judgeText(text);
    const refused = [...judged.report.findings, ...judged.report.messages.flatMap((m) => m.findings)]
      .filter((f) => f.rule === 'xml-refused' || f.rule === 'decode-failed')
      .map((f) => f.rule);
    const ratios = full.map((t, i) => t / Math.max(tenth[i]!, 0.5));
    const slowest = Math.max(...full);
    const linear = ratios.every((r, i) => r <= MAX_RATIO || full[i]! < 50);
    const fast = !c.underOneSecond || slowest < 1000;
    if (!linear || !fast) failures++;
    console.log(
      `  ${c.n.toLocaleString('en-US')} ${c.name}: ${(text.length / 1024 / 1024).toFixed(1)} MB, ${judged.report.messages.length} message(s)` +
        `${refused.length ? `, refused (${[...new Set(refused)].join(', ')})` : ''}`,
    );
    console.log(`    ${labels.map((l, i) => `${l} ${fmt(full[i]!)} (x${ratios[i]!.toFixed(1)})`).join(', ')}`);
    console.log(
      `    ${c.underOneSecond ? `slowest ${fmt(slowest)}: ${fast ? 'under 1 s' : 'NOT under 1 s'}; ` : `${fmt(full[0]! / judged.report.messages.length)} per message judged; `}` +
        `growth ${linear ? 'linear' : 'NOT linear'}`,
    );
  }
  return failures;
}
