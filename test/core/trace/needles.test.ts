import { describe, expect, it } from 'vitest';
import { NeedleIndex } from '../../../lib/core/trace/redact/needles';

function index(...needles: string[]): NeedleIndex<string> {
  const n = new NeedleIndex<string>(16);
  for (const t of needles) n.add(t, `<${t.length}>`);
  return n;
}

describe('NeedleIndex', () => {
  it('replaces every occurrence, the longest needle winning where several start at the same place', () => {
    const n = index('token-abc', 'token-abcdefghijklmnop');
    expect(n.replace('a token-abcdefghijklmnop and token-abc.', (v) => v)).toBe('a <22> and <9>.');
  });

  it('matches a short value only as a whole word, a long one anywhere', () => {
    const n = index('pass', 'averyveryverylongsecret');
    expect(n.replace('pass passage bypass pass=1', (v) => v)).toBe('<4> passage bypass <4>=1');
    expect(n.replace('xaveryveryverylongsecretx', (v) => v)).toBe('x<23>x');
  });

  it('leaves text without needles as it is, and scans thousands of needles in one pass', () => {
    const n = new NeedleIndex<string>(16);
    for (let i = 0; i < 5000; i++) n.add(`cookie-value-${i}-zz`, 'R');
    expect(n.replace('nothing to see here', () => 'R')).toBe('nothing to see here');
    expect(n.replace('a=cookie-value-4999-zz; b=cookie-value-7-zz', () => 'R')).toBe('a=R; b=R');
  });
});
