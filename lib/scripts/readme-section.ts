/** Replaces what stands between `<!-- NAME:start -->` and `<!-- NAME:end -->` in a Markdown document. */
export function withSection(doc: string, name: string, body: string, file = 'README.md'): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} has no ${start} ... ${end} section`);
  return `${doc.slice(0, from + start.length)}\n${body.trim()}\n${doc.slice(to)}`;
}
