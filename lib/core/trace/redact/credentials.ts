// What counts as a credential: by the name it travels under (header, query or form parameter, JSON key) and,
// where there is no name (a URL path segment, a value of an ordinary parameter), by its shape.

/** Header names that always carry a credential. */
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'authentication',
  'x-api-key',
  'api-key',
  'apikey',
  'x-auth-token',
  'x-access-token',
  'x-refresh-token',
  'x-id-token',
  'x-csrf-token',
  'x-xsrf-token',
  'x-csrftoken',
  'x-amz-security-token',
  'x-goog-api-key',
  'x-ms-client-principal',
  'x-ms-token-aad-id-token',
  'x-ms-token-aad-access-token',
  // A challenge can carry a token too: Negotiate's (SPNEGO) answer in WWW-Authenticate (RFC 4559 §4.2).
  'www-authenticate',
  'proxy-authenticate',
]);

/**
 * Header names whose words say key, secret, token or signature, whatever the vendor prefix:
 * `Ocp-Apim-Subscription-Key` (Azure API Management), `X-Functions-Key`, `X-Vault-Token`, `PRIVATE-TOKEN`,
 * `X-Hub-Signature-256`, a session (`X-Okta-Session`), and any name ending in token (`X-AuthToken`, ASP.NET's `RequestVerificationToken`). A few
 * harmless headers match too (`Sec-WebSocket-Key`); losing those costs nothing.
 */
const CREDENTIAL_HEADER_PATTERN =
  /(^|[-_])(auth|authorization|token|secret|api-?key|key|csrf|xsrf|password|passwd|credentials?|session|session-?id|signature|sig|jwt|ticket)($|[-_])|token$/i;

export function isCredentialHeader(name: string): boolean {
  const n = name.toLowerCase();
  return CREDENTIAL_HEADERS.has(n) || CREDENTIAL_HEADER_PATTERN.test(n);
}

/**
 * Parameter names (query, fragment, form, JSON keys) whose values are credentials, compared without case:
 * passwords and one-time codes, OAuth/OIDC tokens and codes (`code`, `access_token`, `id_token`,
 * `refresh_token`, `client_secret`, `code_verifier`, `assertion`), API keys (Google `key=`), signed-URL
 * signatures (Azure SAS `sig=`, `X-Amz-Signature=`, `X-Amz-Credential=`, `X-Amz-Security-Token=`,
 * `X-Goog-Signature=`, CloudFront `Signature=`), session ids (`sid`, `jsessionid`, `PHPSESSID`) and CAS
 * tickets. SAMLRequest, SAMLResponse, SAMLart, RelayState and SigAlg never match; the HTTP-Redirect
 * binding's own `Signature` is left alone next to a SAML message (it is not a credential and the reader
 * needs it), see isCredentialParam.
 */
const CREDENTIAL_PARAMS = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'passcode',
  'pin',
  'secret',
  'token',
  'code',
  'otp',
  'totp',
  'mfa_code',
  'access_token',
  'id_token',
  'refresh_token',
  'client_secret',
  'client_assertion',
  'assertion',
  'assertion_token',
  'code_verifier',
  'api_key',
  'apikey',
  'key',
  'accesskey',
  'awsaccesskeyid',
  'sig',
  'signature',
  'auth',
  'jwt',
  'sid',
  'sessionid',
  'session_id',
  'jsessionid',
  'phpsessid',
  'ticket',
  // One-time codes and sessions by the names sign-in pages give them: Microsoft's otc, Cognito's Session and
  // SMS_MFA_CODE, and a bare pw.
  'pw',
  'otc',
  'session',
  'verificationcode',
  'verification_code',
  'mfacode',
  'totp_code',
  'sms_mfa_code',
  'smscode',
  'onetimecode',
]);

/** Names built from those words: `oauth_token`, `X-Amz-Signature`, `user_password`, `ASP.NET_SessionId`. */
const CREDENTIAL_PARAM_PATTERN =
  /password|passwd|passphrase|secret|token|credential|api[-_]?key|signature|verifier|otp$|^otp|(pwd|psw)$|(verification|mfa|otp|totp|sms|one[-_]?time|security|recovery|backup|auth|access|confirmation|reset)[-_]?codes?$|(^|[-_.])(sig|key|pin|auth|jwt|hmac|ticket|csrf|xsrf|session[-_]?id)($|[-_.])/i;

/** `userPass`, `loginPass`: "pass" as the last word of a camelCase name (never `bypass` or `compass`). */
const CAMEL_PASS = /[a-z0-9]Pass$/;

/** The name a reader means: `amp;token` (an `&amp;` split in XML) and `#/path?token` (a hash route) are `token`. */
function bareName(name: string): string {
  // One pass from the end: the check runs on every field, parameter and header name of an export.
  for (let i = name.length - 1; i >= 0; i--) {
    const c = name.charCodeAt(i);
    if (c === 0x3f || c === 0x3b || c === 0x2f || c === 0x23) return name.slice(i + 1);
  }
  return name;
}

/**
 * True for a parameter whose value is a credential. `samlContext`: the same query carries a SAML message,
 * so a `Signature` there is the HTTP-Redirect binding's (saml-bindings §3.4.4.1), kept like the message.
 */
export function isCredentialParam(name: string, samlContext = false): boolean {
  const bare = bareName(name);
  const n = bare.toLowerCase();
  if (samlContext && n === 'signature') return false;
  if (CREDENTIAL_PARAMS.has(n) || CREDENTIAL_PARAM_PATTERN.test(n)) return true;
  // A dotted name's last part on its own: PingFederate's sign-in form posts `pf.pass`.
  const last = bare.slice(bare.lastIndexOf('.') + 1);
  return CREDENTIAL_PARAMS.has(last.toLowerCase()) || CAMEL_PASS.test(last);
}

/** Form fields and JSON keys: no SAML context (the POST binding has no separate signature field). */
export function isSecretField(name: string): boolean {
  return isCredentialParam(name);
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** A JSON Web Token (JWS or JWE compact form): a base64url `{"` header, then at least two more parts. */
export function isJwt(value: string): boolean {
  if (!value.startsWith('eyJ')) return false;
  const parts = value.split('.');
  return parts.length >= 3 && (parts[0]?.length ?? 0) >= 8 && (parts[1]?.length ?? 0) >= 2 && parts.every((p) => BASE64URL.test(p));
}

/**
 * A long random token standing alone (a URL path segment such as `/reset/Zk9xQ2VtS3pPbWx4N2Fhb3BR`): an
 * alphanumeric run of at least 24 characters mixing upper case, lower case and digits, or of at least 32
 * mixing letters and digits; or base64url of at least 32 characters whose dashes or underscores split such
 * a mix into shorter runs (`AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY`). Identifiers readers need are left
 * alone: GUIDs (hex in runs of at most 12), Okta and Duo ids (20), slugs (words: no run mixes case and
 * digits), and Twilio SIDs (a two-letter prefix and 32 hex digits, https://www.twilio.com/docs/glossary/what-is-a-sid).
 */
export function looksLikeToken(value: string): boolean {
  if (isJwt(value)) return true;
  if (value.length < 24) return false;
  const joined = value.length >= 32 && BASE64URL.test(value);
  for (const run of value.split(/[^A-Za-z0-9]+/)) {
    if (run.length < (joined ? 12 : 24) || PREFIXED_HEX.test(run)) continue;
    const upper = /[A-Z]/.test(run);
    const lower = /[a-z]/.test(run);
    const digit = /[0-9]/.test(run);
    if (upper && lower && digit) return true;
    if (run.length >= 32 && digit && (upper || lower)) return true;
  }
  return false;
}

const PREFIXED_HEX = /^[A-Z]{1,4}[0-9a-f]{24,}$/;
