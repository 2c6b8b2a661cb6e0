import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * Extension pages may run only the extension's own scripts and may not open any connection: captured
 * SAML (bearer tokens, personal data) must never leave the browser, so `connect-src 'none'` makes a
 * stray fetch fail loudly instead of leaking. Styles may be inline because Preact components set them;
 * scripts may not. No `frame-ancestors`: DevTools frames the panel.
 */
const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "object-src 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const local = (path: string) => fileURLToPath(new URL(`./${path}`, import.meta.url));

/**
 * Everything signature verification needs in the browser (our verifier and XML parse, xml-crypto's
 * canonicaliser, xmldom, the synchronous hashes). Kept in one chunk, `chunks/verifier-<hash>.js`, so its
 * size can be measured on the real build (test/bench/bench.ts) and does not creep up unnoticed.
 */
const VERIFIER_MODULES = /[\\/](lib[\\/]core[\\/](signature|xml)[\\/]|node_modules[\\/](xml-crypto|xpath|@xmldom|@noble[\\/]hashes)[\\/])/;

/** ES-module builds only (the pages); the background is one IIFE file and cannot be split. */
function verifierChunk(): Plugin {
  return {
    name: 'saml-lens:verifier-chunk',
    outputOptions(output) {
      if (output.format !== 'es') return null;
      return { ...output, codeSplitting: { groups: [{ name: 'verifier', test: VERIFIER_MODULES }] } };
    },
  };
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  vite: () => ({
    plugins: [preact(), verifierChunk()],
    resolve: {
      alias: [
        // One promise-based extension API for Chrome and Firefox: webextension-polyfill. lib/extension
        // imports it directly; these make WXT's storage helpers and runtime use it too (what the
        // @wxt-dev/webextension-polyfill module does for wxt/browser; wxt/utils/storage imports
        // @wxt-dev/browser directly, so both are aliased).
        { find: /^(wxt|@wxt-dev)\/browser$/, replacement: local('lib/extension/wxt-browser.ts') },
        // Node-only or dead dependencies of xml-crypto's canonicaliser (see the shims for why).
        { find: /^crypto$/, replacement: local('lib/extension/shims/node-crypto.ts') },
        { find: /^xpath$/, replacement: local('lib/extension/shims/xpath.ts') },
      ],
    },
    build: {
      sourcemap: false,
      // Vite's 500 kB warning is about pages fetched over a network; an extension's files are read from disk,
      // and the background (a service worker, or Firefox's background script) is one file: every build warned
      // about background.js (about 640 kB) and the pages' shared chunk (about 520 kB) for nothing. About twice
      // today's largest file still warns before one grows out of proportion.
      chunkSizeWarningLimit: 1300,
    },
  }),
  suppressWarnings: { firefoxDataCollection: true },
  // Firefox Add-ons asks for the sources it can rebuild the add-on from (`npm ci && npm run build:firefox`,
  // see README); build output and local scratch are not sources.
  zip: { excludeSources: ['dist/**', 'test-results/**', '.tmp/**', '.vitest/**', '*.tgz'] },
  manifest: ({ browser }) => ({
    name: 'SAML Lens',
    description: 'Capture, decode, verify and explain SAML single sign-on flows. Nothing leaves your browser.',
    // webRequest: observe (never block or change) requests to capture SAML messages.
    // storage: keep captures and settings inside the browser.
    permissions: ['webRequest', 'storage'],
    // Read-only access to the requests of every http(s) site, since an IdP or SP can live anywhere.
    host_permissions: ['http://*/*', 'https://*/*'],
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    action: { default_title: 'SAML Lens' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'saml-lens@example.org',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          minimum_chrome_version: '116',
          // Pages on this machine only (the demo start page, a developer's own SP) may offer settings; the
          // extension shows the offer and applies it only when the person clicks Apply (settings-offer.ts).
          externally_connectable: { matches: ['http://127.0.0.1/*', 'http://localhost/*'] },
        }),
  }),
});
