/** NameID formats (saml-core §8.3). */
export const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
export const UNSPECIFIED_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';
/**
 * The same "any format" under a 2.0 name saml-core does not define, which real senders use as NameIDPolicy:
 * Google's AuthnRequests as an SP (quoted in https://stackoverflow.com/questions/3253298) and crewjam/saml's
 * UnspecifiedNameIDFormat (service_provider.go, https://github.com/crewjam/saml).
 */
export const UNSPECIFIED_FORMAT_20 = 'urn:oasis:names:tc:SAML:2.0:nameid-format:unspecified';

/**
 * Names IdPs use by default for the claims SPs want under a bare name: Entra ID's and AD FS's claim URIs
 * (matched by their last segment), LDAP/eduPerson OIDs, and common spellings.
 */
export const ALIASES = {
  email: ['emailaddress', 'mail', 'e-mail', 'emailaddr', 'urn:oid:0.9.2342.19200300.100.1.3', 'user.email', 'user.mail'],
  fullName: ['name', 'displayname', 'display_name', 'fullname', 'cn', 'urn:oid:2.16.840.1.113730.3.1.241', 'urn:oid:2.5.4.3'],
  roles: ['role', 'groups', 'group', 'memberof', 'urn:oid:1.3.6.1.4.1.5923.1.1.1.7'],
  firstName: ['givenname', 'given_name', 'firstname', 'first_name', 'urn:oid:2.5.4.42'],
  lastName: ['surname', 'sn', 'lastname', 'last_name', 'familyname', 'urn:oid:2.5.4.4'],
};
