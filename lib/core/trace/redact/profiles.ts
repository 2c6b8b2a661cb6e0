/** What an export removes. `support` is the default: credentials out, the SAML content a support engineer needs in. */
export type RedactionProfile = 'none' | 'support' | 'share';

export const REDACTION_PROFILES: ReadonlyArray<{ id: RedactionProfile; title: string; description: string }> = [
  { id: 'none', title: 'No redaction', description: 'Everything as captured, cookies and credentials included. Keep it on this machine.' },
  {
    id: 'support',
    title: 'Support (default)',
    description:
      'Cookie and Set-Cookie values, Authorization and other credential headers, passwords, one-time codes and tokens removed wherever they appear. SAML content kept.',
  },
  {
    id: 'share',
    title: 'Share',
    description:
      'Support, and personal data (NameID, attribute values, e-mail addresses, names) replaced by consistent pseudonyms everywhere, the decoded SAML included.',
  },
];

export function isRedactionProfile(value: unknown): value is RedactionProfile {
  return value === 'none' || value === 'support' || value === 'share';
}

/** The text put where a credential was. URL-safe, so it survives in a query without escaping. */
export const REDACTED = 'REDACTED';

const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
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
  'authentication',
]);

/** Header names that carry a credential whatever the vendor prefix. */
const CREDENTIAL_HEADER_PATTERN = /(^|[-_])(auth|authorization|token|secret|api-?key|csrf|xsrf|password|passwd|credentials?|session-?id)($|[-_])/i;

export function isCredentialHeader(name: string): boolean {
  const n = name.toLowerCase();
  return CREDENTIAL_HEADERS.has(n) || CREDENTIAL_HEADER_PATTERN.test(n);
}

const SECRET_FIELDS = new Set([
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
  'assertion_token',
  'api_key',
  'apikey',
  'sessionid',
  'session_id',
  'jsessionid',
  'phpsessid',
]);

/** Field names (form, query, JSON keys) whose values are credentials. SAMLRequest/SAMLResponse never match. */
const SECRET_FIELD_PATTERN = /(password|passwd|passphrase|secret|token|otp$|^otp|credential|apikey|api_key)/i;

export function isSecretField(name: string): boolean {
  const n = name.toLowerCase();
  return SECRET_FIELDS.has(n) || SECRET_FIELD_PATTERN.test(n);
}

/** Attribute names (last URI segment, lower case, or an OID) whose values are personal names. */
const NAME_ATTRIBUTES = new Set([
  'displayname',
  'name',
  'givenname',
  'firstname',
  'first_name',
  'given_name',
  'sn',
  'surname',
  'lastname',
  'last_name',
  'family_name',
  'fullname',
  'full_name',
  'cn',
  'commonname',
  'nickname',
  'middlename',
  'urn:oid:2.5.4.42',
  'urn:oid:2.5.4.4',
  'urn:oid:2.5.4.3',
  'urn:oid:2.16.840.1.113730.3.1.241',
]);

export function isNameAttribute(name: string | undefined): boolean {
  if (!name) return false;
  const n = name.toLowerCase();
  if (NAME_ATTRIBUTES.has(n)) return true;
  const last = n.split(/[/#:]/).pop() ?? n;
  return NAME_ATTRIBUTES.has(last);
}
