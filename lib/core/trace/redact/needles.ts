/**
 * Finds every learnt value in a text in one left-to-right scan. A single RegExp with one alternative per
 * value (five spellings each) costs time proportional to the number of values at every position, which
 * made an export with thousands of distinct cookies take minutes; here each position looks up only the
 * values that start with the same few characters.
 */
const KEY = 4;
const WORD = /[A-Za-z0-9]/;

export class NeedleIndex<T> {
  private readonly buckets = new Map<string, Array<{ text: string; value: T }>>();
  private readonly firstChars = new Set<number>();

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
    bucket.push({ text, value });
    bucket.sort((a, b) => b.text.length - a.text.length);
    this.buckets.set(key, bucket);
    this.firstChars.add(text.charCodeAt(0));
  }

  /** Replaces the leftmost, then longest, match at each place, as an alternation sorted by length would. */
  replace(text: string, replacement: (value: T) => string): string {
    if (this.buckets.size === 0) return text;
    let out = '';
    let copied = 0;
    const last = text.length - KEY;
    for (let i = 0; i <= last; ) {
      const hit = this.firstChars.has(text.charCodeAt(i)) ? this.match(text, i) : undefined;
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

  private match(text: string, at: number): { text: string; value: T } | undefined {
    const bucket = this.buckets.get(text.slice(at, at + KEY));
    if (!bucket) return undefined;
    for (const needle of bucket) {
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
