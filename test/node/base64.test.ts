import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeBase64, useBase64Codec } from '../../lib/core/binding/base64';
import { nodeBase64 } from '../../lib/node/base64';

/** decodeBase64's answer with Node's codec installed and with the core's own decoder alone. */
function both(input: string) {
  useBase64Codec(nodeBase64);
  const withNode = decodeBase64(input);
  useBase64Codec(undefined);
  return { withNode, alone: decodeBase64(input) };
}

const big = (n: number) => randomBytes(n).toString('base64');

describe("Node's base64 codec gives the core's strict answers, never Node's lenient ones", () => {
  afterEach(() => useBase64Codec(undefined));

  const cases: Record<string, string> = {
    'strict, no padding': big(6000),
    'strict, one =': big(6001),
    'strict, two =': big(6002),
    'a character outside the alphabet in the middle': big(6000).replace(/^(.{3000})./s, '$1*'),
    'a non-ASCII character': big(6000).replace(/^(.{3000})./s, '$1é'),
    'line-wrapped': big(6000).replace(/(.{76})/g, '$1\n'),
    'base64url alphabet': big(6000).replace(/\+/g, '-').replace(/\//g, '_'),
    'padding missing': big(6001).replace(/=+$/, ''),
    '"=" inside the value': big(3000) + '=' + big(3000),
    'non-canonical last character (bits Node drops)': big(6001).replace(/.=$/, (m) => (m[0] === 'A' ? 'B=' : 'A=')),
    'percent-escaped': encodeURIComponent(big(6000)),
  };
  for (const [name, input] of Object.entries(cases)) {
    it(name, () => {
      const { withNode, alone } = both(input);
      expect(withNode).toEqual(alone);
    });
  }

  // The extension's engine codec (Uint8Array.fromBase64, absent from Node 20) throws where Node's skips: every
  // case above gives the core's own answer through a codec that throws the same way.
  it('a codec that throws on what is not base64, as Uint8Array.fromBase64 does, gives the same answers', () => {
    const throwing = {
      decode: (s: string) => {
        if (/[^A-Za-z0-9+/=\t\n\f\r ]|=[^=\s]/.test(s)) throw new SyntaxError('not base64');
        return nodeBase64.decode(s);
      },
      encode: nodeBase64.encode,
    };
    for (const [name, input] of Object.entries(cases)) {
      useBase64Codec(throwing);
      const got = decodeBase64(input);
      useBase64Codec(undefined);
      expect(got, name).toEqual(decodeBase64(input));
    }
  });

  it('decodes a large strict value to the bytes that were encoded', () => {
    const bytes = randomBytes(50_000);
    useBase64Codec(nodeBase64);
    const r = decodeBase64(bytes.toString('base64'));
    expect(r.ok && Buffer.from(r.bytes).equals(bytes)).toBe(true);
  });
});
