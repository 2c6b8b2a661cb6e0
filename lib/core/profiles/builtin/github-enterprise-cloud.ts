import type { ProfileDocument } from '../document';

// GitHub Docs, "SAML configuration reference" (GitHub Enterprise Cloud).
const DOC = 'https://docs.github.com/en/enterprise-cloud@latest/admin/managing-iam/iam-configuration-reference/saml-configuration-reference';
const TRANSIENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';

/** GitHub Enterprise Cloud (organization or enterprise SAML SSO): a persistent NameID, one signed assertion. */
export const githubEnterpriseCloud: ProfileDocument = {
  id: 'github-enterprise-cloud',
  name: 'GitHub Enterprise Cloud',
  extends: 'generic',
  summary:
    'GitHub Enterprise Cloud SAML SSO: a persistent NameID (a transient one re-links the account at every sign-in), one assertion, signed on the Response or the Assertion, Audience and Recipient present.',
  sources: [DOC],
  // DOC, "SAML attributes": NameID is "A persistent user identifier ... Using a transient identifier format like
  // urn:oasis:names:tc:SAML:2.0:nameid-format:transient will result in re-linking of accounts on every sign-in".
  refusedNameIdFormats: [TRANSIENT],
  // DOC, "SAML response requirements": "Your IdP must provide a single assertion in the response with a digital
  // signature" (Response or Assertion: the generic checks cover it); Audience and Recipient are generic checks too.
  // Organization and enterprise entity IDs differ (https://github.com/orgs/ORG, https://github.com/enterprises/ENT),
  // so none is set here.
};
