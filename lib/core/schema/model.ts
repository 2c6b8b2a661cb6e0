/**
 * The shape of the compiled SAML schemas (`model.generated.ts`, written by `npm run schema` from the XSD files
 * in `xsd/`). Names are `prefix:local` with the fixed prefixes of PREFIXES (`xs` for XML Schema's built-in
 * types); an element or attribute in no namespace has no prefix. Derivations are already flattened: a type's
 * content and attributes are everything it allows, its base's included.
 */

/** A namespace constraint of a wildcard: any namespace, any but these, or only these ('' is no namespace). */
export type Namespaces = { any: true } | { not: string[] } | { only: string[] };

export type Process = 'strict' | 'lax' | 'skip';

/** maxOccurs -1 is unbounded. */
export type Particle =
  | { el: string; type: string; nillable?: true; min: number; max: number }
  | { seq: Particle[]; min: number; max: number }
  | { choice: Particle[]; min: number; max: number }
  | { any: Namespaces; process: Process; min: number; max: number };

export interface AttributeUse {
  type: string;
  required?: true;
}

export interface AttributeWildcard {
  any: Namespaces;
  process: Process;
}

export interface ComplexType {
  kind: 'complex';
  /** The type it is derived from; absent means xs:anyType. */
  base?: string;
  abstract?: true;
  mixed?: true;
  /** Simple content: the simple type its text must be. */
  simple?: string;
  /** Element content; absent (and no `simple`) means empty. */
  content?: Particle;
  attributes: Record<string, AttributeUse>;
  anyAttribute?: AttributeWildcard;
}

export interface SimpleType {
  kind: 'simple';
  /** A built-in (`xs:…`) or another simple type of the model. */
  base: string;
  enumeration?: string[];
}

export interface ElementDeclaration {
  type: string;
  nillable?: true;
}

export interface SchemaModel {
  /** Namespace URI by prefix; the prefixes the names and messages use. */
  namespaces: Record<string, string>;
  /** Global element declarations: what may be a root or be matched by a wildcard. */
  elements: Record<string, ElementDeclaration>;
  types: Record<string, ComplexType | SimpleType>;
}
