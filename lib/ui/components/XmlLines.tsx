import type { Tok } from '../xml/tokens';
import type { XmlNode } from '../xml/tree';
import { isInline } from '../xml/tree';
import { splitMatches } from '../xml/search';

export interface XmlLinesContext {
  collapsed: ReadonlySet<number>;
  /** Unfolded whatever `collapsed` says: ancestors of search matches and of the highlighted node. */
  forceOpen: ReadonlySet<number>;
  toggle: (id: number) => void;
  query: string;
  highlightId?: number;
}

/**
 * Tokens as text nodes inside spans. Decoded content is attacker-controlled: it is only ever a text child,
 * never markup, never an attribute value other than a fixed class name.
 */
export function Toks({ toks, query }: { toks: Tok[]; query: string }) {
  return (
    <>
      {toks.map((t, i) => (
        <span key={i} class={t.type ? `tk tk-${t.type}` : undefined}>
          {query === '' ? t.text : splitMatches(t.text, query).map((p, j) => (p.match ? <mark key={j}>{p.text}</mark> : p.text))}
        </span>
      ))}
    </>
  );
}

function indent(depth: number) {
  return { paddingLeft: `${depth * 1.25 + 1.25}em` };
}

export function XmlNodeView({ n, depth, ctx }: { n: XmlNode; depth: number; ctx: XmlLinesContext }) {
  const hl = n.id === ctx.highlightId ? ' sl-x-hl' : '';
  if (n.type !== 'element' || isInline(n)) {
    return (
      <div class={`sl-x-line${hl}`} style={indent(depth)} data-path={n.path}>
        <Toks toks={n.open} query={ctx.query} />
        {n.children.map((c) => (
          <Toks key={c.id} toks={c.open} query={ctx.query} />
        ))}
        {n.close ? <Toks toks={n.close} query={ctx.query} /> : null}
      </div>
    );
  }
  const folded = ctx.collapsed.has(n.id) && !ctx.forceOpen.has(n.id);
  const toggle = (
    <button type="button" class="sl-fold" aria-expanded={!folded} aria-label={folded ? 'Unfold' : 'Fold'} onClick={() => ctx.toggle(n.id)}>
      {folded ? '▸' : '▾'}
    </button>
  );
  if (folded) {
    return (
      <div class={`sl-x-line${hl}`} style={indent(depth)} data-path={n.path}>
        {toggle}
        <Toks toks={n.open} query={ctx.query} />
        <span class="sl-x-ellipsis" onClick={() => ctx.toggle(n.id)}>
          …
        </span>
        {n.close ? <Toks toks={n.close} query={ctx.query} /> : null}
      </div>
    );
  }
  return (
    <>
      <div class={`sl-x-line${hl}`} style={indent(depth)} data-path={n.path}>
        {toggle}
        <Toks toks={n.open} query={ctx.query} />
      </div>
      {n.children.map((c) => (
        <XmlNodeView key={c.id} n={c} depth={depth + 1} ctx={ctx} />
      ))}
      {n.close ? (
        <div class={`sl-x-line${hl}`} style={indent(depth)}>
          <Toks toks={n.close} query={ctx.query} />
        </div>
      ) : null}
    </>
  );
}

export function XmlLines({ roots, ctx }: { roots: XmlNode[]; ctx: XmlLinesContext }) {
  return (
    <div class="sl-xml-lines">
      {roots.map((n) => (
        <XmlNodeView key={n.id} n={n} depth={0} ctx={ctx} />
      ))}
    </div>
  );
}
