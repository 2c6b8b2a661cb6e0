/*
 * Tables looked up by a name that comes from a message, a capture or a file. A plain object answers for
 * Object.prototype's names too: `table['constructor']` is a function and `table['__proto__']` an object, so a
 * StatusCode, an algorithm URI, a form field or a query parameter named that way was read as a known entry
 * (a misleading verdict, or a crash further on), and assigning `out['__proto__']` changes the object instead of
 * adding a field (test/core/prototype-names.test.ts).
 */

/** The table's own entry for `key`, never an inherited one. */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** An empty object to fill with names from the input: no prototype, so every name is a field like any other. */
export function dictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** `[name, value]` pairs (form fields) as each name's values in order, the shape webRequest and SAML-tracer use. */
export function groupByName(pairs: ReadonlyArray<readonly [string, string]>): Record<string, string[]> {
  const out = dictionary<string[]>();
  for (const [name, value] of pairs) {
    const values = out[name];
    if (values) values.push(value);
    else out[name] = [value];
  }
  return out;
}
