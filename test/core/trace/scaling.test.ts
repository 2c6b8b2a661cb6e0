// Issue 17, class 11 (bounded time): what the trace layer does per message grows linearly with the trace.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { SignatureVerdict, TraceEntry } from '../../../lib/core/model';
import { capturedSignaturesOf } from '../../../lib/core/trace/captured';
import { PRETTY_MAX_CHARS, prettyXml } from '../../../lib/core/trace/pretty-xml';
import { decodeSamlValue } from '../../../lib/core/trace/saml-codec';
import { scaling } from '../../bench/scaling';

const verdict = (status: SignatureVerdict['status']): SignatureVerdict =>
  ({ target: '/Response', targetKind: 'Response', form: 'xml', status, reason: status }) as SignatureVerdict;

/** A redacted entry carrying `n` messages (a POST with n SAMLResponse fields), each with its captured verdicts. */
function crowdedEntry(n: number): TraceEntry {
  return {
    id: 'e',
    source: 'trace',
    method: 'POST',
    url: 'https://sp.test/acs',
    requestHeaders: [],
    responseHeaders: [],
    redacted: true,
    capturedSignatures: Array.from({ length: n }, (_, i) => ({ parameter: i % 2 ? 'SAMLRequest' : 'SAMLResponse', verdicts: [verdict(i % 3 ? 'valid' : 'invalid')] })),
  };
}

describe('trace layer in bounded time', () => {
  it('finds the captured verdicts of 10x the messages of one entry in less than 30x the time', async () => {
    // Each message asks for its own, the n-th of its parameter: a filter per message was quadratic.
    const lookUpAll = (entry: TraceEntry) => {
      const n = entry.capturedSignatures?.length ?? 0;
      let found = 0;
      for (let i = 0; i < n; i++) if (capturedSignaturesOf(entry, i % 2 ? 'SAMLRequest' : 'SAMLResponse')?.[i >> 1]) found++;
      return found;
    };
    const [small, large] = [crowdedEntry(2_000), crowdedEntry(20_000)];
    expect(lookUpAll(large)).toBe(20_000);
    const grown = await scaling(lookUpAll, small, large);
    expect(grown.ratio, JSON.stringify(grown)).toBeLessThan(30);
    const entry = crowdedEntry(6);
    expect(capturedSignaturesOf(entry, 'SAMLResponse')?.map((c) => c.verdicts[0]?.status)).toEqual(['invalid', 'valid', 'valid']);
    expect(capturedSignaturesOf(entry, 'SAMLRequest')?.map((c) => c.verdicts[0]?.status)).toEqual(['valid', 'invalid', 'valid']);
    expect(capturedSignaturesOf(entry, 'wresult')).toEqual([]);
    expect(capturedSignaturesOf({ ...entry, capturedSignatures: undefined }, 'SAMLResponse')).toBeUndefined();
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

describe('a query of a million empty parts', () => {
  const url = (n: number) => `https://sp.test/x?a=1${'&'.repeat(n)}password=hunter2&b=2`;
  const entry = (n: number): TraceEntry => ({ id: 'e', source: 'har', method: 'GET', url: url(n), requestHeaders: [], responseHeaders: [] });

  it('is redacted byte for byte but its secret, in time that grows with the query, not faster', async () => {
    const { redact } = await import('../../../lib/core/trace/redact');
    const out = redact([entry(1_000_000)], 'support').entries[0]!.url;
    expect(out).toBe(url(1_000_000).replace('hunter2', 'REDACTED'));
    const grown = await scaling((e: TraceEntry) => redact([e], 'support'), entry(100_000), entry(1_000_000));
    expect(grown.ratio, JSON.stringify(grown)).toBeLessThan(30);
  });

  it("becomes a HAR queryString of its parameters only (empty parts are none, as URLSearchParams has it)", async () => {
    const { decodedPairs } = await import('../../../lib/core/trace/query');
    expect(decodedPairs('a=1&&&b=2&c')).toEqual([['a', '1'], ['b', '2'], ['c', '']]);
  });
});
