import { ELEMENT } from './nodes';
import { XElement } from './tree';

/**
 * Element paths such as `/Response/Assertion[2]/Subject/NameID`: local names, with a 1-based `[n]` only when
 * siblings share the local name. The first request for any child of a parent numbers all of that parent's
 * children at once and caches them, so paths for thousands of sibling Attributes cost one pass, not one
 * sibling scan each. Cached per element: stable for the life of the document.
 */
const cache = new WeakMap<Node, string>();

// SAML Lens's own tree keeps the path on the element; another DOM's elements (tests, libraries) in the WeakMap.
function known(node: Node): string | undefined {
  return node instanceof XElement ? node.path : cache.get(node);
}

function remember(node: Node, path: string): void {
  if (node instanceof XElement) node.path = path;
  else cache.set(node, path);
}

export function elementPath(el: Element): string {
  const cached = known(el);
  if (cached !== undefined) return cached;
  // Walk up to the nearest ancestor with a known path (or the document), then number downwards.
  const chain: Element[] = [];
  let cur: Node | null = el;
  while (cur && cur.nodeType === ELEMENT && known(cur) === undefined) {
    chain.push(cur as Element);
    cur = cur.parentNode;
  }
  for (let k = chain.length - 1; k >= 0; k--) numberChildren(chain[k]!.parentNode);
  return known(el) ?? '/' + (el.localName || el.nodeName);
}

function numberChildren(parent: Node | null): void {
  if (!parent) return;
  const base = parent.nodeType === ELEMENT ? (known(parent) ?? '') : '';
  const counts = new Map<string, number>();
  for (let c = parent.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== ELEMENT) continue;
    const name = localOf(c as Element);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  for (let c = parent.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== ELEMENT) continue;
    const name = localOf(c as Element);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    remember(c, (counts.get(name) ?? 0) > 1 ? `${base}/${name}[${n}]` : `${base}/${name}`);
  }
}

function localOf(el: Element): string {
  return el.localName || el.nodeName;
}
