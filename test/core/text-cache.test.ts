import { describe, expect, it } from 'vitest';
import { TextCache } from '../../lib/core/text-cache';

describe('TextCache (caches keyed by texts from messages)', () => {
  it('finds a text given as another string object with the same characters', () => {
    const cache = new TextCache<number>(4);
    const source = `xx${'MIIC'.repeat(300)}yy`;
    cache.set(source.slice(2, -2), 1);
    expect(cache.get(`${'MIIC'.repeat(300)}`)).toBe(1);
    expect(cache.get(`${'MIIC'.repeat(299)}MIID`)).toBeUndefined();
  });

  it('stays bounded, dropping the oldest text first', () => {
    const cache = new TextCache<number>(3);
    for (let i = 0; i < 10; i++) cache.set(`value-${i}`, i);
    expect([0, 6].map((i) => cache.get(`value-${i}`))).toEqual([undefined, undefined]);
    expect([7, 8, 9].map((i) => cache.get(`value-${i}`))).toEqual([7, 8, 9]);
  });

  it('replaces the value of a text it already holds without growing', () => {
    const cache = new TextCache<string>(2);
    cache.set('a', 'first');
    cache.set('b', 'b');
    cache.set('a', 'second');
    expect(cache.get('a')).toBe('second');
    expect(cache.get('b')).toBe('b');
  });
});
