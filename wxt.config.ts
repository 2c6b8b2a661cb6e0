import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

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

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
  suppressWarnings: { firefoxDataCollection: true },
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
      : { minimum_chrome_version: '116' }),
  }),
});
