/**
 * Finds every learnt value in a text in one left-to-right scan. A single RegExp with one alternative per
 * value (five spellings each) costs time proportional to the number of values at every position, which
 * made an export with thousands of distinct cookies take minutes; here each position looks up only the
 * values that start with the same few characters.
 */
const KEY = 4;
const WORD = /[A-Za-z0-9]/;

interface Needle<T> {
  text: string;
  value: T;
  tail: string;
  mid: number;
  middle: string;
}

export class NeedleIndex<T> {
  private readonly buckets = new Map<string, Array<Needle<T>>>();
  /** The first two characters of every needle, as one number: most positions are rejected without a slice. */
  private readonly starts = new Set<number>();

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
    const bucket = this.buckets.get(key) ?? [];
    if (bucket.some((n) => n.text === text)) return;
    const mid = (text.length >> 1) - (KEY >> 1);
    bucket.push({ text, value, tail: text.slice(-KEY), mid, middle: text.slice(mid, mid + KEY) });
    bucket.sort((a, b) => b.text.length - a.text.length);
    this.buckets.set(key, bucket);
    this.starts.add(text.charCodeAt(0) * 65536 + text.charCodeAt(1));
  }

  /** Replaces the leftmost, then longest, match at each place, as an alternation sorted by length would. */
  replace(text: string, replacement: (value: T) => string): string {
    if (this.buckets.size === 0) return text;
    let out = '';
    let copied = 0;
    const last = text.length - KEY;
    for (let i = 0; i <= last; ) {
      const hit = this.starts.has(text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1)) ? this.match(text, i) : undefined;
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
   * Cheap looks at a long needle's end and middle before the full comparison: a long learnt value that
   * differs from a long run of the text only near its end (an attribute one letter longer than the NameID)
   * would otherwise be compared in full at every position of the run.
   */
  private probe(text: string, at: number, needle: Needle<T>): boolean {
    const n = needle.text.length;
    if (n <= 4 * KEY) return true;
    return text.startsWith(needle.tail, at + n - KEY) && text.startsWith(needle.middle, at + needle.mid);
  }

  private match(text: string, at: number): Needle<T> | undefined {
    const bucket = this.buckets.get(text.slice(at, at + KEY));
    if (!bucket) return undefined;
    for (const needle of bucket) {
      if (!this.probe(text, at, needle)) continue;
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
