import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'SAML Lens',
    description: 'Capture, decode, verify and explain SAML single sign-on flows.',
    permissions: ['webRequest', 'storage'],
    host_permissions: ['<all_urls>'],
  },
});
