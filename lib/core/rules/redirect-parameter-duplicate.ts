import type { StageRule } from './rule';

export const redirectParameterDuplicate: StageRule = {
  slug: 'redirect-parameter-duplicate',
  severity: 'error',
  raisedBy: 'decoder',
  title: 'HTTP-Redirect parameter repeated or re-cased',
  why: 'The query carries SAMLRequest/SAMLResponse, RelayState, SigAlg or Signature more than once, or under a name that differs from the binding\'s only by case, or hidden behind a \';\' in another parameter (`utm=1;SAMLRequest=...`), which parsers that split on \';\' as well as \'&\' read as a parameter of its own (Python\'s parse_qsl before the CVE-2021-23336 fix, Django before 3.1.7). Web frameworks disagree on which copy they read (the first, the last, all of them joined, or names matched without case), so the copy a signature covers need not be the one the receiver acts on: this is how a signed query is made to carry another message or RelayState. SAML Lens does not count the query signature.',
  fix: {
    general:
      'A sender following the binding sends each parameter once, spelled exactly SAMLRequest (or SAMLResponse), RelayState, SigAlg and Signature. If nothing tampered with the URL, fix the code that builds it (often a redirect that appends parameters to a URL that already has them).',
  },
  spec: 'saml-bindings §3.4.3 (RelayState), §3.4.4.1 (SAMLRequest or SAMLResponse, SigAlg, Signature)',
};
