import type { StageRule } from './rule';

export const xmlRefused: StageRule = {
  slug: 'xml-refused',
  severity: 'error',
  raisedBy: 'parser',
  title: 'XML refused before parsing',
  why: 'The document has more than one root element, an attribute given twice on one element, a namespace declaration XML forbids (a prefix bound to the XML or xmlns namespace, xmlns:p=""), a NUL character, it is an XML 1.1 document whose NEL or LINE SEPARATOR characters XML 1.0 parsers read as text, its XML declaration names an encoding other than the UTF-8 it is read in, or it is too large, too deeply nested, or carries dozens of messages or tokens side by side. Different XML parsers read such documents differently, which is exactly what signature bypasses exploit, so SAML Lens does not read them at all.',
  fix: {
    general:
      'A conforming IdP never produces this. If it comes from your own code, serialise the XML with a real XML library instead of string concatenation.\nIf the document is merely large, check whether the IdP is sending an unusually large number of groups or claims.',
  },
  spec: 'XML 1.0 §2.1 and §3.1 (well-formedness); Namespaces in XML 1.0 §3 and §5; saml-sec-consider §6.4',
};
