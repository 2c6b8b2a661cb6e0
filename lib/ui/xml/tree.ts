import { flatten, tokenizeMarkup, tokenText, type Stream, type Tok } from './tokens';

export type XmlNodeType = 'element' | 'text' | 'comment' | 'cdata' | 'prolog' | 'doctype';

export interface XmlNode {
  /** Depth-first order, unique within one tree: the key for folding state. */
  id: number;
  type: XmlNodeType;
  /** Element's qualified name as written (`saml:Assertion`). */
  name?: string;
  localName?: string;
  /** Element path as the core writes it: `/Response/Assertion[1]/Subject/NameID` (index only when siblings repeat). */
  path?: string;
  /** Tokens of the opening (or self-closing) tag, or of the whole node for non-elements. */
  open: Tok[];
  close?: Tok[];
  children: XmlNode[];
  parent?: XmlNode;
}

export interface XmlTree {
  roots: XmlNode[];
  /** Node by normalised path (no `[1]`), first one wins. */
  byPath: Map<string, XmlNode>;
  count: number;
}

const NAME = /^<\/?\s*([^\s/>]+)/;

function localName(q: string): string {
  const i = q.indexOf(':');
  return i >= 0 ? q.slice(i + 1) : q;
}

/** `[1]` is implied when a name is unique among its siblings; dropping it lets both spellings meet. */
export function normalisePath(path: string): string {
  return path.replace(/\[1\]/g, '').replace(/\/+$/, '');
}

/**
 * A forgiving tree from Prism's token stream. Malformed XML still gives a tree (an unmatched closing tag
 * closes the nearest open element of that name or is kept as text), because the panel must show
 * whatever was captured, including what the XML parser refused.
 */
export function buildTree(xml: string): XmlTree {
  const roots: XmlNode[] = [];
  const stack: XmlNode[] = [];
  let id = 0;
  const add = (n: XmlNode) => {
    const parent = stack[stack.length - 1];
    if (parent) {
      n.parent = parent;
      parent.children.push(n);
    } else roots.push(n);
  };
  let text: Tok[] = [];
  const flushText = () => {
    if (text.length === 0) return;
    if (text.some((t) => t.text.trim() !== '')) {
      const toks = trimTokens(text);
      add({ id: id++, type: 'text', open: toks, children: [] });
    }
    text = [];
  };

  for (const tok of tokenizeMarkup(xml) as Stream[]) {
    if (typeof tok === 'string' || (!Array.isArray(tok) && tok.type === 'entity')) {
      text.push(...flatten(tok));
      continue;
    }
    if (Array.isArray(tok)) continue;
    flushText();
    if (tok.type === 'tag') {
      const raw = tokenText(tok);
      const name = NAME.exec(raw)?.[1] ?? '';
      const toks = flatten(tok, 'tag');
      if (raw.startsWith('</')) {
        const at = findOpen(stack, name);
        if (at < 0) {
          add({ id: id++, type: 'text', open: toks, children: [] });
          continue;
        }
        const el = stack[at] as XmlNode;
        el.close = toks;
        stack.length = at;
        continue;
      }
      const el: XmlNode = { id: id++, type: 'element', name, localName: localName(name), open: toks, children: [] };
      add(el);
      if (!/\/\s*>$/.test(raw)) stack.push(el);
      continue;
    }
    const type: XmlNodeType = tok.type === 'comment' ? 'comment' : tok.type === 'cdata' ? 'cdata' : tok.type === 'doctype' ? 'doctype' : 'prolog';
    add({ id: id++, type, open: flatten(tok, tok.type), children: [] });
  }
  flushText();

  const byPath = new Map<string, XmlNode>();
  const assign = (nodes: XmlNode[], base: string) => {
    const counts = new Map<string, number>();
    for (const n of nodes) if (n.type === 'element') counts.set(n.localName as string, (counts.get(n.localName as string) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const n of nodes) {
      if (n.type !== 'element') continue;
      const ln = n.localName as string;
      const k = (seen.get(ln) ?? 0) + 1;
      seen.set(ln, k);
      n.path = `${base}/${ln}${(counts.get(ln) ?? 0) > 1 ? `[${k}]` : ''}`;
      const norm = normalisePath(n.path);
      if (!byPath.has(norm)) byPath.set(norm, n);
      assign(n.children, n.path);
    }
  };
  assign(roots, '');
  return { roots, byPath, count: id };
}

function findOpen(stack: XmlNode[], name: string): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]?.name === name) return i;
  return -1;
}

function trimTokens(toks: Tok[]): Tok[] {
  const out = toks.map((t) => ({ ...t }));
  const first = out[0];
  const last = out[out.length - 1];
  if (first) first.text = first.text.replace(/^\s+/, '');
  if (last) last.text = last.text.replace(/\s+$/, '');
  return out.filter((t) => t.text !== '');
}

/**
 * The element a location points to: exact path, else the nearest existing ancestor (a location may name an
 * attribute `/@ID` or an element the forgiving tree does not have).
 */
export function findByLocation(tree: XmlTree, location: string | undefined): XmlNode | undefined {
  if (!location) return undefined;
  let p = normalisePath(location.replace(/\/@[^/]*$/, ''));
  while (p !== '') {
    const n = tree.byPath.get(p);
    if (n) return n;
    p = p.slice(0, p.lastIndexOf('/'));
  }
  return undefined;
}

/** Ids of a node and all its ancestors (to unfold what leads to a highlighted or searched node). */
export function ancestorIds(n: XmlNode | undefined): number[] {
  const out: number[] = [];
  for (let x = n?.parent; x; x = x.parent) out.push(x.id);
  return out;
}

/** True when an element is best shown on one line: no element children and short text. */
export function isInline(n: XmlNode): boolean {
  if (n.type !== 'element') return true;
  if (n.children.length === 0) return true;
  if (n.children.length > 1) return false;
  const c = n.children[0] as XmlNode;
  return (c.type === 'text' || c.type === 'cdata') && c.open.reduce((s, t) => s + t.text.length, 0) <= 120;
}
