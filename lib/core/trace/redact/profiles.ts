/** What an export removes. `support` is the default: credentials out, the SAML content a support engineer needs in. */
export type RedactionProfile = 'none' | 'support' | 'share';

export const REDACTION_PROFILES: ReadonlyArray<{ id: RedactionProfile; title: string; description: string }> = [
  { id: 'none', title: 'No redaction', description: 'Everything as captured, cookies and credentials included. Keep it on this machine.' },
  {
    id: 'support',
    title: 'Support (default)',
    description:
      'Cookie and Set-Cookie values, Authorization and other credential headers, passwords, one-time codes, API keys, signed-URL signatures and tokens (in any URL, the RelayState included, and in URL paths) removed wherever they appear, a SAML attribute that carries a password or key included. The rest of the SAML content kept.',
  },
  {
    id: 'share',
    title: 'Share',
    description:
      'Support, and personal data (NameID, SessionIndex, attribute values, e-mail addresses, names) replaced by consistent pseudonyms everywhere, the decoded SAML included.',
  },
];

export function isRedactionProfile(value: unknown): value is RedactionProfile {
  return value === 'none' || value === 'support' || value === 'share';
}

/** The text put where a credential was. URL-safe, so it survives in a query without escaping. */
export const REDACTED = 'REDACTED';

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
