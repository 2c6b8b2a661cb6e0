import type { ProfileDocument } from '../document';
import { EMAIL_FORMAT } from '../names';

// AWS, "Using SAML and SCIM identity federation with external identity providers" (IAM Identity Center User Guide).
const DOC = 'https://docs.aws.amazon.com/singlesignon/latest/userguide/other-idps.html';

/** AWS IAM Identity Center with an external IdP: NameID in emailAddress format holding an e-mail address. */
export const awsIamIdentityCenter: ProfileDocument = {
  id: 'aws-iam-identity-center',
  name: 'AWS IAM Identity Center',
  extends: 'generic',
  summary:
    'AWS IAM Identity Center with an external IdP: NameID in emailAddress format whose value is an e-mail address; encrypted assertions are not supported.',
  sources: [DOC],
  // DOC: "IAM Identity Center requires a SAML nameID format of email address (...emailAddress)."
  nameIdFormat: EMAIL_FORMAT,
  // DOC: "The value of the nameID field in assertions must be an RFC 2822 addr-spec compliant ... string."
  nameIdEmail: true,
  // DOC: "An encryption key is not supported."
  acceptsEncryptedAssertions: false,
  // DOC: "IdPs that do not conform to the standards and considerations mentioned above are not supported."
  severities: {
    'nameid-format': 'error',
    'nameid-not-email': 'error',
  },
};
