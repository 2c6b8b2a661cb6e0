import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { buildTree, findByLocation, ancestorIds, type XmlNode } from '../xml/tree';
import { searchTree } from '../xml/search';
import { useDebounced } from '../hooks/useDebounced';
import { CopyButton } from './CopyButton';
import { XmlLines } from './XmlLines';

/** Signature blocks are long and rarely what a person reads first: they start folded. */
const FOLDED_BY_DEFAULT = new Set(['Signature', 'KeyInfo']);

function defaultFolded(roots: XmlNode[]): Set<number> {
  const out = new Set<number>();
  const walk = (ns: XmlNode[]) => {
    for (const n of ns) {
      if (n.type === 'element' && FOLDED_BY_DEFAULT.has(n.localName ?? '')) out.add(n.id);
      walk(n.children);
    }
  };
  walk(roots);
  return out;
}

export interface XmlViewProps {
  xml: string;
  /** Element path to highlight (a finding's location). */
  highlight?: string;
  /** Changes each time the same location is asked for again, to scroll to it again. */
  highlightSeq?: number;
}

export function XmlView({ xml, highlight, highlightSeq }: XmlViewProps) {
  const tree = useMemo(() => buildTree(xml), [xml]);
  const [collapsed, setCollapsed] = useState<Set<number>>(() => defaultFolded(tree.roots));
  const [queryInput, setQueryInput] = useState('');
  const query = useDebounced(queryInput, 150);
  const [current, setCurrent] = useState(0);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => setCollapsed(defaultFolded(tree.roots)), [tree]);

  const hlNode = useMemo(() => findByLocation(tree, highlight), [tree, highlight]);
  const found = useMemo(() => searchTree(tree, query), [tree, query]);
  const forceOpen = useMemo(() => {
    const s = new Set<number>(ancestorIds(hlNode));
    for (const n of found.nodes) for (const id of ancestorIds(n)) s.add(id);
    return s;
  }, [hlNode, found]);

  useEffect(() => setCurrent(0), [query]);
  useEffect(() => {
    const el = box.current?.querySelector('.sl-x-hl');
    el?.scrollIntoView({ block: 'center' });
  }, [hlNode, highlightSeq]);
  useEffect(() => {
    const marks = box.current?.querySelectorAll('mark');
    if (!marks || marks.length === 0) return;
    marks.forEach((m, i) => m.classList.toggle('sl-cur', i === current));
    marks[Math.min(current, marks.length - 1)]?.scrollIntoView({ block: 'center' });
  }, [current, found]);

  const toggle = (id: number) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allBlockIds = () => {
    const out = new Set<number>();
    const walk = (ns: XmlNode[]) => ns.forEach((n) => (n.type === 'element' && n.children.length > 0 ? (out.add(n.id), walk(n.children)) : undefined));
    walk(tree.roots);
    return out;
  };
  const step = (d: number) => found.total > 0 && setCurrent((c) => (c + d + found.total) % found.total);

  return (
    <div class="sl-xml">
      <div class="sl-xml-tools">
        <input
          type="search"
          class="sl-xml-search"
          placeholder="Search in XML"
          value={queryInput}
          onInput={(e) => setQueryInput((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') step(e.shiftKey ? -1 : 1);
          }}
        />
        <span class="sl-muted">{query ? `${found.total ? current + 1 : 0} / ${found.total}` : ''}</span>
        <button type="button" onClick={() => step(-1)} disabled={found.total === 0} aria-label="Previous match">↑</button>
        <button type="button" onClick={() => step(1)} disabled={found.total === 0} aria-label="Next match">↓</button>
        <span class="sl-grow" />
        <button type="button" onClick={() => setCollapsed(new Set())}>Unfold all</button>
        <button type="button" onClick={() => setCollapsed(allBlockIds())}>Fold all</button>
        <CopyButton text={xml} label="Copy XML" />
      </div>
      <div class="sl-xml-body" ref={box}>
        <XmlLines roots={tree.roots} ctx={{ collapsed, forceOpen, toggle, query, highlightId: hlNode?.id }} />
      </div>
    </div>
  );
}

/** Exactly the decoded text, no reformatting: this is what the signature covers. */
export function RawView({ xml }: { xml: string }) {
  return (
    <div class="sl-xml">
      <div class="sl-xml-tools">
        <span class="sl-muted">{`${new TextEncoder().encode(xml).length} bytes, as decoded (what was signed)`}</span>
        <span class="sl-grow" />
        <CopyButton text={xml} label="Copy raw" />
      </div>
      <pre class="sl-raw">{xml}</pre>
    </div>
  );
}
