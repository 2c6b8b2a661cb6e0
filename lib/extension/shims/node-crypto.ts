/*
 * Stands in for Node's `crypto` in the extension build. xml-crypto's utils.js requires it for PEM helpers
 * (X509Certificate) that SAML Lens never calls: our verifier parses certificates itself and checks RSA
 * signatures with crypto.subtle. Empty on purpose, so no Node crypto polyfill lands in the bundle.
 */
export {};
