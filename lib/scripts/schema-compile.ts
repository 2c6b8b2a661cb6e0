// Compiles the shipped SAML XSD files into the table the core validates with (lib/core/schema/model.ts).
// Only the XML Schema constructs these four schemas use are supported; anything else stops the compiler, so a
// schema change that needs more cannot be compiled into something silently wrong.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type {
  AttributeUse,
  AttributeWildcard,
  ComplexType,
  ElementDeclaration,
  Namespaces,
  Particle,
  Process,
  SchemaModel,
  SimpleType,
} from '../core/schema/model';

export const SCHEMA_FILES = ['saml-schema-protocol-2.0.xsd', 'saml-schema-assertion-2.0.xsd', 'xmldsig-core-schema.xsd', 'xenc-schema.xsd'];

const XS = 'http://www.w3.org/2001/XMLSchema';
export const PREFIXES: Record<string, string> = {
  samlp: 'urn:oasis:names:tc:SAML:2.0:protocol',
  saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xenc: 'http://www.w3.org/2001/04/xmlenc#',
  xs: XS,
};
const PREFIX_OF = new Map(Object.entries(PREFIXES).map(([p, ns]) => [ns, p]));

interface Schema {
  file: string;
  target: string;
  qualifiedElements: boolean;
  qualifiedAttributes: boolean;
}

interface Global {
  el: Element;
  schema: Schema;
}

function children(el: Element, local?: string): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== 1) continue;
    const e = c as Element;
    if (e.namespaceURI !== XS) throw new Error(`unsupported element ${e.nodeName} in a schema`);
    if (e.localName === 'annotation') continue;
    if (!local || e.localName === local) out.push(e);
  }
  return out;
}

function nameOf(ns: string, local: string): string {
  if (!ns) return local;
  const prefix = PREFIX_OF.get(ns);
  if (!prefix) throw new Error(`no prefix for namespace ${ns}`);
  return `${prefix}:${local}`;
}

function qname(el: Element, value: string): string {
  const [prefix, local] = value.includes(':') ? value.split(':') : ['', value];
  return nameOf(namespaceOf(el, prefix!), local!);
}

function namespaceOf(el: Element, prefix: string): string {
  const attribute = prefix ? `xmlns:${prefix}` : 'xmlns';
  for (let n: Node | null = el; n && n.nodeType === 1; n = n.parentNode) {
    if ((n as Element).hasAttribute(attribute)) return (n as Element).getAttribute(attribute) ?? '';
  }
  if (prefix) throw new Error(`undeclared prefix ${prefix}`);
  return '';
}

function occurs(el: Element): { min: number; max: number } {
  const min = el.getAttribute('minOccurs');
  const max = el.getAttribute('maxOccurs');
  return { min: min ? Number(min) : 1, max: max === 'unbounded' ? -1 : max ? Number(max) : 1 };
}

function namespaces(value: string | null, target: string): Namespaces {
  const v = (value ?? '##any').trim();
  if (v === '##any') return { any: true };
  if (v === '##other') return { not: [target, ''] };
  return {
    only: v.split(/\s+/).map((t) => (t === '##targetNamespace' ? target : t === '##local' ? '' : t)),
  };
}

function process(el: Element): Process {
  const p = el.getAttribute('processContents') || 'strict';
  if (p !== 'strict' && p !== 'lax' && p !== 'skip') throw new Error(`processContents ${p}`);
  return p;
}

class Compiler {
  private elements = new Map<string, Global>();
  private complex = new Map<string, Global>();
  private simple = new Map<string, Global>();
  private groups = new Map<string, Global>();
  readonly model: SchemaModel = { namespaces: {}, elements: {}, types: {} };

  constructor(dir: string) {
    for (const file of SCHEMA_FILES) {
      const doc = new DOMParser().parseFromString(readFileSync(join(dir, file), 'utf8'), 'text/xml');
      const root = doc.documentElement;
      const schema: Schema = {
        file,
        target: root.getAttribute('targetNamespace') ?? '',
        qualifiedElements: root.getAttribute('elementFormDefault') === 'qualified',
        qualifiedAttributes: root.getAttribute('attributeFormDefault') === 'qualified',
      };
      for (const top of children(root)) {
        const name = top.getAttribute('name');
        const table = { element: this.elements, complexType: this.complex, simpleType: this.simple, attributeGroup: this.groups }[
          top.localName as 'element'
        ];
        if (top.localName === 'import') continue;
        if (!table || !name) throw new Error(`${file}: unsupported top-level ${top.localName}`);
        table.set(nameOf(schema.target, name), { el: top, schema });
      }
    }
    for (const [prefix, ns] of Object.entries(PREFIXES)) if (prefix !== 'xs') this.model.namespaces[prefix] = ns;
    this.model.namespaces.xs = XS;
    for (const [name, g] of this.elements) this.model.elements[name] = this.declaration(g.el, g.schema, name);
    for (const name of this.complex.keys()) this.complexType(name);
    for (const name of this.simple.keys()) this.simpleType(name);
  }

  private declaration(el: Element, schema: Schema, name: string): ElementDeclaration {
    const d: ElementDeclaration = { type: this.typeOf(el, schema, name) };
    if (el.getAttribute('nillable') === 'true') d.nillable = true;
    if (el.getAttribute('abstract') === 'true' || el.getAttribute('substitutionGroup')) throw new Error(`${name}: substitution groups are not supported`);
    return d;
  }

  /** The type of an element or attribute declaration: named, anonymous (compiled under `name~`), or anyType. */
  private typeOf(el: Element, schema: Schema, name: string): string {
    const type = el.getAttribute('type');
    if (type) {
      const t = qname(el, type);
      if (!t.startsWith('xs:')) {
        if (this.complex.has(t)) this.complexType(t);
        else if (this.simple.has(t)) this.simpleType(t);
        else throw new Error(`${name}: unknown type ${t}`);
      }
      return t;
    }
    const anonymous = children(el).find((c) => c.localName === 'complexType' || c.localName === 'simpleType');
    if (!anonymous) return 'xs:anyType';
    const key = `${name}~`;
    if (anonymous.localName === 'complexType') this.compileComplex(key, anonymous, schema);
    else this.model.types[key] = this.compileSimple(anonymous, key);
    return key;
  }

  private simpleType(name: string): SimpleType {
    const done = this.model.types[name];
    if (done) return done as SimpleType;
    const g = this.simple.get(name)!;
    const t = this.compileSimple(g.el, name);
    this.model.types[name] = t;
    return t;
  }

  private compileSimple(el: Element, name: string): SimpleType {
    const [restriction, ...rest] = children(el);
    if (!restriction || rest.length || restriction.localName !== 'restriction') throw new Error(`${name}: only restrictions are supported`);
    const base = qname(restriction, restriction.getAttribute('base')!);
    if (!base.startsWith('xs:')) this.simpleType(base);
    const t: SimpleType = { kind: 'simple', base };
    for (const facet of children(restriction)) {
      if (facet.localName !== 'enumeration') throw new Error(`${name}: facet ${facet.localName} is not supported`);
      (t.enumeration ??= []).push(facet.getAttribute('value')!);
    }
    return t;
  }

  private complexType(name: string): ComplexType {
    const done = this.model.types[name];
    if (done) return done as ComplexType;
    const g = this.complex.get(name);
    if (!g) throw new Error(`unknown complex type ${name}`);
    return this.compileComplex(name, g.el, g.schema);
  }

  private baseType(name: string): ComplexType | undefined {
    if (name === 'xs:anyType') return undefined;
    if (this.complex.has(name)) return this.complexType(name);
    throw new Error(`base ${name} is not a complex type`);
  }

  private compileComplex(name: string, el: Element, schema: Schema): ComplexType {
    const t: ComplexType = { kind: 'complex', attributes: {} };
    this.model.types[name] = t; // before recursing, so a type that refers to itself terminates
    if (el.getAttribute('abstract') === 'true') t.abstract = true;
    if (el.getAttribute('mixed') === 'true') t.mixed = true;
    const parts = children(el);
    const derivation = parts.find((c) => c.localName === 'simpleContent' || c.localName === 'complexContent');
    if (!derivation) {
      this.body(t, parts, schema, name);
      return t;
    }
    const [how, ...rest] = children(derivation);
    if (!how || rest.length) throw new Error(`${name}: malformed ${derivation.localName}`);
    const baseName = qname(how, how.getAttribute('base')!);
    if (derivation.getAttribute('mixed') === 'true') t.mixed = true;
    if (derivation.localName === 'simpleContent') {
      if (how.localName !== 'extension') throw new Error(`${name}: simpleContent restriction is not supported`);
      const base = baseName.startsWith('xs:') || this.simple.has(baseName) ? undefined : this.complexType(baseName);
      if (base && !base.simple) throw new Error(`${name}: simple content from a complex base`);
      if (!base && !baseName.startsWith('xs:')) this.simpleType(baseName);
      t.simple = base ? base.simple! : baseName;
      t.base = baseName;
      t.attributes = { ...(base?.attributes ?? {}) };
      if (base?.anyAttribute) t.anyAttribute = base.anyAttribute;
      this.body(t, children(how), schema, name);
      return t;
    }
    const base = this.baseType(baseName);
    if (baseName !== 'xs:anyType') t.base = baseName;
    if (how.localName === 'extension') {
      const inherited = base?.content;
      t.attributes = { ...(base?.attributes ?? {}) };
      if (base?.anyAttribute) t.anyAttribute = base.anyAttribute;
      this.body(t, children(how), schema, name);
      if (inherited) t.content = t.content ? { seq: [inherited, t.content], min: 1, max: 1 } : inherited;
      if (base?.mixed && !t.mixed) throw new Error(`${name}: element-only extension of mixed content`);
    } else if (how.localName === 'restriction') {
      // A restriction states its whole content and its own attribute wildcard; attribute uses are inherited.
      t.attributes = { ...(base?.attributes ?? {}) };
      this.body(t, children(how), schema, name);
    } else {
      throw new Error(`${name}: ${how.localName} is not supported`);
    }
    return t;
  }

  /** Content model, attributes and attribute wildcard stated directly in a type or its derivation. */
  private body(t: ComplexType, parts: Element[], schema: Schema, name: string): void {
    for (const part of parts) {
      switch (part.localName) {
        case 'sequence':
        case 'choice':
          t.content = this.particle(part, schema, name);
          break;
        case 'attribute':
          this.attribute(t.attributes, part, schema, name);
          break;
        case 'attributeGroup':
          this.attributeGroup(t.attributes, part, name);
          break;
        case 'anyAttribute': {
          const w: AttributeWildcard = { any: namespaces(part.getAttribute('namespace'), schema.target), process: process(part) };
          t.anyAttribute = t.anyAttribute ? union(t.anyAttribute, w) : w;
          break;
        }
        default:
          throw new Error(`${name}: ${part.localName} is not supported`);
      }
    }
  }

  private attribute(into: Record<string, AttributeUse>, el: Element, schema: Schema, owner: string): void {
    if (el.getAttribute('ref')) throw new Error(`${owner}: attribute references are not supported`);
    const local = el.getAttribute('name')!;
    const qualified = el.getAttribute('form') ? el.getAttribute('form') === 'qualified' : schema.qualifiedAttributes;
    const name = qualified ? nameOf(schema.target, local) : local;
    const use = el.getAttribute('use') || 'optional';
    if (use === 'prohibited') {
      delete into[name];
      return;
    }
    const type = this.typeOf(el, schema, `${owner}@${local}`);
    into[name] = use === 'required' ? { type, required: true } : { type };
  }

  private attributeGroup(into: Record<string, AttributeUse>, el: Element, owner: string): void {
    const ref = qname(el, el.getAttribute('ref')!);
    const g = this.groups.get(ref);
    if (!g) throw new Error(`${owner}: unknown attribute group ${ref}`);
    for (const part of children(g.el)) {
      if (part.localName === 'attribute') this.attribute(into, part, g.schema, owner);
      else if (part.localName === 'attributeGroup') this.attributeGroup(into, part, owner);
      else throw new Error(`${ref}: ${part.localName} is not supported`);
    }
  }

  private particle(el: Element, schema: Schema, owner: string): Particle {
    const { min, max } = occurs(el);
    switch (el.localName) {
      case 'sequence':
        return { seq: children(el).map((c) => this.particle(c, schema, owner)), min, max };
      case 'choice':
        return { choice: children(el).map((c) => this.particle(c, schema, owner)), min, max };
      case 'any':
        return { any: namespaces(el.getAttribute('namespace'), schema.target), process: process(el), min, max };
      case 'element': {
        const ref = el.getAttribute('ref');
        if (ref) {
          const name = qname(el, ref);
          const decl = this.model.elements[name] ?? this.declarationOf(name);
          return { el: name, ...decl, min, max };
        }
        const local = el.getAttribute('name')!;
        const qualified = el.getAttribute('form') ? el.getAttribute('form') === 'qualified' : schema.qualifiedElements;
        const name = qualified ? nameOf(schema.target, local) : local;
        const decl = this.declaration(el, schema, `${owner}/${name}`);
        return { el: name, ...decl, min, max };
      }
      default:
        throw new Error(`${owner}: ${el.localName} is not supported in a content model`);
    }
  }

  private declarationOf(name: string): ElementDeclaration {
    const g = this.elements.get(name);
    if (!g) throw new Error(`unknown element ${name}`);
    const d = this.declaration(g.el, g.schema, name);
    this.model.elements[name] = d;
    return d;
  }
}

function union(a: AttributeWildcard, b: AttributeWildcard): AttributeWildcard {
  if ('any' in a.any && a.any.any === true) return a;
  if ('any' in b.any && b.any.any === true) return b;
  throw new Error('attribute wildcard unions other than with ##any are not supported');
}

function sorted<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The text as a template literal's body: its own escapes, backquotes and `${` written so that it reads back as is. */
const templateText = (text: string) => text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

/** The TypeScript source of lib/core/schema/model.generated.ts for the XSD files in `dir`. */
export function compileSchemas(dir: string): string {
  const model = new Compiler(dir).model;
  const json = [
    '{',
    `"namespaces": ${JSON.stringify(model.namespaces)},`,
    '"elements": {',
    Object.entries(sorted(model.elements)).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n'),
    '},',
    '"types": {',
    Object.entries(sorted(model.types)).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n'),
    '}}',
  ].join('\n');
  const lines = [
    '// Generated by `npm run schema` from lib/core/schema/xsd/ (saml-schema-protocol-2.0, saml-schema-assertion-2.0,',
    '// xmldsig-core-schema, xenc-schema). Do not edit: change the compiler (lib/scripts/schema-compile.ts) instead.',
    "import type { SchemaModel } from './model';",
    '',
    '// One JSON text, not object literals: V8 reads JSON faster than it builds the same objects from literals, and',
    '// the CLI\'s code cache holds one string instead of thousands of constants (both part of every cold start).',
    `export const MODEL: SchemaModel = JSON.parse(\`${templateText(json)}\`);`,
    '',
  ];
  return lines.join('\n');
}
