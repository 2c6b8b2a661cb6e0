import type { StageRule } from './rule';

export const redirectSignatureMissingSigalg: StageRule = {
  slug: 'redirect-signature-missing-sigalg',
  severity: 'error',
  raisedBy: 'verifier',
  title: 'HTTP-Redirect Signature without SigAlg',
  why: 'An HTTP-Redirect message carries a Signature parameter but no SigAlg. The signature covers SigAlg; without it the receiver cannot know the algorithm and must reject the message (guessing one is an algorithm-confusion risk).',
  fix: {
    general:
      'The sender must add SigAlg to the query, in the order SAMLRequest (or SAMLResponse), RelayState, SigAlg, and sign exactly those octets. This is almost always custom code; established SAML libraries do it correctly.',
  },
  spec: 'saml-bindings §3.4.4.1',
};
