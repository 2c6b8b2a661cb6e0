import type { XmlNode, XmlTree } from './tree';

export interface Piece {
  text: string;
  match: boolean;
}

/** Splits text around case-insensitive occurrences of `query` (empty query: one piece). */
export function splitMatches(text: string, query: string): Piece[] {
  if (query === '') return [{ text, match: false }];
  const lower = text.toLowerCase();
  const q = query.toLowerCase();
  const out: Piece[] = [];
  let at = 0;
  for (let i = lower.indexOf(q); i >= 0; i = lower.indexOf(q, i + q.length)) {
    if (i > at) out.push({ text: text.slice(at, i), match: false });
    out.push({ text: text.slice(i, i + q.length), match: true });
    at = i + q.length;
  }
  if (at < text.length) out.push({ text: text.slice(at), match: false });
  return out;
}

function countIn(toks: { text: string }[], q: string): number {
  let n = 0;
  for (const t of toks) n += splitMatches(t.text, q).filter((p) => p.match).length;
  return n;
}

/** Nodes that contain a match (in their own tokens), in document order, and the total count of matches. */
export function searchTree(tree: XmlTree, query: string): { nodes: XmlNode[]; total: number } {
  const nodes: XmlNode[] = [];
  let total = 0;
  if (query === '') return { nodes, total };
  const walk = (ns: XmlNode[]) => {
    for (const n of ns) {
      const c = countIn(n.open, query) + countIn(n.close ?? [], query);
      if (c > 0) {
        nodes.push(n);
        total += c;
      }
      walk(n.children);
    }
  };
  walk(tree.roots);
  return { nodes, total };
}
