import { describe, expect, it } from 'vitest';
import { base64ToBytes } from '../../../lib/core/signature/bytes';

// SignatureValue, DigestValue and X509Certificate are read with this: a value that is not strict base64 must
// never decode to bytes (they would be verified as if the IdP had sent them).
describe('base64ToBytes', () => {
  it('decodes strict base64, with the whitespace XML and PEM put in it', () => {
    expect(Array.from(base64ToBytes('AQID')!)).toEqual([1, 2, 3]);
    expect(Array.from(base64ToBytes(' AQ\n\tID\r\nBA== ')!)).toEqual([1, 2, 3, 4]);
    expect(Array.from(base64ToBytes('AQIDBAU=')!)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses what is not strict base64', () => {
    for (const bad of ['', '   ', 'AQI', 'AQ=D', 'A===', 'AQID=', 'AQ-_', 'AQ%3D', 'AQI\u00e9', '====']) {
      expect(base64ToBytes(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it('agrees with atob on every short value of the alphabet and its neighbours', () => {
    const all = (chars: string, n: number): string[] => (n === 0 ? [''] : all(chars, n - 1).flatMap((s) => [...chars].map((c) => s + c)));
    for (const s of [...all('AQgw/+=9 -', 4), ...all('Aw+= -', 5)]) {
      const clean = s.replace(/\s+/g, '');
      const strict = clean.length > 0 && clean.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(clean);
      const got = base64ToBytes(s);
      if (!strict) expect(got, JSON.stringify(s)).toBeUndefined();
      else expect(got && String.fromCharCode(...got), JSON.stringify(s)).toBe(atob(clean));
    }
  });
});
