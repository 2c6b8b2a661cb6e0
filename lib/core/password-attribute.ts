// The password attributes of the directories IdPs read from. LDAP's userPassword (RFC 4519 §2.41, OID 2.5.4.35),
// which an LDAP server hands to a bind allowed to read it; Active Directory's userPassword and unicodePwd (the NT
// hash, OID 1.2.840.113556.1.4.90), never returned by a search but named here as attribute maps name them:
// https://www.rfc-editor.org/rfc/rfc4519#section-2.41
// https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-ada3/31dfc648-4a7a-4416-80d9-79f5682686b0
// https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-ada3/71e64720-be27-463f-9cc5-117f4bc849e1
const PASSWORD_OIDS = new Set(['2.5.4.35', '1.2.840.113556.1.4.90']);
// Compared with the name's last part, whole: `passwordExpirationTime` or `pwdLastSet` say when, not what, and
// an SP may well be sent them.
const PASSWORD_NAMES = new Set(['userpassword', 'unicodepwd', 'password', 'passwd', 'user_password', 'user-password']);

/** The last part of a URI or URN name (`http://…/claims/password`, `urn:oid:2.5.4.35`). */
function lastPart(name: string): string {
  const trimmed = name.trim();
  return trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':'), trimmed.lastIndexOf('#')) + 1);
}

/**
 * Whether an attribute name (Name, FriendlyName) says it holds the user's password: the `attribute-password` rule
 * raises it, and redaction removes its values whatever else the name looks like. Imports nothing.
 */
export function isPasswordAttribute(name: string): boolean {
  const last = lastPart(name);
  return PASSWORD_OIDS.has(last) || PASSWORD_NAMES.has(last.toLowerCase());
}
