// PingFederate's "Unexpected System Error" page with a reference code, and PingOne's error page with its code
// (AUTHZ_001), both answered with HTTP 200.
import { type ErrorCode, type ErrorPageFamily } from './types';

// "If a user encounters an Unexpected System Error message with a reference code, ask the user for the reference code
// and search for the value in the server log ... usually requires a configuration change"; its example is an
// AuthnRequest sent by the redirect binding when that SAML profile is not selected in the SP connection:
// https://docs.pingidentity.com/pingfederate/13.1/administrators_reference_guide/pf_resolv_service_rel_errors.html
const UNEXPECTED: ErrorCode = {
  code: 'Unexpected System Error',
  title: 'refused, the reason is in its server log',
  cause: (r) =>
    `PingFederate could not process the AuthnRequest; the reason is only in its server log. Its documented example: an AuthnRequest sent with a binding or SAML profile (this one: ${r.binding}) that the SP connection does not have selected.`,
  fix: (r) =>
    `Search PingFederate's server log for the reference code the page shows (in the page details); the log message names the cause, usually a configuration change in the SP connection, such as selecting the SAML profile and the binding the SP uses (${r.binding}).`,
};

// PingOne's error codes, "Error message 1" being the text shown to users:
// https://docs.pingidentity.com/pingoneforenterprise/pingone_for_enterprise/p14e_error_codes.html
// AUTHZ_001: "User is not in an authorized group for this application." An application's accessControl.group names
// the groups whose members may use it:
// https://developer.pingidentity.com/pingone-api/foundations/pingone-roles-scopes-and-permissions/control-access-to-applications-through-roles-and-groups.html
const NOT_IN_GROUP: ErrorCode = {
  code: 'AUTHZ_001',
  title: 'user not in an authorized group for the application',
  cause: () => 'The user signed in, but is not a member of any group the PingOne application allows (its access control by groups).',
  fix: () => "In PingOne, the application's access control (groups): add the user to one of the groups it allows, or allow a group the user belongs to.",
};

const PINGONE_CODES = new Map([['AUTHZ_001', NOT_IN_GROUP]]);
const PINGONE_CODE = /\b(AUTHZ_001)\b/;
const UNEXPECTED_TEXT = /\bUnexpected System Error\b/;
const REFERENCE = /\breference code:?\s*([A-Z0-9]{4,16})\b/i;
// PingFederate's runtime paths (/idp/SSO.saml2, /idp/startSSO.ping, /idp/<id>/resumeSAML20/idp/SSO.ping) and PingOne's hosts:
// https://docs.pingidentity.com/pingfederate/13.1/administrators_reference_guide/help_idp_protocol_endpoints.html
const PING_URL = /^https?:\/\/[^/?#]+\/idp\/|^https:\/\/[^/?#]*\bauth\.pingone\.(?:com|eu|asia|ca)\//i;

export const pingPages: ErrorPageFamily = {
  product: 'ping',
  recognise(page) {
    if (!page.hasBody || !(PING_URL.test(page.url) || page.text.includes('Ping Identity'))) return undefined;
    const words = page.visible;
    const code = PINGONE_CODE.exec(words)?.[1];
    const known = code ? PINGONE_CODES.get(code) : undefined;
    if (known) return { product: 'ping', code: known, details: [] };
    if (!UNEXPECTED_TEXT.test(words)) return undefined;
    const reference = REFERENCE.exec(words)?.[1];
    return { product: 'ping', code: UNEXPECTED, details: reference ? [`reference code ${reference} (search PingFederate's server log for it)`] : [] };
  },
};
