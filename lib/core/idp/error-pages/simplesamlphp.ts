// SimpleSAMLphp's error page for a request from an SP it has no metadata for: "Unable to locate metadata for
// '<entity ID>'", with the error code METADATANOTFOUND in its debug information
// (https://github.com/simplesamlphp/simplesamlphp, src/SimpleSAML/Error/ErrorCodes.php and MetadataNotFound.php).
import { type ErrorCode, type ErrorPageFamily, quoted } from './types';

// An IdP knows its SPs from metadata/saml20-sp-remote.php, one $metadata['<entity ID>'] entry per SP with its
// AssertionConsumerService: https://simplesamlphp.org/docs/stable/simplesamlphp-reference-sp-remote
const METADATA_NOT_FOUND: ErrorCode = {
  code: 'METADATANOTFOUND',
  title: 'no metadata for the SP',
  cause: (r) => `The SimpleSAMLphp IdP has no SP metadata for the entity ID ${quoted(r.issuer)} that the SP sends as the AuthnRequest Issuer.`,
  fix: (r) =>
    `On the IdP: add the SP to metadata/saml20-sp-remote.php as $metadata[${quoted(r.issuer, "'<the SP's entity ID>'")}] with its AssertionConsumerService ${quoted(r.acsUrl, "(the SP's ACS URL)")}, or make the SP send the entity ID the IdP has.`,
};

const CODE = /\bMETADATANOTFOUND\b/;
const MESSAGE = /Unable to locate metadata for\s+['"\u2018]?([^'"\u2019<>\s]{1,300})/;

export const simplesamlphpPages: ErrorPageFamily = {
  product: 'simplesamlphp',
  recognise(page) {
    if (!page.hasBody || !(page.text.includes('METADATANOTFOUND') || page.text.includes('Unable to locate metadata for'))) return undefined;
    const words = page.visible;
    const named = MESSAGE.exec(words)?.[1];
    if (!named && !CODE.test(words)) return undefined;
    return { product: 'simplesamlphp', code: METADATA_NOT_FOUND, details: named ? [`the page names the entity ID ${named}`] : [] };
  },
};
