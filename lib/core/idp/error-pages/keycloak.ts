// Keycloak's error page for a refused SAML request: `<div id="kc-error-message"><p class="instruction">…`
// with a translated message, answered with HTTP 400 by the realm's SAML endpoint.
import { elementEnd } from '../../http/markup';
import { plain } from '../../http/page-text';
import { type ErrorCode, type ErrorPageFamily, type PageView, type RequestFacts, quoted } from './types';

// Admin console labels (Client ID, Valid redirect URIs, Assertion Consumer Service POST Binding URL, Keys > Client
// signature required, Force name ID format) as public set-up guides name them, e.g.
// https://github.com/cBioPortal/cbioportal (docs, Keycloak SAML client settings).
const CLIENT = 'Keycloak admin console > your realm > Clients > the SAML client';

// Messages from themes/src/main/resources/theme/base/login/messages/messages_en.properties and when SamlService
// raises them (services/src/main/java/org/keycloak/protocol/saml/SamlService.java), https://github.com/keycloak/keycloak:
// unknown client -> "Invalid Request" (CLIENT_NOT_FOUND), failed request signature -> "Invalid requester",
// ACS not allowed -> "Invalid redirect uri", unsupported NameID format -> "Unsupported NameIDFormat",
// disabled client -> "Login requester not enabled".
const INVALID_REDIRECT: ErrorCode = {
  code: 'Invalid redirect uri',
  title: 'ACS URL not allowed for the client',
  cause: (r) => `The AssertionConsumerServiceURL ${quoted(r.acsUrl, '(none: Keycloak uses the client\'s configured ACS)')} is not allowed by the client${r.issuer ? ` ${quoted(r.issuer)}` : ''}.`,
  fix: (r) => `${CLIENT} > Valid redirect URIs (and Assertion Consumer Service POST Binding URL): add ${quoted(r.acsUrl, "the SP's ACS URL")}.`,
};

const INVALID_REQUESTER: ErrorCode = {
  code: 'Invalid requester',
  title: 'request signature not verified',
  cause: (r) => `The client requires signed requests and the signature of this AuthnRequest (${r.signed ? 'signed' : 'not signed'}) does not verify with the client's certificate.`,
  fix: () => `${CLIENT} > Keys: import the SP's current signing certificate, or turn off "Client signature required" if requests are not signed.`,
};

const UNSUPPORTED_NAMEID: ErrorCode = {
  code: 'Unsupported NameIDFormat',
  title: 'NameID format not supported',
  cause: (r) => `Keycloak supports the NameID formats emailAddress, transient, persistent and unspecified; the request asks for ${quoted(r.nameIdPolicy)}.`,
  fix: () => `On the SP: request one of those formats; or in ${CLIENT} turn on "Force name ID format" so that the client's own Name ID format is used.`,
};

const NOT_ENABLED: ErrorCode = {
  code: 'Login requester not enabled',
  title: 'client disabled',
  cause: (r) => `The client ${quoted(r.issuer)} is disabled.`,
  fix: () => `${CLIENT}: turn Enabled on.`,
};

function clientNotFound(): ErrorCode {
  return {
    code: 'Invalid Request',
    title: 'request refused (unknown client or invalid request)',
    cause: (r) =>
      `Keycloak answers "Invalid Request" when no client has the Client ID ${quoted(r.issuer)} (the AuthnRequest Issuer), or when the request itself is malformed (no Destination on a signed request, unreadable XML).`,
    fix: (r) => `${CLIENT}: its Client ID must be ${quoted(r.issuer, "the SP's entity ID")} exactly; create the client from the SP's metadata if there is none.`,
  };
}

/** A Keycloak error page whose message is in another language: what the endpoint refuses, given this request. */
const GENERIC: ErrorCode = {
  code: 'Keycloak error page',
  title: 'Keycloak refused the request',
  cause: (r: RequestFacts) =>
    `Keycloak's SAML endpoint refused the request. Its usual reasons: no client with Client ID ${quoted(r.issuer)}; the ACS ${quoted(r.acsUrl, '(none requested)')} not in Valid redirect URIs; a request signature that does not verify; NameID format ${quoted(r.nameIdPolicy, '(none requested)')} not supported; the client disabled.`,
  fix: () => `${CLIENT}: check Client ID, Valid redirect URIs, Keys ("Client signature required") and Enabled; the realm's Events (Login events) name the error.`,
};

// The same messages in German, from the community translations (themes/src/main/resources-community/theme/base/login/
// messages/messages_de.properties, https://github.com/keycloak/keycloak): invalidRedirectUriMessage, invalidRequesterMessage,
// unsupportedNameIdFormatMessage, loginRequesterNotEnabledMessage, invalidRequestMessage.
const MESSAGES: Array<[RegExp, () => ErrorCode]> = [
  [/Invalid redirect uri|Ung\u00fcltige Redirect URI/i, () => INVALID_REDIRECT],
  [/Invalid requester|Ung\u00fcltiger Requester/i, () => INVALID_REQUESTER],
  [/Unsupported NameIDFormat|Nicht unterst\u00fctztes NameIDFormat/i, () => UNSUPPORTED_NAMEID],
  [/Login requester not enabled|Login Requester nicht aktiviert/i, () => NOT_ENABLED],
  [/Invalid Request\b|Ung\u00fcltiger Request\b/i, clientNotFound],
];

const ERROR_MARK = /<([a-z][a-z0-9-]*)\b[^>]{0,300}\bid\s*=\s*["']kc-error-message["'][^>]{0,300}>/i;
const KEYCLOAK_SAML = /\/realms\/[^/?#]+\/protocol\/saml(?:[/?#]|$)/i;

/**
 * The text of Keycloak's error element as the page shows it, '' for one whose page was cut off inside it (the words
 * were lost, the element was there), undefined for none. Custom login themes keep an empty, hidden kc-error-message
 * on the sign-in form for messages to come: only one with visible words is an error.
 */
function errorMessage(page: PageView): string | undefined {
  const markup = page.visibleMarkup;
  const open = ERROR_MARK.exec(markup);
  if (!open) return undefined;
  const lower = markup.toLowerCase();
  const name = open[1]!.toLowerCase();
  const end = elementEnd(lower, open.index, name);
  const words = plain(markup.slice(open.index + open[0].length, end));
  if (words) return words.length > 300 ? `${words.slice(0, 297)}…` : words;
  const closed = end < lower.length || lower.trimEnd().endsWith(`</${name}>`);
  return closed ? undefined : '';
}

export const keycloakPages: ErrorPageFamily = {
  product: 'keycloak',
  recognise(page) {
    // A plain search first: the markup is only read on Keycloak's error template.
    const message = page.text.includes('kc-error-message') ? errorMessage(page) : undefined;
    const onEndpoint = KEYCLOAK_SAML.test(page.url);
    if (message === undefined && !(onEndpoint && page.status !== undefined && page.status >= 400)) return undefined;
    const known = message ? MESSAGES.find(([re]) => re.test(message)) : undefined;
    return { product: 'keycloak', code: known ? known[1]() : GENERIC, details: message && !known ? [`the page says "${message}"`] : [] };
  },
};
