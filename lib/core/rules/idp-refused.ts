import type { StageRule } from './rule';

export const idpRefused: StageRule = {
  slug: 'idp-refused',
  severity: 'error',
  raisedBy: 'flow',
  title: 'The IdP refused the AuthnRequest (error page, no Response)',
  why: 'Many failed sign-ins never produce a SAML Response: the IdP shows its own error page (Entra ID AADSTS codes, Okta, AD FS, Google Workspace, Keycloak) or answers with an HTTP error, and the SP never hears back. The page names the cause, and the cause is almost always a value in the AuthnRequest (the SP entity ID, the ACS URL, the NameIDPolicy, the requested authentication context) that the IdP is not configured for. SAML Lens recognises these pages, whatever their language, and names the request value that caused the refusal.',
  fix: {
    general:
      'Read the finding: it names the IdP error code, the value of this AuthnRequest it concerns, and the steps on that IdP (each code\'s cause and fix follow that IdP\'s public documentation).\nUnknown entity ID: register the Issuer of the AuthnRequest as the application identifier at the IdP (or make the SP send the registered one).\nReply URL / ACS not allowed: add the AssertionConsumerServiceURL of the request to the application at the IdP.\nUser not assigned: assign the user or a group to the application.\nNo page captured: export the HAR with the response content, or keep the SAML panel open in DevTools while signing in, so the error page can be read.',
  },
  spec: 'saml-profiles §4.1.4.1 (AuthnRequest usage); saml-core §3.4.1 (AuthnRequest)',
};
