// An esbuild plugin for the CLI bundle: the named packages are run on first use instead of at start-up.
// Their functions and classes are replaced by stand-ins that require the real module when first called;
// esbuild bundles a required ES module as a body that runs when required. For packages whose top level does
// real work (fflate builds its Huffman tables) that a plain `check` of a POST message never needs.
// Only function and class exports, and plain objects of functions, are lazy: importing anything else fails
// the build, never the run.
// With `from`, the packages are not in this bundle at all: the stand-ins take them from the module of that
// name, a second bundle of them (lib/scripts/build-node.mjs), so a start that never uses them never reads them.

/** @param {string[]} packages @param {{ from?: string }} [options] @returns {import('esbuild').Plugin} */
export function lazyPackages(packages, { from } = {}) {
  return {
    name: 'lazy-packages',
    setup(build) {
      onPackages(build, packages, (path, name) => ({ path, namespace: 'lazy-package', pluginData: { name } }));
      build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, async (args) => {
        const module = await import(args.path);
        const names = Object.keys(module).filter((name) => typeof module[name] === 'function');
        // A namespace object of functions (fast-xml-parser's XMLValidator) gets one stand-in per function.
        const holders = Object.keys(module).filter((name) => isObjectOfFunctions(module[name]));
        const stub = (name) =>
          `export function ${name}(...args) { const real = load().${name}; return new.target ? Reflect.construct(real, args) : real.apply(this, args); }`;
        const holder = (name) =>
          `export const ${name} = { ${Object.keys(module[name])
            .map((fn) => `${JSON.stringify(fn)}(...args) { return load().${name}[${JSON.stringify(fn)}](...args); }`)
            .join(', ')} };`;
        return {
          contents: [
            `let module;`,
            from
              ? `const load = () => (module ??= require(${JSON.stringify(from)})[${JSON.stringify(args.pluginData.name)}]());`
              : `const load = () => (module ??= require(${JSON.stringify(args.path)}));`,
            ...names.map(stub),
            ...holders.map(holder),
          ].join('\n'),
          resolveDir: process.cwd(),
          loader: 'js',
        };
      });
    },
  };
}

/** A plain object whose own properties are all functions, stood in for one function at a time. */
function isObjectOfFunctions(value) {
  if (!value || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => typeof value[key] === 'function');
}

/**
 * Resolves `require()` of the named packages as an `import` would: the ES build that a bundle importing them
 * gets, not the CommonJS build.
 * @param {string[]} packages @returns {import('esbuild').Plugin}
 */
export function asImported(packages) {
  return {
    name: 'as-imported',
    setup(build) {
      onPackages(build, packages, (path) => ({ path }), 'import-statement');
    },
  };
}

/**
 * Has `found` decide where an import of one of `packages` goes, given the file esbuild's own resolution picks
 * (for the import's kind, or `kind`) and the package's name.
 * @param {import('esbuild').PluginBuild} build @param {string[]} packages
 * @param {(path: string, name: string) => import('esbuild').OnResolveResult} found @param {import('esbuild').ImportKind} [kind]
 */
function onPackages(build, packages, found, kind) {
  const filter = new RegExp(`^(${packages.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
  build.onResolve({ filter }, async (args) => {
    if (args.pluginData?.real) return undefined;
    const real = await build.resolve(args.path, { kind: kind ?? args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { real: true } });
    return real.errors.length ? { errors: real.errors } : found(real.path, args.path);
  });
}
