import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../../lib/core/binding/base64';
import { formDecode, percentDecode } from '../../../lib/core/binding/urlencoded';

// The one-pass decoders (issue 13) must give exactly what the platform's decoders give, on every input shape.
let seed = 13;
function random(n: number): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
}

describe('percent-decoding', () => {
  it('gives what decodeURIComponent gives for ASCII escapes in any text', () => {
    const pieces = ['%2B', '%2f', '%3D', '%00', '%7F', '%25', 'a', 'Z', '0', '+', '/', '=', 'é', '\u{1F600}', '%41%42'];
    for (let round = 0; round < 500; round++) {
      let s = '';
      for (let k = random(12); k >= 0; k--) s += pieces[random(pieces.length)];
      expect(percentDecode(s)).toBe(decodeURIComponent(s));
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
