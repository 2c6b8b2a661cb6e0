import type { ProfileDocument } from '../document';

// Atlassian Cloud KB, "Atlassian Guard - Attribute mappings for SAML SSO and SCIM user provisioning".
const DOC = 'https://confluence.atlassian.com/cloudkb/atlassian-guard-attribute-mappings-for-saml-sso-and-scim-user-provisioning-1455423571.html';

/** Atlassian Cloud (Atlassian Guard SAML SSO): NameID holds the user's e-mail address. */
export const atlassianCloud: ProfileDocument = {
  id: 'atlassian-cloud',
  name: 'Atlassian Cloud',
  extends: 'generic',
  summary:
    'Atlassian Cloud (Atlassian Guard SAML single sign-on): NameID is the user\'s e-mail address, the same one SCIM provisions as the work e-mail.',
  sources: [DOC],
  // DOC: "An email address is one of the primary identifiers of Atlassian Cloud accounts, and mapping inconsistent
  // values can result in creating duplicate accounts and login problems"; NameID maps to user.email. The page
  // states no NameID format, so none is required here.
  nameIdEmail: true,
};
