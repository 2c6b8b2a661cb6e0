// The bounded inflater has two paths: one call for streams too short to pass the cap, the stream otherwise.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateRawBounded } from '../../../lib/core/binding/inflate';
import { buildResponse } from '../../../lib/samlgen';

const xml = Buffer.from(buildResponse({ issueInstant: '2027-03-01T10:00:00Z' }).repeat(20));
const deflated = deflateRawSync(xml);
/** A cap the stream could pass (DEFLATE expands up to about 1032:1), so the streaming path runs. */
const tight = deflated.length * 1032;
const roomy = 10 * 1024 * 1024;

describe('bounded inflate, short and streamed', () => {
  it('gives the same bytes either way', () => {
    const short = inflateRawBounded(deflated, roomy);
    const streamed = inflateRawBounded(deflated, tight);
    expect(short.ok && Buffer.from(short.bytes).equals(xml)).toBe(true);
    expect(streamed.ok && Buffer.from(streamed.bytes).equals(xml)).toBe(true);
  });

  it('inflates output far larger than its first guess', () => {
    const zeros = deflateRawSync(Buffer.alloc(3 * 1024 * 1024));
    const out = inflateRawBounded(zeros, roomy);
    expect(out.ok && out.bytes.length).toBe(3 * 1024 * 1024);
  });

  it('reports corrupt and truncated streams the same way either way', () => {
    const bad = Buffer.from(deflated);
    bad[0] = 0xff;
    const cut = deflated.subarray(0, deflated.length - 8);
    for (const input of [bad, cut]) {
      const [short, streamed] = [inflateRawBounded(input, roomy), inflateRawBounded(input, input.length * 1032)];
      expect(short.ok).toBe(false);
      expect(short).toEqual(streamed);
    }
  });
});
