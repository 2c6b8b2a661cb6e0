// Issue 17, class 11 (bounded time): what the trace layer does per message grows linearly with the trace.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { MessageReport, Report, SignatureVerdict, TraceEntry } from '../../../lib/core/model';
import { applyCapturedVerdicts, type TraceFile } from '../../../lib/core/trace';
import { PRETTY_MAX_CHARS, prettyXml } from '../../../lib/core/trace/pretty-xml';
import { decodeSamlValue } from '../../../lib/core/trace/saml-codec';
import { scaling } from '../../bench/scaling';

const verdict = (status: SignatureVerdict['status']): SignatureVerdict =>
  ({ target: '/Response', targetKind: 'Response', form: 'xml', status, reason: status }) as SignatureVerdict;

/** A re-loaded redacted trace of `n` entries, each with one message and its verdicts stored at capture time. */
function redactedTrace(n: number): { report: Report; entries: TraceEntry[]; stored: TraceFile['verdicts'] } {
  const entries: TraceEntry[] = [];
  const messages: MessageReport[] = [];
  const stored: TraceFile['verdicts'] = [];
  for (let i = 0; i < n; i++) {
    const id = `e${i}`;
    entries.push({ id, source: 'trace', method: 'POST', url: 'https://sp.test/acs', requestHeaders: [], responseHeaders: [], redacted: true });
    messages.push({
      index: i,
      source: 'trace',
      entry: id,
      kind: 'Response',
      binding: 'HTTP-POST',
      parameter: 'SAMLResponse',
      method: 'POST',
      url: 'https://sp.test/acs',
      flow: `flow-${i + 1}`,
      direction: 'to-sp',
      attributes: [],
      signatures: [verdict('invalid')],
      findings: [{ rule: 'signature-invalid', severity: 'error', message: 'digest mismatch after redaction' }],
      steps: [],
    });
    stored.push({ entry: id, parameter: 'SAMLResponse', kind: 'Response', signatures: [verdict('valid')], findings: [] });
  }
  const report: Report = {
    schemaVersion: 1,
    messages,
    findings: [],
    flows: messages.map((m) => ({ id: m.flow, messages: [m.index], kind: 'idp-initiated' as const })),
    summary: { entries: n, messages: n, flows: n, errors: n, warnings: 0, infos: 0, profile: 'generic', at: 'capture' },
  };
  return { report, entries, stored };
}

describe('trace layer in bounded time', () => {
  it('puts the captured verdicts back on 10x the redacted messages in less than 30x the time', async () => {
    const run = ({ report, entries, stored }: ReturnType<typeof redactedTrace>) => applyCapturedVerdicts(report, entries, stored);
    const grown = await scaling(run, redactedTrace(1_000), redactedTrace(10_000));
    expect(grown.ratio, JSON.stringify(grown)).toBeLessThan(30);
    const restored = run(redactedTrace(3));
    expect(restored.messages.map((m) => m.signatures[0]?.status)).toEqual(['valid', 'valid', 'valid']);
    expect(restored.summary.errors).toBe(0);
  });

  it('shows a message above the indenting limit as it was sent, and indents one below it', () => {
    const big = `<r>${'<a>x</a>'.repeat(Math.ceil(PRETTY_MAX_CHARS / 8))}</r>`;
    expect(big.length).toBeGreaterThan(PRETTY_MAX_CHARS);
    expect(prettyXml(big)).toBe(big);
    expect(prettyXml('<r><a>x</a></r>')).toBe('<r>\n  <a>x</a>\n</r>');
  });

  it('stops decoding a DEFLATE bomb for export at the inflate cap instead of decoding all of it', async () => {
    const bomb = (mb: number) => deflateRawSync(Buffer.alloc(mb * 1024 * 1024, 0x3c), { level: 9 }).toString('base64');
    for (const v of [bomb(6), bomb(96)]) expect(decodeSamlValue(v, true)).toBeUndefined();
    // 16x the stream, about the same work: both stop once the cap is passed (decoding all of it was 16x).
    const grown = await scaling((v: string) => decodeSamlValue(v, true), bomb(6), bomb(96));
    expect(grown.ratio, JSON.stringify(grown)).toBeLessThan(6);
  });
});
