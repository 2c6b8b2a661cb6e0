/**
 * Finds every learnt value in a text in one left-to-right scan. A single RegExp with one alternative per
 * value (five spellings each) costs time proportional to the number of values at every position, which
 * made an export with thousands of distinct cookies take minutes; here each position looks up only the
 * values that start with the same few characters.
 */
const KEY = 4;
const WORD = /[A-Za-z0-9]/;
/** Needles longer than this are compared by a rolling hash first (see `fingerprint`). */
const HASHED_ABOVE = 32;
const P = 2147483647;

/** a·b mod P for a, b < 2^31, exact in doubles (the product is split so no partial result passes 2^53). */
function mulmod(a: number, b: number): number {
  return (((a * (b >>> 16)) % P) * 65536 + a * (b & 65535)) % P;
}

interface Needle<T> {
  text: string;
  value: T;
  /** Polynomial hash of the text and base^length, for needles longer than HASHED_ABOVE; -1 until first needed. */
  hash: number;
  power: number;
}

export class NeedleIndex<T> {
  private readonly buckets = new Map<string, Array<Needle<T>>>();
  /** The first two characters of every needle, as one number: most positions are rejected without a slice. */
  private readonly starts = new Set<number>();
  /** Random, so that no input can be built to collide: a collision costs only a full comparison, never a wrong result. */
  private readonly base = 65536 + Math.floor(Math.random() * (P - 65537));

  constructor(
    /** Values shorter than this match only as whole words (not inside a longer word). */
    private readonly boundaryBelow: number,
  ) {}

  get size(): number {
    return this.buckets.size;
  }

  /** Adds a needle; its text must be at least KEY characters long. Longer needles win at the same place. */
  add(text: string, value: T): void {
    if (text.length < KEY) return;
    const key = text.slice(0, KEY);
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = []));
    // Longest first, and after the needles of its own length (as a stable sort of the pushed needle would).
    let at = bucket.length;
    for (let k = 0; k < bucket.length; k++) {
      const other = bucket[k]!.text;
      if (other === text) return;
      if (at === bucket.length && other.length < text.length) at = k;
    }
    bucket.splice(at, 0, { text, value, hash: -1, power: 1 });
    this.starts.add(text.charCodeAt(0) * 65536 + text.charCodeAt(1));
  }

  /** Replaces the leftmost, then longest, match at each place, as an alternation sorted by length would. */
  replace(text: string, replacement: (value: T) => string): string {
    if (this.buckets.size === 0) return text;
    const print = this.fingerprint(text);
    let out = '';
    let copied = 0;
    const last = text.length - KEY;
    for (let i = 0; i <= last; ) {
      const hit = this.starts.has(text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1)) ? this.match(text, i, print) : undefined;
      if (!hit) {
        i++;
        continue;
      }
      out += text.slice(copied, i) + replacement(hit.value);
      i += hit.text.length;
      copied = i;
    }
    return copied === 0 ? text : out + text.slice(copied);
  }

  /**
   * The hash of any slice of the text in constant time, from prefix hashes computed on first use. A long
   * needle that agrees with a long run of the text almost to its end (a periodic NameID next to the same
   * period in the Issuer) would otherwise be compared in full at every position: quadratic time.
   */
  private fingerprint(text: string): (at: number, needle: Needle<T>) => boolean {
    let prefix: Float64Array | undefined;
    return (at, needle) => {
      const end = at + needle.text.length;
      if (end > text.length) return false;
      if (!prefix) {
        prefix = new Float64Array(text.length + 1);
        for (let i = 0; i < text.length; i++) prefix[i + 1] = (mulmod(prefix[i] ?? 0, this.base) + text.charCodeAt(i)) % P;
      }
      if (needle.hash < 0) this.hashNeedle(needle);
      const slice = ((prefix[end] ?? 0) - mulmod(prefix[at] ?? 0, needle.power) + P) % P;
      return slice === needle.hash;
    };
  }

  /** Hashed on first use: most spellings of a long value (twice encoded, JSON-escaped) are never met. */
  private hashNeedle(needle: Needle<T>): void {
    let hash = 0;
    let power = 1;
    for (let i = 0; i < needle.text.length; i++) {
      hash = (mulmod(hash, this.base) + needle.text.charCodeAt(i)) % P;
      power = mulmod(power, this.base);
    }
    needle.hash = hash;
    needle.power = power;
  }

  private match(text: string, at: number, sameHash: (at: number, needle: Needle<T>) => boolean): Needle<T> | undefined {
    const bucket = this.buckets.get(text.slice(at, at + KEY));
    if (!bucket) return undefined;
    for (const needle of bucket) {
      if (needle.text.length > HASHED_ABOVE && !sameHash(at, needle)) continue;
      if (!text.startsWith(needle.text, at)) continue;
      if (needle.text.length < this.boundaryBelow) {
        const before = text[at - 1];
        const after = text[at + needle.text.length];
        if ((before && WORD.test(before)) || (after && WORD.test(after))) continue;
      }
      return needle;
    }
    return undefined;
  }
}
