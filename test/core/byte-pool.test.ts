import { describe, expect, it } from 'vitest';
import { uninitialisedBytes, utf8Bytes } from '../../lib/core/byte-pool';
import { decodeBase64 } from '../../lib/core/binding/base64';

describe('byte pool (small arrays cut from a shared block)', () => {
  it('never hands out the same bytes twice, across blocks too', () => {
    const arrays = Array.from({ length: 200 }, (_, i) => uninitialisedBytes(65 + ((i * 37) % 900)));
    arrays.forEach((a, i) => a.fill(i & 0xff));
    arrays.forEach((a, i) => expect(a.every((b) => b === (i & 0xff))).toBe(true));
  });

  it('decoded values stay what they decoded to while others are decoded', () => {
    const first = decodeBase64(Buffer.alloc(256, 7).toString('base64'));
    const second = decodeBase64(Buffer.alloc(256, 9).toString('base64'));
    if (!first.ok || !second.ok) throw new Error('not decoded');
    second.bytes.fill(0);
    expect(first.bytes).toEqual(new Uint8Array(256).fill(7));
  });

  it('encodes text as UTF-8 whatever its size', () => {
    for (const text of ['', 'SignedInfo', 'é€😀'.repeat(100), 'x'.repeat(5000)]) {
      expect(Buffer.from(utf8Bytes(text)).toString('utf8')).toBe(text);
    }
  });
});
