// Shibboleth IdP's error view: "<idp.title> - <error title>" ("Web Login Service - Unsupported Request") with the
// error's message, answered with HTTP 200. Titles, messages and which failure shows which come from the IdP's
// as-delivered messages.properties (a mirror of the IdP source:
// https://github.com/mmoayyed/java-identity-provider/blob/19d26d7de0436e454f59e7043a48394cb587231d/idp-conf-impl/src/main/resources/net/shibboleth/idp/messages/messages.properties).
import { type ErrorCode, type ErrorPageFamily, quoted } from './types';

// SP metadata reaches the IdP through <MetadataProvider> elements in metadata-providers.xml:
// https://wiki.shibboleth.net/confluence/display/IDP30/MetadataConfiguration
const METADATA = "the IdP's metadata configuration (conf/metadata-providers.xml, or the federation aggregate it loads)";
// The IdP logs why it refused in logs/idp-process.log: https://doku.tid.dfn.de/en:shibidp:troubleshooting
const LOG = "The IdP's idp-process.log";

// InvalidProfileConfiguration -> "Unsupported Request": "The application you have accessed is not registered for use
// with this service." Campus IdPs explain it as no metadata loaded for the SP, or an entityID that does not match the
// one the SP uses (https://it.umn.edu/services-technologies/resources/shibboleth-faq, "SAML 2 SSO profile is not
// configured for relying party"; https://wiki.cam.ac.uk/raven/Shibboleth_FAQs).
const UNSUPPORTED: ErrorCode = {
  code: 'Unsupported Request',
  title: 'SP not registered with the IdP',
  cause: (r) => `The Shibboleth IdP has no usable registration for the entity ID ${quoted(r.issuer)} that the SP sends as the AuthnRequest Issuer: its metadata is not loaded, its entityID differs from this one, or SAML 2 SSO is not enabled for it.`,
  fix: (r) => `On the IdP: load the SP's metadata with entityID ${quoted(r.issuer, "the SP's entity ID")} exactly in ${METADATA}, or make the SP send the entity ID the IdP knows; if the IdP is run by your campus or federation, send them the SP's metadata.`,
};

// EndpointResolutionFailed -> "Unable to Respond": no compatible way to respond to the application. An ACS URL in the
// request that the SP's metadata does not list is the usual reason (https://wiki.cam.ac.uk/raven/Shibboleth_FAQs,
// "No peer endpoint available to which to send SAML response").
const ENDPOINT: ErrorCode = {
  code: 'Unable to Respond',
  title: 'no ACS the IdP may answer',
  cause: (r) => `The IdP found no endpoint in the SP's metadata to send the Response to for this request (ACS ${quoted(r.acsUrl, 'not named in the request')}${r.acsIndex ? `, index ${r.acsIndex}` : ''}).`,
  fix: (r) => `Add ${quoted(r.acsUrl, "the SP's ACS URL")} as an AssertionConsumerService (HTTP-POST) to the SP's metadata and have the IdP reload it, or make the SP request an ACS its metadata lists.`,
};

// MessageAuthenticationError -> "Message Security Error": the message does not meet the IdP's security requirements.
const MESSAGE_SECURITY: ErrorCode = {
  code: 'Message Security Error',
  title: 'request failed the IdP security checks',
  cause: (r) => `The IdP could not authenticate this AuthnRequest (${r.signed ? 'signed' : 'not signed'}): it does not meet the IdP's security requirements for this SP.`,
  fix: (r) => `${LOG} names the failing check. ${r.signed ? "Compare the signing certificate in the SP's metadata at the IdP with the key the SP signs with." : 'Ask whether the IdP requires signed requests from this SP.'}`,
};

// InvalidSecurityConfiguration -> "Security Configuration Error": no compatible security configuration.
const SECURITY_CONFIG: ErrorCode = {
  code: 'Security Configuration Error',
  title: 'no compatible security configuration',
  cause: () => 'The IdP and the SP do not share a compatible security configuration (keys or algorithms in the SP\'s metadata that the IdP can use), so the request cannot be fulfilled.',
  fix: () => `Check the SP's metadata at the IdP: a usable signing/encryption certificate and algorithms the IdP allows. ${LOG} names the failing check.`,
};

// MessageReplay, MessageExpired, UnableToDecode and a lost login conversation (NoSuchFlowExecutionException) ->
// "Stale Request": the Back button, a bookmarked login form, or a link to it.
const STALE: ErrorCode = {
  code: 'Stale Request',
  title: 'request replayed, expired or lost',
  cause: () => "The IdP could not continue this request: it was replayed, too old, unreadable, or the IdP no longer had the login conversation it belonged to (the Back button, a bookmarked login form, or a link to one).",
  fix: () => `Start the sign-in again from the application, not from a bookmark of the IdP's page. If it happens on every sign-in: ${LOG} says which of those it was (a replay, an expired message, or a lost login conversation).`,
};

const TITLES: Array<[RegExp, ErrorCode]> = [
  [/\bUnsupported Request\b|\bnot registered for use with this service\b/, UNSUPPORTED],
  [/\bUnable to Respond\b/, ENDPOINT],
  [/\bMessage Security Error\b/, MESSAGE_SECURITY],
  [/\bSecurity Configuration Error\b/, SECURITY_CONFIG],
  [/\bStale Request\b/, STALE],
];

const PROFILE = /^https?:\/\/[^/?#]+\/idp\/profile\//i;

export const shibbolethPages: ErrorPageFamily = {
  product: 'shibboleth',
  recognise(page) {
    // Only on the IdP's own pages: its profile endpoints, or a page titled with the error view's "Web Login Service".
    if (!page.hasBody || !(PROFILE.test(page.url) || page.text.includes('Web Login Service'))) return undefined;
    const words = page.visible;
    const hit = TITLES.find(([re]) => re.test(words));
    return hit ? { product: 'shibboleth', code: hit[1], details: [] } : undefined;
  },
};
