import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'dist/', 'test-results/', '.tmp/', '.vitest/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['lib/cli/**', 'lib/node/**', 'lib/scripts/**', 'lib/demo/**', 'lib/samlgen/**', 'test/**', '*.config.*'],
    languageOptions: { globals: { process: 'readonly', Buffer: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // The CLI's launcher is CommonJS (lib/cli/bin.cjs: Node's ESM loader costs every start several ms).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', __dirname: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The core runs in the extension, in Node and in tests: it may not reach for either platform.
    files: ['lib/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'chrome', 'browser',
          'fetch', 'XMLHttpRequest', 'DOMParser', 'XMLSerializer', 'DecompressionStream', 'process', 'Buffer',
          'require', 'global', '__dirname', 'setImmediate'].map((name) => ({
          name,
          message: 'lib/core is platform-free: no browser or Node globals (web-standard crypto, TextEncoder/TextDecoder, atob are fine).',
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'lib/core is platform-free: no Node APIs.' },
            { group: ['webextension-polyfill', 'wxt/*', 'preact', 'preact/*'], message: 'lib/core is platform-free.' },
            { group: ['**/extension/**', '**/ui/**', '**/cli/**', '**/node/**'], message: 'lib/core may not import outer layers.' },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'webextension-polyfill'], message: 'lib/ui gets its data source injected.' }] },
      ],
    },
  },
);
