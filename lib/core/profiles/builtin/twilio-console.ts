import type { ProfileDocument } from '../document';
import { EMAIL_FORMAT } from '../names';

/** Twilio Console self-service SSO (FIELD-NOTES.md): e-mail NameID, signed Response. */
export const twilioConsole: ProfileDocument = {
  id: 'twilio-console',
  name: 'Twilio Console',
  extends: 'generic',
  summary:
    'Twilio Console SSO: NameID is the Twilio user\'s e-mail address in emailAddress format, and the SAML Response itself must be signed.',
  nameIdFormat: EMAIL_FORMAT,
  nameIdEmail: true,
  sign: { response: true, assertion: false },
  severities: {
    'response-unsigned': 'error',
    'nameid-format': 'error',
    'nameid-not-email': 'error',
  },
};
