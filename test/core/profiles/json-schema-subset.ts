// A strict interpreter of the JSON Schema (draft-07) keywords profile.schema.json uses, so the published schema
// can be checked against the validator without a schema library. A keyword it does not know is an error, so the
// schema cannot grow a rule this check silently ignores.
type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description']);
const KNOWN = new Set([
  ...ANNOTATIONS, 'definitions', '$ref', 'type', 'required', 'properties', 'additionalProperties', 'items', 'maxItems',
  'minLength', 'maxLength', 'pattern', 'enum', 'oneOf', 'propertyNames', 'maxProperties',
]);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (Number.isInteger(v)) return 'integer';
  return typeof v;
}

export function compile(root: Schema): (value: unknown) => boolean {
  const resolve = (ref: string): Schema => {
    const m = /^#\/definitions\/(.+)$/.exec(ref);
    const found = m ? (root.definitions as Record<string, Schema>)[m[1]!] : undefined;
    if (!found) throw new Error(`unresolvable $ref ${ref}`);
    return found;
  };
  const check = (s: Schema, v: unknown): boolean => {
    for (const k of Object.keys(s)) if (!KNOWN.has(k)) throw new Error(`schema keyword ${k} is not understood by this checker`);
    if (typeof s.$ref === 'string' && !check(resolve(s.$ref), v)) return false;
    if (s.type !== undefined) {
      const t = typeOf(v);
      if (!(s.type === t || (s.type === 'number' && t === 'integer'))) return false;
    }
    if (Array.isArray(s.enum) && !s.enum.includes(v)) return false;
    if (Array.isArray(s.oneOf) && s.oneOf.filter((x) => check(x as Schema, v)).length !== 1) return false;
    if (typeof v === 'string') {
      if (typeof s.minLength === 'number' && [...v].length < s.minLength) return false;
      if (typeof s.maxLength === 'number' && [...v].length > s.maxLength) return false;
      if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) return false;
    }
    if (Array.isArray(v)) {
      if (typeof s.maxItems === 'number' && v.length > s.maxItems) return false;
      if (s.items && !v.every((x) => check(s.items as Schema, x))) return false;
    }
    if (typeOf(v) === 'object') {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      const props = (s.properties ?? {}) as Record<string, Schema>;
      if (Array.isArray(s.required) && !s.required.every((k) => typeof k === 'string' && k in o)) return false;
      if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties) return false;
      if (s.propertyNames && !keys.every((k) => check(s.propertyNames as Schema, k))) return false;
      for (const k of keys) {
        if (props[k]) {
          if (!check(props[k], o[k])) return false;
        } else if (s.additionalProperties === false) return false;
        else if (typeof s.additionalProperties === 'object' && !check(s.additionalProperties as Schema, o[k])) return false;
      }
    }
    return true;
  };
  return (value) => check(root, value);
}
