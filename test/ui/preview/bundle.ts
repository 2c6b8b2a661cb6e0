// Bundles the preview page (page.tsx: the real UI over an in-memory source) with esbuild into `out`, with
// the entries and settings it shows. Shared by the preview scripts; not part of `npm test`.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TraceEntry } from '../../../lib/core/model';

export async function buildPreview(out: string, entries: TraceEntry[], settings: Record<string, unknown> = {}): Promise<void> {
  await build({
    entryPoints: [join(import.meta.dirname, 'page.tsx')],
    bundle: true,
    format: 'esm',
    outdir: out,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
    // Like Vite's browser build: Node built-ins that xml-crypto requires (and the browser path never calls) become empty.
    plugins: [
      {
        name: 'node-builtins-empty',
        setup(b) {
          b.onResolve({ filter: /^(node:)?(crypto|fs|path|stream|util)$/ }, (a) => ({ path: a.path, namespace: 'empty' }));
          b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
        },
      },
    ],
  });
  const json = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');
  writeFileSync(
    join(out, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="page.css"><style>body{margin:0}</style></head>` +
      `<body><div id="app"></div><script>window.__ENTRIES__=${json(entries)};window.__SETTINGS__=${json(settings)}</script>` +
      `<script type="module" src="page.js"></script></body></html>`,
  );
}
