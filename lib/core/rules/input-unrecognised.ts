import type { StageRule } from './rule';

export const inputUnrecognised: StageRule = {
  slug: 'input-unrecognised',
  severity: 'error',
  raisedBy: 'input',
  title: 'Input not recognised',
  why: 'The input is none of the formats SAML Lens reads: a HAR file, a SAML-tracer export, a SAML Lens trace, raw SAML XML, a base64 (optionally deflated) SAML message, a URL with SAMLRequest/SAMLResponse/SAMLart parameters, or a form body.',
  fix: {
    general:
      'Export the capture as HAR (browser DevTools, Network tab, "Save all as HAR") or as a SAML-tracer JSON export, or paste just the SAMLResponse/SAMLRequest value.\nIf the file is a HAR, check that it is complete JSON (exports that were cut off cannot be read).',
  },
  spec: 'HAR 1.2; saml-bindings §3.4 and §3.5',
};
