// Relative links in Markdown pages and whether they resolve: the file (or folder) exists and, for `#anchor`,
// the target page has that anchor (an explicit `<a id>` or a heading, slugged as GitHub does).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export interface Link {
  page: string;
  target: string;
}

/** The text outside fenced code blocks and code spans, where `[x](y)` is a link. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

export function relativeLinks(page: string, markdown: string): Link[] {
  const links: Link[] = [];
  for (const m of prose(markdown).matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1]!;
    if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) links.push({ page, target });
  }
  return links;
}

/** GitHub's heading anchor: lower case, formatting and punctuation dropped, spaces become hyphens. */
export function slug(heading: string): string {
  return heading
    .replace(/<[^>]+>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

export function anchors(markdown: string): Set<string> {
  const found = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of markdown.matchAll(/<a id="([^"]+)"/g)) found.add(m[1]!);
  const outsideFences = markdown.replace(/^```[\s\S]*?^```/gm, '');
  for (const m of outsideFences.matchAll(/^#{1,6} (.+)$/gm)) {
    const base = slug(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    found.add(n ? `${base}-${n}` : base);
  }
  return found;
}

/** Why a link does not resolve, or undefined when it does. Paths are relative to `root`. */
export function brokenReason(root: string, link: Link): string | undefined {
  const [path, anchor] = link.target.split('#') as [string, string | undefined];
  const file = path ? join(root, dirname(link.page), decodeURIComponent(path)) : join(root, link.page);
  if (!existsSync(file)) return `${relative(root, file)} does not exist`;
  if (anchor === undefined) return undefined;
  if (statSync(file).isDirectory() || !file.endsWith('.md')) return `#${anchor} points into a file that is not a Markdown page`;
  return anchors(readFileSync(file, 'utf8')).has(anchor) ? undefined : `${relative(root, file)} has no anchor #${anchor}`;
}
