import type { StageRule } from './rule';

export const notSaml: StageRule = {
  slug: 'not-saml',
  severity: 'error',
  raisedBy: 'parser',
  title: 'Not a SAML 2.0 message',
  why: 'The decoded XML is not a SAML 2.0 protocol message SAML Lens knows (Response, AuthnRequest, LogoutRequest, LogoutResponse, ArtifactResolve, ArtifactResponse, Assertion), it is in the wrong namespace, has no ID, or is not Version="2.0". The receiving side will reject it the same way.',
  fix: {
    general:
      'Check the root element and its namespace: protocol messages live in urn:oasis:names:tc:SAML:2.0:protocol, assertions in urn:oasis:names:tc:SAML:2.0:assertion.\nIf the value is a WS-Federation or SAML 1.1 token, make sure the SP is configured for WS-Federation, not SAML 2.0.',
  },
  spec: 'saml-core §3.2.1 (ID, Version, IssueInstant); saml-core §1.2 (namespaces)',
};
