import type { StageRule } from './rule';

export const namespaceLookalike: StageRule = {
  slug: 'namespace-lookalike',
  severity: 'error',
  raisedBy: 'parser',
  title: 'SAML element in a look-alike namespace',
  why: 'An element such as Assertion, Response or NameID sits in a namespace that imitates a SAML one (a trailing space, other letter case, a character added or changed, or the SAML 1.x namespace inside a SAML 2.0 message). Namespaces are compared character for character, so it is not SAML and SAML Lens does not read it, but an SP that finds elements by prefix or local name (XPath local-name(), getElementsByTagName("saml:Assertion"), regular expressions) takes it, with the NameID it carries, for the real assertion or response. No IdP produces this.',
  fix: {
    general:
      "Treat the message as a forgery.\nMake sure the SP's SAML library matches elements by exact namespace URI and local name, and reads the identity only from the element the verified signature covers.",
  },
  spec: 'Namespaces in XML 1.0 §2.3 (namespace names compared as strings); saml-core §1.2 (namespaces)',
};
