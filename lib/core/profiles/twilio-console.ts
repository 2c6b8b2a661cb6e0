import type { Profile } from './profile';
import { EMAIL_FORMAT } from './names';

/** Twilio Console self-service SSO (FIELD-NOTES.md): e-mail NameID, signed Response. */
export const twilioConsole: Profile = {
  id: 'twilio-console',
  name: 'Twilio Console',
  summary:
    'Twilio Console SSO: NameID is the Twilio user\'s e-mail address in emailAddress format, and the SAML Response itself must be signed.',
  nameIdFormat: EMAIL_FORMAT,
  nameIdEmail: true,
  requiredAttributes: [],
  bareAttributeNames: false,
  sign: { response: true, assertion: false },
  requireSha256: false,
  requireResponseIssuer: false,
  jitOnlyIdpInitiated: false,
  severities: {
    'response-unsigned': 'error',
    'nameid-format': 'error',
    'nameid-not-email': 'error',
  },
};
