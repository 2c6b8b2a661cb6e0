import type { CheckRule, Hit } from './rule';
import { validateSchema } from '../schema';

/** Listed per message; a broken message can break the schema in hundreds of places. */
const LISTED = 5;

// python3-saml (strict mode) validates with lxml, ruby-saml with Nokogiri and php-saml with DOMDocument, all
// libxml2 against these schemas, and refuse with this one sentence:
// https://github.com/SAML-Toolkits/python3-saml/blob/master/src/onelogin/saml2/response.py ("Not match the saml-schema-protocol-2.0.xsd"),
// https://github.com/SAML-Toolkits/ruby-saml/blob/master/lib/onelogin/ruby-saml/response.rb,
// https://github.com/SAML-Toolkits/php-saml/blob/master/src/Saml2/Response.php
export const schemaInvalid: CheckRule = {
  slug: 'schema-invalid',
  severity: 'warning',
  title: 'Message does not validate against the SAML 2.0 schemas',
  why: 'Service providers built on python3-saml, ruby-saml or php-saml (in strict mode) and others that validate every message against the SAML 2.0 XML schemas refuse one that does not validate, with one unexplained sentence ("Invalid SAML Response. Not match the saml-schema-protocol-2.0.xsd"). SPs that do not validate accept the same message, so the login works with one SP and fails with another. The usual causes are elements out of order, a required attribute missing, a malformed time or ID, or an xsi:type the schemas do not define.',
  fix: {
    general:
      'The finding names the element and what the schema expected there (saml-schema-protocol-2.0.xsd and saml-schema-assertion-2.0.xsd, with XML Signature and XML Encryption). A product IdP never produces this: it comes from custom code, a proxy or a plug-in that edits the XML, or a tampered message. Build the XML with a SAML library, or fix the order, attribute or value the finding names; schema-invalid messages signed after an edit are still refused.',
  },
  spec: 'saml-schema-protocol-2.0.xsd; saml-schema-assertion-2.0.xsd; xmldsig-core §4; xmlenc-core §3',
  check(ctx) {
    const view = ctx.view;
    const root = ctx.parsed?.root;
    if (!root || !view || view.samlVersion !== '2.0' || view.kind === 'EntityDescriptor' || view.kind === 'Unknown') return [];
    const { violations, truncated } = validateSchema(root, LISTED);
    const hits: Hit[] = violations.map((v) => ({ message: `${v.message}.`, location: v.path }));
    if (truncated) hits.push({ message: `More schema violations follow; only the first ${LISTED} are listed.`, location: violations[0]?.path });
    return hits;
  },
};
