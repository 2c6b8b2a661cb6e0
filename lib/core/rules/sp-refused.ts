import type { StageRule } from './rule';

export const spRefused: StageRule = {
  slug: 'sp-refused',
  severity: 'error',
  raisedBy: 'flow',
  title: 'The SP refused the Response',
  why: 'The IdP issued a successful Response and the browser posted it to the SP, but the SP answered with an HTTP error, sent the browser to its error or sign-in page, or straight back to the IdP: the user is not signed in. The SP does not say why in SAML terms; the findings on the Response usually do, and the one most likely to have caused the refusal is named first.',
  fix: {
    general:
      'Fix the findings the refusal names, most likely cause first (a signature the SP cannot verify with its configured certificate, an Audience, Destination or Recipient that is not the SP\'s own value, an expired assertion, a NameID or attribute the SP needs).\nIf no finding explains it, read the SP\'s error text quoted in the finding and the SP\'s own log; compare its configured IdP entity ID, certificate and ACS with the values in this Response.\nA redirect straight back to the IdP means the SP lost its session between request and response (cookies blocked or SameSite, several servers without shared sessions).',
  },
  spec: 'saml-profiles §4.1.4.3 (Response processing by the SP); saml-bindings §3.5 (HTTP-POST)',
};
