import { Fragment, type VNode } from 'preact';

/**
 * A minimal shallow renderer for hook-free components: calls function components (except the stateful ones
 * named in `leaves`) and returns the tree of host elements and text. No DOM package is installed, and this is
 * enough to check what reaches the DOM as text and what as attributes.
 */
export interface HostNode {
  tag: string;
  props: Record<string, unknown>;
  children: Array<HostNode | string>;
}

type Child = VNode | string | number | boolean | null | undefined | Child[];

export function expand(node: Child, leaves: Set<unknown> = new Set()): Array<HostNode | string> {
  if (node === null || node === undefined || typeof node === 'boolean') return [];
  if (typeof node === 'string' || typeof node === 'number') return [String(node)];
  if (Array.isArray(node)) return node.flatMap((n) => expand(n, leaves));
  const { type, props } = node as VNode<Record<string, unknown>>;
  const children = (props as { children?: Child }).children;
  if (type === Fragment) return expand(children ?? null, leaves);
  if (typeof type === 'function') {
    if (leaves.has(type)) return [{ tag: `<${type.name}>`, props: { ...props }, children: [] }];
    return expand((type as (p: unknown) => Child)(props), leaves);
  }
  const { children: _c, ...rest } = props as Record<string, unknown>;
  return [{ tag: String(type), props: rest, children: expand(children ?? null, leaves) }];
}

export function allText(nodes: Array<HostNode | string>): string {
  return nodes.map((n) => (typeof n === 'string' ? n : allText(n.children))).join('');
}

export function allHosts(nodes: Array<HostNode | string>): HostNode[] {
  return nodes.flatMap((n) => (typeof n === 'string' ? [] : [n, ...allHosts(n.children)]));
}
