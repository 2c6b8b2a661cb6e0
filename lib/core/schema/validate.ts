import { CDATA, ELEMENT, TEXT } from '../xml/nodes';
import { elementPath } from '../xml/paths';
import { Automaton, matchesNamespace, type DfaState, type Term } from './automaton';
import { builtinBase, builtinValidator, collapse, isBuiltin, isQName, normalise, validBuiltin } from './datatypes';
import { compiledType, declaration, elementDeclaration, type CompiledType, type Declaration } from './compiled';
import { MODEL } from './model.generated';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XMLNS = 'http://www.w3.org/2000/xmlns/';
const PREFIX = new Map(Object.entries(MODEL.namespaces).map(([p, ns]) => [ns, p]));
const ANY_TYPE = 'xs:anyType';
// What an undeclared element whose xsi:type resolves is validated as.
const ANY_ELEMENT = declaration('', ANY_TYPE, undefined, 1, 1);

/** One way a message breaks the SAML schemas: where, and what the schema expected there. */
export interface SchemaViolation {
  /** Element path, as elsewhere in SAML Lens (`/Response/Assertion/Subject`). */
  path: string;
  message: string;
}

export interface SchemaResult {
  violations: SchemaViolation[];
  /** More violations were found than are listed. */
  truncated: boolean;
}

// Schema names already built, per SAML namespace: a message names the same few dozen elements again and again.
const KEYS = new Map<string, { prefix: string; keys: Map<string, string> }>();
for (const [ns, prefix] of PREFIX) KEYS.set(ns, { prefix, keys: new Map() });

/** Schema names for namespaces the SAML schemas define (`saml:Issuer`); other names as written. */
function nameKey(ns: string | null, local: string): string {
  if (!ns) return local;
  const known = KEYS.get(ns);
  if (!known) return `{${ns}}${local}`;
  let key = known.keys.get(local);
  if (key === undefined) {
    key = `${known.prefix}:${local}`;
    // Local names come from the messages: the cap keeps hostile ones from growing it without end.
    if (known.keys.size < 1024) known.keys.set(local, key);
  }
  return key;
}

/** The namespace URI of a schema name (`saml:Issuer`). */
function uriOf(key: string): string {
  const colon = key.indexOf(':');
  return colon < 0 ? '' : (MODEL.namespaces[key.slice(0, colon)] ?? '');
}

function keyOf(el: Element | Attr): string {
  return nameKey(el.namespaceURI, el.localName || el.nodeName);
}

/** How a message names an element: the schema's prefix for SAML's namespaces, otherwise the name and namespace. */
function shown(el: Element): string {
  const key = keyOf(el);
  if (!key.startsWith('{')) return key;
  return `${el.nodeName} (namespace ${JSON.stringify(el.namespaceURI)})`;
}

function termName(t: Term): string {
  if ('el' in t) return t.el;
  const ns = t.any;
  if ('any' in ns) return 'any element';
  if ('not' in ns) return `an element of another namespace than ${ns.not.filter(Boolean).map((u) => PREFIX.get(u) ?? u).join(', ')}`;
  return `an element of ${ns.only.map((u) => (u ? (PREFIX.get(u) ?? u) : 'no namespace')).join(' or ')}`;
}

function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? 'nothing') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function quote(value: string): string {
  const v = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return JSON.stringify(v);
}

const automata = new Map<string, Automaton>();

function automaton(typeName: string, t: CompiledType): Automaton {
  let a = automata.get(typeName);
  if (!a) {
    a = new Automaton(t.content);
    automata.set(typeName, a);
  }
  return a;
}

function parentType(name: string): string | undefined {
  const t = compiledType(name);
  if (t) return t.kind === 'simple' ? t.base : (t.base ?? ANY_TYPE);
  return builtinBase(name);
}

function derivesFrom(type: string, base: string): boolean {
  for (let t: string | undefined = type; t; t = parentType(t)) if (t === base) return true;
  return false;
}

/** What checking a value of one simple type needs, worked out once per type. */
interface SimpleRules {
  /** The built-in at the bottom of its chain (its whitespace and lexical rules). */
  builtin: string;
  /** Enumerations along the chain; the value must be in each. */
  enumerations: string[][];
  id: boolean;
  /** The built-in's lexical check. */
  valid: (raw: string) => boolean;
}

const simpleRules = new Map<string, SimpleRules>();

function rulesOf(type: string): SimpleRules {
  let r = simpleRules.get(type);
  if (r) return r;
  r = { builtin: type, enumerations: [], id: derivesFrom(type, 'xs:ID'), valid: () => true };
  for (let m = compiledType(type); m && m.kind === 'simple' && m.base; m = compiledType(m.base)) {
    if (m.enumeration) r.enumerations.push(m.enumeration);
    r.builtin = m.base;
  }
  r.valid = builtinValidator(r.builtin);
  simpleRules.set(type, r);
  return r;
}

/** Why a value is not of a simple type, or undefined when it is. */
function simpleProblem({ builtin, enumerations, valid }: SimpleRules, raw: string, el: Element): string | undefined {
  if (!valid(raw)) return `is not a valid ${builtin}`;
  if (builtin === 'xs:QName' || enumerations.length) {
    const value = normalise(builtin, raw);
    if (builtin === 'xs:QName' && value.includes(':') && lookupNamespace(el, value.slice(0, value.indexOf(':'))) === undefined) {
      return `uses the prefix "${value.slice(0, value.indexOf(':'))}", which no namespace declaration in scope defines`;
    }
    for (const e of enumerations) if (!e.includes(value)) return `must be one of ${orList(e.map((v) => `"${v}"`))}`;
  }
  return undefined;
}

function lookupNamespace(el: Element, prefix: string): string | undefined {
  const name = prefix ? `xmlns:${prefix}` : 'xmlns';
  for (let n: Node | null = el; n && n.nodeType === ELEMENT; n = n.parentNode) {
    const e = n as Element;
    if (e.hasAttribute(name)) return e.getAttribute(name) ?? '';
  }
  if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
  return prefix ? undefined : '';
}

/** A type name from an xsi:type QName, or undefined when it names no type the schemas (or XML Schema) define. */
function resolveType(el: Element, qname: string): string | undefined {
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  const ns = lookupNamespace(el, prefix);
  if (ns === undefined) return undefined;
  const key = nameKey(ns, qname.slice(colon + 1));
  return compiledType(key) || isBuiltin(key) ? key : undefined;
}

interface Consumed {
  el: Element;
  before: DfaState;
}

class Validator {
  readonly violations: SchemaViolation[] = [];
  truncated = false;
  private readonly ids = new Set<string>();

  constructor(private readonly limit: number) {}

  full(): boolean {
    return this.violations.length >= this.limit;
  }

  report(el: Element, message: string): void {
    if (this.full()) {
      this.truncated = true;
      return;
    }
    this.violations.push({ path: elementPath(el), message });
  }

  root(el: Element): void {
    const decl = elementDeclaration(keyOf(el));
    if (!decl) this.report(el, `${shown(el)} is not an element the SAML 2.0 schemas declare`);
    else this.element(el, decl);
  }

  element(el: Element, decl: Declaration): void {
    let type = decl.type;
    let nil: string | undefined;
    // The attributes to check against the type: most elements have no namespace declaration or xsi attribute,
    // and their own list is checked as it is, with no array made for it.
    let kept: Attr[] | undefined;
    const list = el.attributes;
    for (let i = 0; i < list.length; i++) {
      const a = list[i] as Attr;
      if (a.namespaceURI !== XMLNS && a.namespaceURI !== XSI) {
        kept?.push(a);
        continue;
      }
      kept ??= Array.prototype.slice.call(list, 0, i) as Attr[];
      if (a.namespaceURI === XSI) {
        const local = a.localName;
        if (local === 'type') {
          const q = collapse(a.value);
          const resolved = isQName(q) ? resolveType(el, q) : undefined;
          if (!resolved) {
            this.report(el, `xsi:type="${a.value}" on ${shown(el)} names no type the SAML schemas or XML Schema define, so SPs that validate refuse it`);
            return;
          }
          if (!derivesFrom(resolved, type)) {
            this.report(el, `xsi:type="${a.value}" on ${shown(el)} is not derived from its declared type ${type}`);
            return;
          }
          type = resolved;
        } else if (local === 'nil') nil = collapse(a.value);
        else if (local !== 'schemaLocation' && local !== 'noNamespaceSchemaLocation') kept.push(a);
      }
    }
    const attributes: ArrayLike<Attr> = kept ?? list;
    const model = compiledType(type);
    if (model?.kind === 'complex' && model.abstract) {
      this.report(el, `${shown(el)} has the abstract type ${type}: it needs an xsi:type naming a concrete type derived from it`);
      return;
    }
    if (nil !== undefined) {
      if (!validBuiltin('xs:boolean', nil)) this.report(el, `xsi:nil="${nil}" on ${shown(el)} is not a boolean`);
      else if (nil === 'true' || nil === '1') {
        if (!decl.nillable) this.report(el, `${shown(el)} may not be nil (xsi:nil)`);
        else if (el.firstChild && hasContent(el)) this.report(el, `${shown(el)} is nil (xsi:nil="true") but has content`);
        this.attributes(el, type, model, attributes);
        return;
      }
    }
    this.attributes(el, type, model, attributes);
    if (type === ANY_TYPE) return this.anyContent(el);
    if (!model || model.kind === 'simple' || model.simple) return this.simpleContent(el, model?.kind === 'complex' ? model.simple! : type);
    this.complexContent(el, type, model);
  }

  private attributes(el: Element, type: string, model: CompiledType | undefined, attributes: ArrayLike<Attr>): void {
    if (type === ANY_TYPE) return;
    const complex = model?.kind === 'complex' ? model : undefined;
    for (let i = 0; i < attributes.length; i++) {
      const a = attributes[i]!;
      const key = keyOf(a);
      const use = complex?.attributes.get(key);
      if (use) {
        const rules = rulesOf(use.type);
        const problem = simpleProblem(rules, a.value, el);
        if (problem) this.report(el, `attribute ${a.name}=${quote(a.value)} of ${shown(el)} ${problem}`);
        else if (rules.id) this.id(el, a);
        continue;
      }
      const wildcard = complex?.anyAttribute;
      if (wildcard && matchesNamespace(wildcard.any, a.namespaceURI ?? '') && wildcard.process !== 'strict') continue;
      this.report(el, `attribute ${a.name} is not allowed on ${shown(el)}`);
    }
    if (!complex) return;
    for (const name of complex.required) {
      if (!el.hasAttribute(name)) this.report(el, `attribute ${name} missing on ${shown(el)}: the schema requires it`);
    }
  }

  private id(el: Element, a: Attr): void {
    const value = normalise('xs:ID', a.value);
    if (this.ids.has(value)) this.report(el, `ID "${value}" of ${shown(el)} is carried by another element too; xs:ID values must be unique`);
    else this.ids.add(value);
  }

  private simpleContent(el: Element, type: string): void {
    let text = '';
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === ELEMENT) {
        this.report(el, `${shown(el)} may hold only text (${type}), not the element ${shown(c as Element)}`);
        return;
      }
      if (c.nodeType === TEXT || c.nodeType === CDATA) text += (c as CharacterData).data;
    }
    const problem = simpleProblem(rulesOf(type), text, el);
    if (problem) this.report(el, `the text ${quote(text)} of ${shown(el)} ${problem}`);
  }

  /** xs:anyType: any attributes, mixed content; children the schemas declare are validated (lax). */
  private anyContent(el: Element): void {
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT) this.lax(c as Element);
  }

  private lax(el: Element): void {
    const decl = elementDeclaration(keyOf(el));
    if (decl) return this.element(el, decl);
    // An undeclared element with an xsi:type that resolves is validated against that type.
    for (const a of Array.from(el.attributes)) {
      if (a.namespaceURI === XSI && a.localName === 'type') {
        const q = collapse(a.value);
        const type = isQName(q) ? resolveType(el, q) : undefined;
        if (type) this.element(el, ANY_ELEMENT);
      }
    }
  }

  private complexContent(el: Element, typeName: string, t: CompiledType): void {
    const a = automaton(typeName, t);
    let state: DfaState | undefined = a.start;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT || c.nodeType === CDATA) {
        if (!t.mixed && /\S/.test((c as CharacterData).data)) {
          this.report(el, `${shown(el)} may hold only elements, not the text ${quote((c as CharacterData).data.trim())}`);
        }
        continue;
      }
      if (c.nodeType !== ELEMENT) continue;
      const child = c as Element;
      const key = keyOf(child);
      if (state) {
        const hit = state.step(key, child.namespaceURI ?? '');
        if (hit) {
          state = hit.to;
          this.term(child, hit.term);
          continue;
        }
        this.report(child, misplaced(el, child, state, consumedBefore(el, a, child)));
        state = undefined;
      }
      // After the content model broke, children it names are still checked against their declarations.
      const known = a.start.automaton.nfa.edges.flat().find((e) => 'el' in e.term && e.term.el === key);
      if (known) this.term(child, known.term);
    }
    if (state && !state.accepting) this.report(el, incomplete(el, state, consumedBefore(el, a, null)));
  }

  private term(child: Element, term: Term): void {
    if ('el' in term) return this.element(child, term);
    if (term.process === 'skip') return;
    const decl = elementDeclaration(keyOf(child));
    if (decl) return this.element(child, decl);
    if (term.process === 'strict') {
      this.report(child, `${shown(child)} is not an element the schemas declare, and ${shown(child.parentNode as Element)} accepts only declared elements here`);
    } else this.lax(child);
  }
}

/**
 * The children the content model took before `stop` (null: all of them), each with the state it was taken in,
 * for the messages: worked out again only when there is something to report, not kept for every child.
 */
function consumedBefore(el: Element, a: Automaton, stop: Node | null): Consumed[] {
  const out: Consumed[] = [];
  let state: DfaState | null = a.start;
  for (let c = el.firstChild; c && c !== stop && state; c = c.nextSibling) {
    if (c.nodeType !== ELEMENT) continue;
    const hit: { to: DfaState } | null = state.step(keyOf(c as Element), (c as Element).namespaceURI ?? '');
    if (hit) out.push({ el: c as Element, before: state });
    state = hit?.to ?? null;
  }
  return out;
}

function hasContent(el: Element): boolean {
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT || c.nodeType === TEXT || c.nodeType === CDATA) return true;
  return false;
}

/** Named elements that lead from `state` to one accepting `key` (or to the end when key is undefined). */
function missingBefore(state: DfaState, key: string | undefined, uri: string): string[] | undefined {
  const queue: Array<{ s: DfaState; path: string[] }> = [{ s: state, path: [] }];
  const seen = new Set<DfaState>([state]);
  while (queue.length) {
    const { s, path } = queue.shift()!;
    if (path.length && (key === undefined ? s.accepting : s.step(key, uri))) return path;
    if (path.length >= 3) continue;
    for (const t of s.expected()) {
      if (!('el' in t)) continue;
      const next = s.step(t.el, uriOf(t.el))?.to;
      if (next && !seen.has(next)) {
        seen.add(next);
        queue.push({ s: next, path: [...path, t.el] });
      }
    }
  }
  return undefined;
}

function misplaced(parent: Element, child: Element, state: DfaState, consumed: Consumed[]): string {
  const key = keyOf(child);
  const uri = child.namespaceURI ?? '';
  const missing = missingBefore(state, key, uri);
  if (missing) return `${shown(parent)}: expected ${orList(missing)} before ${shown(child)}`;
  const earlier = consumed.find((c) => c.before.step(key, uri));
  if (earlier && keyOf(earlier.el) === key) return `${shown(parent)}: ${shown(child)} appears more often than the schema allows there`;
  if (earlier) return `${shown(parent)}: ${shown(child)} must come before ${shown(earlier.el)}`;
  const named = state.automaton.nfa.edges.flat().some((e) => 'el' in e.term && e.term.el === key);
  if (named) return `${shown(parent)}: ${shown(child)} appears more often than the schema allows there`;
  const expected = state.expected().map(termName);
  if (state.accepting) expected.push(`the end of ${shown(parent)}`);
  return `${shown(parent)} may not contain ${shown(child)} here; expected ${orList(expected)}`;
}

function incomplete(parent: Element, state: DfaState, consumed: Consumed[]): string {
  const missing = missingBefore(state, undefined, '') ?? state.expected().map(termName);
  const last = consumed[consumed.length - 1];
  const where = last ? `after ${shown(last.el)}` : 'as its first child';
  return `${shown(parent)} lacks ${orList(missing)}, which the schema requires ${where}`;
}

/**
 * Validates a SAML message (or a bare assertion) against the SAML 2.0 protocol and assertion schemas with
 * XML Signature and XML Encryption, as an SP that validates (python3-saml, ruby-saml, php-saml, Shibboleth)
 * does. Works on the tree the core already has; never throws for any tree. At most `limit` violations
 * are listed.
 */
export function validateSchema(root: Element, limit = 20): SchemaResult {
  const v = new Validator(limit);
  v.root(root);
  return { violations: v.violations, truncated: v.truncated };
}
