import type { Problem } from '../model';
import { NS } from './ns';
import { ELEMENT, readText } from './nodes';
import { elementPath } from './paths';
import { detached } from './detached';

/*
 * Look-alike namespaces (issue 17, class 9). Namespace names are compared as strings, character for
 * character (Namespaces in XML 1.0 §2.3), so `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion ">`
 * (a trailing space) is not a SAML assertion: the view never reads it. But an SP that finds elements by
 * prefix or local name takes it, with the NameID it carries, for the assertion. Such an element is the
 * attacker's and must be named, never passed over in silence; so is a SAML 1.x element inside a SAML 2.0
 * message, which a SAML 2.0 message never carries.
 */

const SAML1_PROTOCOL = 'urn:oasis:names:tc:SAML:1.0:protocol';
const SAML_NAMESPACES = [NS.protocol, NS.assertion, NS.metadata, NS.saml1Assertion, SAML1_PROTOCOL];
const SAML1 = new Set<string>([NS.saml1Assertion, SAML1_PROTOCOL]);
/** Beyond this many, further look-alike elements add nothing a person needs to know. */
const MAX_REPORTED = 10;

/** Edit distance, or `max + 1` as soon as it is known to be larger (the caller only asks about near misses). */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return Math.min(prev[b.length]!, max + 1);
}

/**
 * The SAML namespace `ns` imitates, or undefined: the same text but for whitespace or letter case, the SAML
 * namespace with characters added at the end (`...assertion2`; SAML's own extension namespaces continue with
 * `:` and are not look-alikes), or up to two characters changed (`SAML:2.1`, a Cyrillic letter).
 */
export function imitatedNamespace(ns: string): string | undefined {
  if ((SAML_NAMESPACES as string[]).includes(ns)) return undefined;
  // Every message declares the same few other namespaces (ds, xs, xsi): their edit distances to the SAML
  // ones are computed once, not at every parse. Bounded: a hostile message's made-up namespaces cannot grow it.
  if (judged.has(ns)) return judged.get(ns);
  const real = closestSamlNamespace(ns);
  if (judged.size < 256) judged.set(detached(ns), real);
  return real;
}

const judged = new Map<string, string | undefined>();

function closestSamlNamespace(ns: string): string | undefined {
  const t = ns.replace(/\s+/g, '').toLowerCase();
  for (const real of SAML_NAMESPACES) {
    const r = real.toLowerCase();
    if (t === r || (t.startsWith(r) && t.charAt(r.length) !== ':')) return real;
  }
  let closest: string | undefined;
  let best = 3;
  for (const real of SAML_NAMESPACES) {
    const d = distance(t, real.toLowerCase(), 2);
    if (d < best) [closest, best] = [real, d];
  }
  return closest;
}

function difference(ns: string, real: string): string {
  if (ns.trim() === real) return /\s$/.test(ns) && !/^\s/.test(ns) ? 'whitespace at the end' : 'whitespace around it';
  if (ns.toLowerCase() === real.toLowerCase()) return 'other letter case';
  if (ns.trim().toLowerCase() === real.toLowerCase()) return 'whitespace and other letter case';
  if (ns.startsWith(real)) return `"${ns.slice(real.length)}" added at the end`;
  const foreign = [...ns].filter((c) => c.charCodeAt(0) > 0x7e || c.charCodeAt(0) < 0x20);
  if (foreign.length) return `characters that only look like it (${foreign.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ')})`;
  return 'a few characters changed';
}

/** The text of the first NameID or NameIdentifier inside `el`, whatever its namespace: what a loose reader takes. */
function carriedNameId(el: Element): string | undefined {
  const stack: Element[] = [el];
  while (stack.length) {
    const e = stack.pop()!;
    if (e.localName === 'NameID' || e.localName === 'NameIdentifier') return readText(e).value.trim().slice(0, 200);
    for (let c = e.lastChild; c; c = c.previousSibling) if (c.nodeType === ELEMENT) stack.push(c as Element);
  }
  return undefined;
}

function carrying(el: Element): string {
  const nameId = carriedNameId(el);
  return nameId !== undefined ? ` (it carries the NameID "${nameId}")` : '';
}

/** Sees every element once (from the document walk) and reports the outermost look-alike ones. */
export class NamespaceCheck {
  private readonly imitated = new Map<string, string | undefined>();
  private readonly flagged = new Set<Node>();
  private reported = 0;
  /** Outermost elements in a SAML 1.x namespace: wrong inside a SAML 2.0 message, normal in a WS-Federation token. */
  readonly saml1: Element[] = [];

  constructor(private readonly problems: Problem[]) {}

  visit(el: Element): void {
    const ns = el.namespaceURI;
    if (!ns) return;
    const parent = el.parentNode;
    if (SAML1.has(ns)) {
      if (!(parent && parent.nodeType === ELEMENT && SAML1.has((parent as Element).namespaceURI ?? ''))) this.saml1.push(el);
      return;
    }
    if (!this.imitated.has(ns)) this.imitated.set(ns, imitatedNamespace(ns));
    const real = this.imitated.get(ns);
    if (!real) return;
    const inside = !!parent && this.flagged.has(parent);
    this.flagged.add(el);
    if (inside || this.reported++ >= MAX_REPORTED) return;
    this.problems.push({
      rule: 'namespace-lookalike',
      message: `<${el.nodeName}> is in the namespace "${ns}", which imitates the SAML namespace "${real}" (${difference(ns, real)}) but is not it${carrying(el)}. SAML Lens does not read it as SAML; an SP that finds elements by prefix or local name would. No IdP sends this: treat the message as a forgery.`,
      location: elementPath(el),
    });
  }
}

/** SAML 1.x elements (NamespaceCheck.saml1) inside a SAML 2.0 message: reported once the message is known. */
export function saml1Problems(elements: Element[], messageName: string): Problem[] {
  return elements.slice(0, MAX_REPORTED).map((el) => ({
    rule: 'namespace-lookalike',
    message: `<${el.nodeName}> is in the SAML 1.x namespace "${el.namespaceURI}" inside a SAML 2.0 ${messageName}${carrying(el)}. A SAML 2.0 message never carries SAML 1.x elements: SAML Lens does not read it, an SP that matches the local name "${el.localName}" would. Treat the message as a forgery.`,
    location: elementPath(el),
  }));
}
