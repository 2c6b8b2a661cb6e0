import type { ProfileDocument } from '../document';

/** SAML 2.0 interoperability only: judge what the specs require, assume nothing about the SP. */
export const generic: ProfileDocument = {
  id: 'generic',
  name: 'Generic SAML 2.0',
  summary: 'SAML 2.0 Web Browser SSO as the specifications define it; no service-specific requirements.',
};
