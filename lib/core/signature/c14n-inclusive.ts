import { byCodePoint, byNamespaceThenLocal, encodeAttr, encodeText, leaf, sortFew } from './c14n-nodes';

/*
 * Inclusive XML canonicalisation, 1.0 (https://www.w3.org/TR/2001/REC-xml-c14n-20010315) and 1.1
 * (https://www.w3.org/TR/2008/REC-xml-c14n11-20080502/), of one subtree of our DOM: the node-set a
 * same-document Reference or a SignedInfo selects (an element, its descendants, their attributes and every
 * namespace in scope), less the enveloped Signature. What a subtree adds over a whole document is its
 * omitted ancestors, and this is where canonicalisers go wrong:
 * - every namespace in scope at the apex is rendered on the apex, the default namespace included, however
 *   far up it was declared (xml-crypto's canonicaliser rendered an inherited default twice when the apex
 *   is unprefixed, so .NET-style `<Signature xmlns="…dsig#">` SignedInfos did not verify);
 * - the apex carries the `xml:` attributes of its ancestors that it does not carry itself: all of them in
 *   1.0; in 1.1 only xml:lang and xml:space, never xml:id, and xml:base joined with the ancestors' values
 *   (the "xml:base fix-up" of C14N 1.1 §2.4, done as libxml2 does it, since xmlsec1 is the oracle);
 * - below the apex a declaration is rendered only where it changes the binding in scope, and `xmlns=""`
 *   only where an output parent had a default namespace.
 * Orders are the spec's (code points): namespaces by prefix, attributes by namespace URI then local name.
 * test/core/signature/c14n-inclusive.test.ts compares the output byte for byte with libxml2 (xmlsec1).
 */

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export interface InclusiveOptions {
  /** '1.1' for Canonical XML 1.1. */
  version: '1.0' | '1.1';
  /** #WithComments: render comment nodes (only ever true for SignedInfo; references drop comments). */
  comments: boolean;
  /** The enveloped signature, left out. */
  exclude?: Node;
}

/**
 * The namespace bindings in scope, one stack per prefix: entering an element pushes only what it declares and
 * leaving pops it. (A copy of every binding for every declaring element was quadratic in nested declarations.)
 */
class Scope {
  private readonly stacks = new Map<string, string[]>();

  get(prefix: string): string | undefined {
    const stack = this.stacks.get(prefix);
    return stack && stack.length > 0 ? stack[stack.length - 1] : undefined;
  }

  push(prefix: string, uri: string): void {
    const stack = this.stacks.get(prefix);
    if (stack) stack.push(uri);
    else this.stacks.set(prefix, [uri]);
  }

  pop(prefix: string): void {
    this.stacks.get(prefix)!.pop();
  }

  /** Every prefix bound now, with its innermost URI. */
  *entries(): Generator<[string, string]> {
    for (const [prefix, stack] of this.stacks) if (stack.length > 0) yield [prefix, stack[stack.length - 1]!];
  }
}

/** The prefix an xmlns attribute declares ('' for the default), or undefined for any other attribute. */
function declaredPrefix(a: Attr): string | undefined {
  if (a.namespaceURI === XMLNS_NS || a.prefix === 'xmlns' || a.name === 'xmlns') return a.prefix === 'xmlns' ? a.localName : a.name === 'xmlns' ? '' : undefined;
  return undefined;
}

interface Rendered {
  name: string;
  ns: string;
  local: string;
  value: string;
}

function attrOrder(a: Rendered, b: Rendered): number {
  return byNamespaceThenLocal(a.ns, a.local, b.ns, b.local);
}

class Inclusive {
  private out = '';

  constructor(
    private readonly apex: Element,
    private readonly opts: InclusiveOptions,
  ) {}

  private readonly scope = new Scope();

  run(): string {
    const inherited = new Map<string, string>();
    for (let n = this.apex.parentNode; n && n.nodeType === 1; n = n.parentNode) {
      const attrs = (n as Element).attributes;
      for (let i = 0; i < attrs.length; i++) {
        const prefix = declaredPrefix(attrs[i]!);
        if (prefix !== undefined && !inherited.has(prefix)) inherited.set(prefix, attrs[i]!.value);
      }
    }
    for (const [prefix, uri] of inherited) this.scope.push(prefix, uri);
    this.element(this.apex, true);
    return this.out;
  }

  /** `apex`: every binding in scope is rendered; below it, only the declarations that change the parent's. */
  private element(el: Element, apex: boolean): void {
    const { scope } = this;
    const attrs = el.attributes;
    const shown: Rendered[] = [];
    const own: Array<[string, string]> = [];
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i]!;
      const prefix = declaredPrefix(a);
      if (prefix !== undefined) own.push([prefix, a.value]);
      else shown.push({ name: a.name, ns: a.namespaceURI ?? '', local: a.localName ?? a.name, value: a.value });
    }

    const decls: Array<[string, string]> = [];
    if (!apex) {
      // Below the apex every ancestor is output, so the parent's scope is the output parent's.
      for (const [prefix, uri] of own) {
        if (prefix === 'xml' || scope.get(prefix) === uri) continue;
        // xmlns="" undoes an output parent's default; with no default above it says nothing.
        if (prefix === '' && uri === '' && !scope.get('')) continue;
        decls.push([prefix, uri]);
      }
    }
    for (const [prefix, uri] of own) scope.push(prefix, uri);
    if (apex) for (const [prefix, uri] of scope.entries()) if (prefix !== 'xml' && (prefix !== '' || uri !== '')) decls.push([prefix, uri]);
    if (decls.length > 1) sortFew(decls, (a, b) => byCodePoint(a[0], b[0]));

    if (apex && el.parentNode && el.parentNode.nodeType === 1) this.inheritXmlAttributes(el, shown);
    if (shown.length > 1) sortFew(shown, attrOrder);

    let text = `<${el.tagName}`;
    for (const [prefix, uri] of decls) text += prefix ? ` xmlns:${prefix}="${encodeAttr(uri)}"` : ` xmlns="${encodeAttr(uri)}"`;
    for (const a of shown) text += ` ${a.name}="${encodeAttr(a.value)}"`;
    this.out += `${text}>`;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c === this.opts.exclude) continue;
      if (c.nodeType === 1) this.element(c as Element, false);
      else if (c.nodeType === 8) {
        if (this.opts.comments) this.out += `<!--${(c as Comment).data}-->`;
      } else if (c.nodeType === 3 || c.nodeType === 4) this.out += encodeText((c as CharacterData).data);
      else this.out += leaf(c);
    }
    this.out += `</${el.tagName}>`;
    for (const [prefix] of own) scope.pop(prefix);
  }

  /** The `xml:` attributes the apex takes from its omitted ancestors (C14N 1.0 §2.4, 1.1 §2.4). */
  private inheritXmlAttributes(el: Element, shown: Rendered[]): void {
    const v11 = this.opts.version === '1.1';
    const has = (local: string) => shown.some((a) => a.ns === XML_NS && a.local === local);
    const bases: string[] = [];
    const own = shown.findIndex((a) => a.ns === XML_NS && a.local === 'base');
    if (v11 && own >= 0) bases.push(shown[own]!.value);
    for (let n = el.parentNode; n && n.nodeType === 1; n = n.parentNode) {
      const attrs = (n as Element).attributes;
      for (let i = 0; i < attrs.length; i++) {
        const a = attrs[i]!;
        if (a.namespaceURI !== XML_NS) continue;
        const local = a.localName ?? '';
        if (v11) {
          if (local === 'base') bases.push(a.value);
          if (local !== 'lang' && local !== 'space') continue;
        }
        if (!has(local)) shown.push({ name: a.name, ns: XML_NS, local, value: a.value });
      }
    }
    if (!v11 || bases.length === 0) return;
    const value = fixupBase(bases);
    if (own >= 0) shown.splice(own, 1);
    if (value) shown.push({ name: 'xml:base', ns: XML_NS, local: 'base', value });
  }
}

/**
 * libxml2's xml:base fix-up (c14n.c, xmlC14NFixupBaseAttr): starting from the innermost value, each outer
 * ancestor's xml:base is the base the result so far is resolved against; an outer value ending in "." or
 * ".." gets a "/" so that the join always goes up. `bases` runs from the innermost value outwards.
 */
function fixupBase(bases: string[]): string {
  let res = bases[0]!;
  for (const raw of bases.slice(1)) {
    const base = raw.length > 1 && raw[raw.length - 2] === '.' ? `${raw}/` : raw;
    res = resolveUri(res, base);
  }
  return res;
}

interface UriParts {
  scheme?: string;
  authority?: string;
  path: string;
  query?: string;
  fragment?: string;
}

const URI_PARTS = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/;

function splitUri(s: string): UriParts {
  const m = URI_PARTS.exec(s)!;
  return { scheme: m[1], authority: m[2], path: m[3] ?? '', query: m[4], fragment: m[5] };
}

/** RFC 3986 §5.2.4, keeping leading ".." of a relative path (there is nothing to go up to). */
function removeDotSegments(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  const segments = path.split('/');
  if (absolute) segments.shift();
  for (const [i, seg] of segments.entries()) {
    const last = i === segments.length - 1;
    if (seg === '.') {
      if (last) out.push('');
    } else if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      if (last) out.push('');
    } else out.push(seg);
  }
  return (absolute ? '/' : '') + out.join('/');
}

function mergePaths(base: UriParts, ref: string): string {
  if (base.authority !== undefined && base.path === '') return `/${ref}`;
  const cut = base.path.lastIndexOf('/');
  return cut >= 0 ? base.path.slice(0, cut + 1) + ref : ref;
}

/** RFC 3986 §5.2.2 reference resolution, relative bases included (xml:base values often are). */
export function resolveUri(reference: string, baseText: string): string {
  if (reference === '') return baseText;
  const r = splitUri(reference);
  const b = splitUri(baseText);
  let t: UriParts;
  if (r.scheme !== undefined) t = { ...r, path: removeDotSegments(r.path) };
  else if (r.authority !== undefined) t = { ...r, scheme: b.scheme, path: removeDotSegments(r.path) };
  else if (r.path === '') t = { scheme: b.scheme, authority: b.authority, path: b.path, query: r.query ?? b.query, fragment: r.fragment };
  else {
    const path = r.path.startsWith('/') ? r.path : mergePaths(b, r.path);
    t = { scheme: b.scheme, authority: b.authority, path: removeDotSegments(path), query: r.query, fragment: r.fragment };
  }
  let out = '';
  if (t.scheme !== undefined) out += `${t.scheme}:`;
  if (t.authority !== undefined) out += `//${t.authority}`;
  out += t.path;
  if (t.query !== undefined) out += `?${t.query}`;
  if (t.fragment !== undefined) out += `#${t.fragment}`;
  return out;
}

/** Canonical octets (as a string) of the subtree at `apex` with inclusive C14N 1.0 or 1.1. */
export function inclusiveC14n(apex: Element, opts: InclusiveOptions): string {
  return new Inclusive(apex, opts).run();
}
