import type { StageRule } from './rule';

export const xmlDoctype: StageRule = {
  slug: 'xml-doctype',
  severity: 'error',
  raisedBy: 'parser',
  title: 'DOCTYPE or ENTITY declaration in a SAML message',
  why: 'SAML messages never need a DOCTYPE. Entity declarations are how XML external entity (XXE) attacks read files from the server and how "billion laughs" payloads exhaust memory; entity expansion can also make two parsers read different text. SAML Lens refuses the document rather than parsing it.',
  fix: {
    general:
      'A genuine IdP or SP never sends this. Treat the message as an attack or as output of broken custom code.\nMake sure your SP library rejects DTDs as well (most do by default; check it is not switched off).',
  },
  spec: 'saml-bindings §3.4.4.1 and §3.5.4 (messages are plain XML documents); saml-sec-consider §6.4',
};
