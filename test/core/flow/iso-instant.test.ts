// Findings name instants the way Date.prototype.toISOString writes them; isoInstant must never differ.
import { describe, expect, it } from 'vitest';
import { isoInstant } from '../../../lib/core/flow/time';

describe('isoInstant', () => {
  it('writes every instant as toISOString does', () => {
    const instants = [0, 1, 9, 10, 99, 100, 999, Date.UTC(2026, 0, 15, 10, 0, 2, 5), Date.UTC(1999, 11, 31, 23, 59, 59, 999), Date.UTC(2000, 1, 29), -1, Date.UTC(9999, 11, 31, 23, 59, 59, 999)];
    // and a spread of others, seeded
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      instants.push(Math.floor((seed / 2 ** 31) * 2 ** 42));
    }
    for (const ms of instants) expect(isoInstant(new Date(ms)), String(ms)).toBe(new Date(ms).toISOString());
  });

  it('keeps the built-in form outside four-digit years, and its error for an invalid date', () => {
    for (const ms of [Date.UTC(-1, 0, 1), Date.UTC(10000, 0, 1), Date.UTC(-271821, 3, 20)]) expect(isoInstant(new Date(ms))).toBe(new Date(ms).toISOString());
    expect(() => isoInstant(new Date(Number.NaN))).toThrow(RangeError);
  });
});
