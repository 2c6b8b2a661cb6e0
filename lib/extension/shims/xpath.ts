/*
 * Stands in for the `xpath` package in the extension build. xml-crypto's utils.js requires it for
 * findAncestorNs, which the canonicalisers SAML Lens uses never call (we resolve signed elements through
 * our own ID index, never by XPath); bundling it would add about 18 KB gzipped of dead code to every page.
 * If a future change does reach it, the failure is loud, and test/e2e/verify-in-browser.test.ts, which
 * compares browser and Node verdicts, catches it.
 */
function unavailable(): never {
  throw new Error('SAML Lens: xpath is not bundled in the extension (see lib/extension/shims/xpath.ts)');
}

export const select = unavailable;
export const selectWithResolver = unavailable;
export const useNamespaces = unavailable;
