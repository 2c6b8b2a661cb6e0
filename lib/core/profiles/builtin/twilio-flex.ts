import type { ProfileDocument } from '../document';
import { ALIASES } from '../names';

/** Twilio Flex SSO (FIELD-NOTES.md): bare claims email/full_name/roles, everything signed with SHA-256. */
export const twilioFlex: ProfileDocument = {
  id: 'twilio-flex',
  name: 'Twilio Flex',
  extends: 'generic',
  summary:
    'Twilio Flex SSO: ACS and SP entity ID derived from the Account SID, bare claims email, full_name and roles, Response and Assertion signed with RSA-SHA256, Response Issuer equal to the configured IdP issuer.',
  requiredAttributes: [
    { name: 'email', aliases: ALIASES.email, purpose: 'the worker\'s e-mail address' },
    { name: 'full_name', aliases: ALIASES.fullName, purpose: 'the worker\'s display name' },
    { name: 'roles', aliases: ALIASES.roles, purpose: 'the worker\'s Flex roles (admin, supervisor, agent, ...)' },
  ],
  bareAttributeNames: true,
  sign: { response: true, assertion: true },
  requireSha256: true,
  requireResponseIssuer: true,
  accountSid: {
    acsUrl: 'https://iam.twilio.com/v1/Accounts/{AccountSid}/saml2',
    spEntityId: 'https://iam.twilio.com/v1/Accounts/{AccountSid}/saml2/metadata',
  },
  severities: {
    'response-unsigned': 'error',
    'assertion-unsigned': 'error',
    'weak-algorithm': 'error',
    'attribute-namespaced': 'error',
    'attribute-missing': 'error',
  },
};
