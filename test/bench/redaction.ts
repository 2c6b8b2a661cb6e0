// Share redaction and export on inputs that once took seconds to minutes (issue 17, class 11): the e-mail
// pattern backtracked on long runs of letters and digits. Target: each export or report under 1 s.
import { analyze } from '../../lib/core/analyze';
import type { TraceEntry } from '../../lib/core/model';
import { exportEntries, reportHtml, reportMarkdown } from '../../lib/core/trace';
import { buildResponse, encodePostValue, NAMEID } from '../../lib/samlgen';
import { fmt, median } from './timing';

const TARGET_MS = 1000;
const SP = 'https://sp.example.test';

function entryWith(xml: string, url: string): TraceEntry {
  return {
    id: 'e1',
    source: 'webrequest',
    method: 'POST',
    url: `${SP}/acs`,
    requestHeaders: [{ name: 'Referer', value: url }],
    responseHeaders: [{ name: 'Location', value: url }],
    formFields: [
      ['SAMLResponse', encodePostValue(xml)],
      ['RelayState', url],
    ],
  };
}

const INPUTS: Array<{ label: string; entries: () => TraceEntry[] }> = [
  {
    label: '300,000-letter Issuer',
    entries: () => [entryWith(buildResponse({ issuer: 'a'.repeat(300_000), nameId: { value: 'alice@contoso.example', format: NAMEID.email } }), `${SP}/app`)],
  },
  {
    label: '300,000-digit NameID',
    entries: () => [entryWith(buildResponse({ nameId: { value: '7'.repeat(300_000), format: NAMEID.unspecified } }), `${SP}/app`)],
  },
  {
    label: '584-character URL (RelayState, Referer, Location)',
    entries: () => [entryWith(buildResponse({ nameId: { value: 'alice@contoso.example', format: NAMEID.email } }), `${SP}/after?q=${'a'.repeat(553)}`)],
  },
];

/** Prints one line per input and step; returns the number of targets not met. */
export async function redactionSpeed(): Promise<number> {
  let failures = 0;
  console.log(`\nshare redaction and export (median of 3; target under ${TARGET_MS} ms each)`);
  for (const input of INPUTS) {
    const entries = input.entries();
    const report = await analyze(entries, {});
    const steps: Array<[string, () => unknown]> = [
      ['har', () => exportEntries(entries, { format: 'har', profile: 'share' })],
      ['trace', () => exportEntries(entries, { format: 'trace', profile: 'share', report })],
      ['saml-tracer', () => exportEntries(entries, { format: 'saml-tracer', profile: 'share' })],
      ['markdown report', () => reportMarkdown(report, { profile: 'share' })],
      ['html report', () => reportHtml(report, { profile: 'share' })],
    ];
    const results: string[] = [];
    for (const [name, run] of steps) {
      const ms = await median(run, 3, 1);
      if (ms >= TARGET_MS) failures++;
      results.push(`${name} ${fmt(ms)}${ms >= TARGET_MS ? ' (NOT MET)' : ''}`);
    }
    console.log(`  ${input.label.padEnd(52)} ${results.join(', ')}`);
  }
  console.log(`  target: ${failures ? `${failures} NOT MET` : 'met'}`);
  return failures;
}
