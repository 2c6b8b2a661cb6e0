/**
 * The claim names IdPs send by default (or offer in their pick lists), with what each means, so that a profile
 * wanting a bare name (`email`, `full_name`, `FirstName`, `roles`) recognises the value under an IdP's name.
 */
export type ClaimMeaning = 'email' | 'name' | 'givenName' | 'surname' | 'displayName' | 'groups' | 'role' | 'upn';

export interface Claim {
  name: string;
  meaning: ClaimMeaning;
}

// Microsoft Entra ID, "SAML token claims reference":
// https://learn.microsoft.com/en-us/entra/identity-platform/reference-saml-tokens
// and the default claims of "Customize SAML token claims":
// https://learn.microsoft.com/en-us/entra/identity-platform/saml-claims-customization
const ENTRA: Claim[] = [
  { name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', meaning: 'email' },
  { name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name', meaning: 'name' },
  { name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname', meaning: 'givenName' },
  { name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname', meaning: 'surname' },
  { name: 'http://schemas.microsoft.com/identity/claims/displayname', meaning: 'displayName' },
  { name: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups', meaning: 'groups' },
  { name: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role', meaning: 'role' },
];

// AD FS claim types are the .NET ClaimTypes URIs:
// https://learn.microsoft.com/en-us/dotnet/api/system.security.claims.claimtypes
// (Email, Name, GivenName, Surname, Upn, Role); Common Name and Group are AD FS's own:
// https://learn.microsoft.com/en-us/previous-versions/windows-identity-foundation/ee727572(v=msdn.10) (CommonName),
// https://www.ibm.com/support/knowledgecenter/en/SSCT62/com.ibm.iamservice.doc/concepts/saml_assertion_credential_token_mapping_adfs_azure.html (Group)
const ADFS: Claim[] = [
  { name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn', meaning: 'upn' },
  { name: 'http://schemas.xmlsoap.org/claims/CommonName', meaning: 'name' },
  { name: 'http://schemas.xmlsoap.org/claims/Group', meaning: 'groups' },
  { name: 'http://schemas.xmlsoap.org/claims/EmailAddress', meaning: 'email' },
  { name: 'http://schemas.xmlsoap.org/claims/UPN', meaning: 'upn' },
];

// Okta: attribute statements are often named after the Okta Expression Language profile fields they map,
// https://developer.okta.com/docs/reference/okta-expression-language/ (user.firstName, user.lastName,
// user.displayName, user.email, user.login).
const OKTA: Claim[] = [
  { name: 'user.email', meaning: 'email' },
  { name: 'user.firstName', meaning: 'givenName' },
  { name: 'user.lastName', meaning: 'surname' },
  { name: 'user.displayName', meaning: 'displayName' },
  { name: 'user.login', meaning: 'upn' },
];

// Google Workspace's SAML attribute mapping offers the directory fields under these names:
// https://support.google.com/a/answer/6087519 (Basic information: First name, Last name, Primary email).
const GOOGLE: Claim[] = [
  { name: 'First name', meaning: 'givenName' },
  { name: 'Last name', meaning: 'surname' },
  { name: 'Primary email', meaning: 'email' },
];

/** The table by IdP, for tests and documentation. */
export const IDP_CLAIMS: Record<'entra-id' | 'adfs' | 'okta' | 'google', readonly Claim[]> = { 'entra-id': ENTRA, adfs: ADFS, okta: OKTA, google: GOOGLE };

const BY_NAME = new Map([...ENTRA, ...ADFS, ...OKTA, ...GOOGLE].map((c) => [c.name.toLowerCase(), c.meaning]));

/** What a known IdP claim name means, or undefined. Compared without case, as IdP consoles treat them. */
export function claimMeaning(name: string): ClaimMeaning | undefined {
  return BY_NAME.get(name.trim().toLowerCase());
}

/** Bare names (squashed: lower case, no separators) that say which meanings an SP's attribute wants. */
const WANTS: Array<[ClaimMeaning[], string[]]> = [
  [['email'], ['email', 'mail', 'emailaddress', 'emailaddr']],
  [['name', 'displayName'], ['fullname', 'name', 'displayname', 'cn', 'commonname']],
  [['givenName'], ['firstname', 'givenname']],
  [['surname'], ['lastname', 'surname', 'familyname', 'sn']],
  [['groups', 'role'], ['roles', 'role', 'groups', 'group', 'memberof']],
  [['upn'], ['upn', 'userprincipalname', 'username', 'login']],
];

export const squash = (s: string): string => s.trim().toLowerCase().replace(/[\s._-]+/g, '');

/** The claim meanings an attribute named `name` (with these aliases) is after. */
export function wantedMeanings(name: string, aliases: readonly string[] = []): ClaimMeaning[] {
  const names = new Set([name, ...aliases].map(squash));
  return WANTS.flatMap(([meanings, spellings]) => (spellings.some((s) => names.has(s)) ? meanings : []));
}

/** Meanings that together make up one a profile wants: a full name is a given name and a surname. */
export const PARTS: Partial<Record<ClaimMeaning, ClaimMeaning[]>> = { name: ['givenName', 'surname'], displayName: ['givenName', 'surname'] };
