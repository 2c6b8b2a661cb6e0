/*
 * What `wxt/browser` and `@wxt-dev/browser` resolve to in the extension build (aliases in wxt.config.ts):
 * WXT's storage helpers (wxt/utils/storage) and WXT's own runtime then call the same promise-based
 * webextension-polyfill as lib/extension does, instead of the bare chrome/browser global.
 */
export { default as browser } from 'webextension-polyfill';
