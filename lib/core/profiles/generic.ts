import type { Profile } from './profile';

/** SAML 2.0 interoperability only: judge what the specs require, assume nothing about the SP. */
export const generic: Profile = {
  id: 'generic',
  name: 'Generic SAML 2.0',
  summary: 'SAML 2.0 Web Browser SSO as the specifications define it; no service-specific requirements.',
  nameIdEmail: false,
  requiredAttributes: [],
  bareAttributeNames: false,
  sign: { response: false, assertion: false },
  requireSha256: false,
  requireResponseIssuer: false,
  jitOnlyIdpInitiated: false,
  severities: {},
};
