// Builds and signs SAML messages in Node: the one signing code behind the test fixtures and the demo IdP/SP.
export { loadTestKey, type TestKey, type TestKeyName } from './keys';
export {
  buildResponse,
  buildAssertion,
  buildAuthnRequest,
  buildLogoutRequest,
  buildLogoutResponse,
  buildStatus,
  STATUS,
  NAMEID,
  DEFAULT_INSTANT,
  type ResponseSpec,
  type AuthnRequestSpec,
  type LogoutRequestSpec,
  type LogoutResponseSpec,
  type AttributeSpec,
  type StatusSpec,
} from './build';
export { signXml, ALG, type SignOptions } from './sign';
export { encodePostValue, encodeRedirectQuery, type RedirectOptions } from './encode';
export { shift } from './xml';
