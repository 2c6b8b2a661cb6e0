import type { ProfileDocument } from '../document';
import { ALIASES } from '../names';

/** SendGrid SSO (FIELD-NOTES.md): FirstName/LastName for just-in-time provisioning, IdP-initiated only. */
export const sendgrid: ProfileDocument = {
  id: 'sendgrid',
  name: 'SendGrid',
  extends: 'generic',
  summary:
    'SendGrid SSO: attributes FirstName and LastName (bare names) for just-in-time provisioning, which only happens on IdP-initiated logins.',
  requiredAttributes: [
    { name: 'FirstName', aliases: ALIASES.firstName, purpose: 'the teammate\'s first name (otherwise created as "Unknown")' },
    { name: 'LastName', aliases: ALIASES.lastName, purpose: 'the teammate\'s last name (otherwise created as "Unknown")' },
  ],
  bareAttributeNames: true,
  jitOnlyIdpInitiated: true,
  severities: {
    'attribute-missing': 'warning',
    'attribute-namespaced': 'warning',
    // IdP-initiated is how SendGrid wants to be used (JIT provisioning), so it is not a warning here.
    'unsolicited-response': 'info',
  },
};
