/**
 * Terminal layout: prose wrapped at word boundaries to the terminal width, identifier lines cut with an
 * ellipsis. A width of Infinity (a caller that did not ask) leaves lines as they are.
 */

/** Wraps `text` (one paragraph per line) to `width`: the first line after `first`, the rest after `rest`. */
export function wrap(text: string, width: number, first: string, rest = first): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = out.length ? rest : first;
    let empty = true;
    for (const word of paragraph.split(/ +/)) {
      if (!word) continue;
      if (!empty && line.length + 1 + word.length > width) {
        out.push(line);
        line = rest + word;
      } else {
        line += empty ? word : ` ${word}`;
      }
      empty = false;
      // A word longer than a whole line (a URL) is cut where the line ends.
      while (line.length > width && width > rest.length + 10) {
        out.push(line.slice(0, width));
        line = rest + line.slice(width);
      }
    }
    out.push(line);
  }
  return out;
}

/** One line at most `width` characters long, ending in `…` when cut. */
export function cut(line: string, width: number): string {
  return line.length <= width ? line : `${line.slice(0, Math.max(0, width - 1))}…`;
}
