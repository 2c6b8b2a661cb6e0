import type { ProfileDocument } from '../document';

// Slack Help Center, "Custom SAML single sign-on".
const DOC = 'https://slack.com/help/articles/205168057-Custom-SAML-single-sign-on';

/** Slack with a custom SAML connection: User.Email attribute, signed Response, entity ID https://slack.com. */
export const slack: ProfileDocument = {
  id: 'slack',
  name: 'Slack',
  extends: 'generic',
  summary:
    'Slack (custom SAML connection): the e-mail address in an attribute named exactly User.Email, the SAML Response signed, Audience https://slack.com.',
  sources: [DOC],
  // DOC, "Settings to include": "Email Attribute (Required)" with Name="User.Email".
  requiredAttributes: [{ name: 'User.Email', purpose: 'the member\'s e-mail address', source: DOC }],
  bareAttributeNames: true,
  // DOC, "Public certificate": "Slack requires that the SAML response is signed".
  sign: { response: true },
  // DOC, "Entity ID": https://slack.com (the ACS URL depends on the workspace's domain, so it is not set here).
  spEntityId: 'https://slack.com',
  severities: {
    'attribute-missing': 'error',
    'response-unsigned': 'error',
  },
};
