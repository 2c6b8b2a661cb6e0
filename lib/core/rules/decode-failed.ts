import type { StageRule } from './rule';

export const decodeFailed: StageRule = {
  slug: 'decode-failed',
  severity: 'error',
  raisedBy: 'decoder',
  title: 'Message cannot be decoded',
  why: 'The SAMLRequest/SAMLResponse value is not valid base64, the HTTP-Redirect DEFLATE stream is broken, or the result is not UTF-8 XML. The receiving side cannot read it either, so the login or logout fails before any SAML check.',
  fix: {
    general:
      'Check that the value was copied completely (a truncated HAR or a cut-off paste is the usual cause).\nHTTP-Redirect values are raw DEFLATE then base64 then URL-encoded; HTTP-POST values are plain base64 without DEFLATE. A sender that mixes these up produces values the other side cannot decode.\nIf the sender is custom code, compare its encoding with saml-bindings §3.4.4.1 (Redirect) and §3.5.4 (POST).',
  },
  spec: 'saml-bindings §3.4.4.1; saml-bindings §3.5.4',
};
