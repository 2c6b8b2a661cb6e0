import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../../lib/core/binding/base64';
import { formDecode, percentDecode } from '../../../lib/core/binding/urlencoded';

// The one-pass decoders (issue 13) must give exactly what the platform's decoders give, on every input shape.
let seed = 13;
/** mulberry32: a fixed sequence, so a failure reproduces. */
function random(n: number): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n | 0;
}

describe('percent-decoding', () => {
  it('gives what decodeURIComponent gives, escapes sparse (a form-encoded base64 value) or dense', () => {
    const escapes = ['%2B', '%2f', '%3D', '%00', '%7F', '%25', '%41%42', '%2F', '%3d'];
    const multiByte = ['%C3%A9', '%F0%9F%98%80'];
    const malformed = ['%', '%4', '%G1', '%E9'];
    const letters = ['a', 'Z', '0', '+', '/', '=', 'é', '\u{1F600}'];
    for (let round = 0; round < 600; round++) {
      const every = [2, 8, 40][round % 3]!;
      let s = '';
      for (let k = 20 + random(300); k >= 0; k--) s += random(every) > 0 ? letters[random(letters.length)] : escapes[random(escapes.length)];
      // Some values with a multi-byte escape, some with a malformed one (left literally by the tolerant decoder).
      if (round % 7 === 1) s += multiByte[random(multiByte.length)];
      if (round % 11 === 2) s += malformed[random(malformed.length)];
      let expected: string | undefined;
      try {
        expected = decodeURIComponent(s);
      } catch {
        expected = undefined; // malformed: the tolerant decoder's own test below
      }
      if (expected !== undefined) expect(percentDecode(s)).toBe(expected);
    }
  });

  it('still decodes multi-byte escapes and keeps malformed ones literally', () => {
    expect(percentDecode('caf%C3%A9%2B')).toBe('café+');
    expect(percentDecode('a%2Bb%ZZc')).toBe('a+b%ZZc');
    expect(percentDecode('100%')).toBe('100%');
    expect(percentDecode('%E9t%C3%A9')).toBe('\uFFFDtÉ'.replace('É', 'é'));
    expect(formDecode('a+b%2B')).toBe('a b+');
  });
});

describe('base64', () => {
  const bytesOf = (r: ReturnType<typeof decodeBase64>) => (r.ok ? Array.from(r.bytes) : r.reason);

  it('decodes strict base64 of every length and byte value as the platform does', () => {
    for (let len = 0; len < 70; len++) {
      const bytes = Uint8Array.from({ length: len }, () => random(256));
      const encoded = btoa(String.fromCharCode(...bytes));
      const r = decodeBase64(encoded);
      expect(r.ok && r.repairs).toEqual([]);
      expect(bytesOf(r)).toEqual(Array.from(bytes));
    }
  });

  it('sends anything that is not strict to the repairs, never decodes it as strict', () => {
    expect(decodeBase64('QUJD\nREVG')).toMatchObject({ ok: true, repairs: ['line breaks removed'] });
    expect(decodeBase64('QUI')).toMatchObject({ ok: true, repairs: ['missing padding added'] });
    expect(decodeBase64('QQ===')).toMatchObject({ ok: true, repairs: ['superfluous padding removed'] });
    expect(decodeBase64('QU-_')).toMatchObject({ ok: true, repairs: ["base64url alphabet ('-' and '_') converted"] });
    expect(decodeBase64('QU=B')).toMatchObject({ ok: false });
    expect(decodeBase64('QUJD====')).toMatchObject({ ok: true, repairs: ['superfluous padding removed'] });
    expect(decodeBase64('QUJDR===')).toMatchObject({ ok: false, reason: expect.stringMatching(/truncated/) });
    expect(decodeBase64('QUJ\u00c9')).toMatchObject({ ok: false, reason: expect.stringMatching(/U\+00C9 at position 3/) });
    expect(decodeBase64('QUJ\u0141')).toMatchObject({ ok: false, reason: expect.stringMatching(/U\+0141 at position 3/) });
  });
});
