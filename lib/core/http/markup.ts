// HTML markup of captured pages, read without a DOM (the core runs where there is none).

/** Where the element `name` opened at `from` in lower-cased markup ends, nested ones of that name counted. */
export function elementEnd(lower: string, from: number, name: string): number {
  const tags = new RegExp(`<(/?)${name}[\\s/>]`, 'g');
  tags.lastIndex = from;
  let depth = 0;
  for (let m = tags.exec(lower); m; m = tags.exec(lower)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      const gt = lower.indexOf('>', m.index);
      return gt < 0 ? lower.length : gt + 1;
    }
  }
  return lower.length;
}
