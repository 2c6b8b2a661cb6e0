import type { ProfileDocument } from '../document';

// Google Workspace Admin Help, "SSO assertion requirements".
const DOC = 'https://support.google.com/a/answer/6330801';

/** Google Workspace / Cloud Identity as the SP of a third-party IdP: NameID is the primary e-mail address. */
export const googleWorkspace: ProfileDocument = {
  id: 'google-workspace',
  name: 'Google Workspace',
  extends: 'generic',
  summary:
    'Google Workspace or Cloud Identity signing in through a third-party IdP: NameID is the user\'s primary e-mail address (case-sensitive).',
  sources: [DOC],
  // DOC, "Name ID element": "NameID identifies the subject which is the user's primary email address."
  nameIdEmail: true,
  severities: {
    'nameid-not-email': 'error',
  },
};
