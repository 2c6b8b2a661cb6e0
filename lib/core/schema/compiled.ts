import type { AttributeUse, AttributeWildcard, Particle } from './model';
import { own } from '../dictionary';
import { MODEL } from './model.generated';

/*
 * The generated model (model.generated.ts) as the validator reads it: objects of one shape per kind. JSON.parse
 * gives each type, declaration and particle the hidden class of its own set of keys, so the validator's reads of
 * `kind`, `type` or `nillable` met dozens of shapes, each read a look-up in V8's table of them, and each type's
 * attributes were an object of a shape of its own, read by a name from the message. With one shape per kind and
 * the attributes in maps, schema validation of a typical Response takes about a third less.
 */

/** An element's declaration, global or in a content model, in the shape of a particle that names an element. */
export type Declaration = Extract<Particle, { el: string }>;

export interface CompiledType {
  kind: 'complex' | 'simple';
  /** Complex: the type it derives from (absent: xs:anyType). Simple: a built-in or another simple type. */
  base: string | undefined;
  abstract: boolean;
  mixed: boolean;
  /** Simple content: the simple type its text must be. */
  simple: string | undefined;
  /** Element content; absent (and no `simple`) means empty. */
  content: Particle | undefined;
  attributes: Map<string, AttributeUse>;
  /** The attributes the type requires, in the model's order. */
  required: string[];
  anyAttribute: AttributeWildcard | undefined;
  enumeration: string[] | undefined;
}

export function declaration(el: string, type: string, nillable: true | undefined, min: number, max: number): Declaration {
  return { el, type, nillable, min, max };
}

function particle(p: Particle): Particle {
  if ('el' in p) return declaration(p.el, p.type, p.nillable, p.min, p.max);
  if ('seq' in p) return { seq: p.seq.map(particle), min: p.min, max: p.max };
  if ('choice' in p) return { choice: p.choice.map(particle), min: p.min, max: p.max };
  return { any: p.any, process: p.process, min: p.min, max: p.max };
}

const elements = new Map<string, Declaration>();
const types = new Map<string, CompiledType>();

/** The global declaration of an element (`saml:Issuer`), or undefined when the schemas declare none. */
export function elementDeclaration(name: string): Declaration | undefined {
  let d = elements.get(name);
  if (d === undefined) {
    // Compiled when first asked for, not when the module loads: a check meets a third of the model, and a CLI start
    // paid for all of it.
    const raw = own(MODEL.elements, name);
    if (!raw) return undefined;
    d = declaration(name, raw.type, raw.nillable, 1, 1);
    elements.set(name, d);
  }
  return d;
}

/** A type of the model (`saml:AssertionType`), or undefined for a built-in or an unknown name (own names only: `constructor` is none). */
export function compiledType(name: string): CompiledType | undefined {
  let c = types.get(name);
  if (c === undefined) {
    const t = own(MODEL.types, name);
    if (!t) return undefined;
    const attributes = new Map(t.kind === 'complex' ? Object.entries(t.attributes).map(([a, use]) => [a, { type: use.type, required: use.required }]) : []);
    c = {
      kind: t.kind,
      base: t.base,
      abstract: t.kind === 'complex' && t.abstract === true,
      mixed: t.kind === 'complex' && t.mixed === true,
      simple: t.kind === 'complex' ? t.simple : undefined,
      content: t.kind === 'complex' && t.content ? particle(t.content) : undefined,
      attributes,
      required: [...attributes].flatMap(([a, use]) => (use.required ? [a] : [])),
      anyAttribute: t.kind === 'complex' ? t.anyAttribute : undefined,
      enumeration: t.kind === 'simple' ? t.enumeration : undefined,
    };
    types.set(name, c);
  }
  return c;
}
