// What each IdP product looks like from the outside: the entity IDs it issues, the URLs of its SSO/SLO
// endpoints and the hosts of its pages. Only patterns that a public document or public configuration shows.
import type { KnownIdpProduct } from './product';

export interface ProductSigns {
  product: KnownIdpProduct;
  /** The IdP's entity ID: the Issuer of what it sends, the entityID of its metadata. */
  entityIds: RegExp[];
  /** Its SAML endpoints (where AuthnRequests and LogoutRequests go). */
  endpoints: RegExp[];
  /** Hosts that serve only this product's pages (hosted services); on-premises products have none. */
  hosts: RegExp[];
}

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const PRODUCT_SIGNS: ProductSigns[] = [
  {
    product: 'entra-id',
    // Issuer https://sts.windows.net/<tenant id>/ and SSO URL https://login.microsoftonline.com/<tenant>/saml2:
    // https://learn.microsoft.com/entra/identity-platform/single-sign-on-saml-protocol (Response Issuer);
    // national clouds (login.microsoftonline.us, login.partner.microsoftonline.cn):
    // https://docs.azure.cn/en-us/Entra/identity-platform/reference-error-codes
    entityIds: [new RegExp(`^https://sts\\.windows\\.net/${GUID}/?$`, 'i')],
    endpoints: [/^https:\/\/login\.(?:microsoftonline\.(?:com|us)|partner\.microsoftonline\.cn|microsoft\.com)\/[^/?#]+\/saml2(?:[/?#]|$)/i],
    hosts: [/^login\.microsoftonline\.(?:com|us)$/i, /^login\.partner\.microsoftonline\.cn$/i, /^login\.microsoft\.com$/i],
  },
  {
    product: 'adfs',
    // Issuer http://<federation service name>/adfs/services/trust and the passive endpoint /adfs/ls/
    // (design/FIELD-NOTES.md; https://learn.microsoft.com/windows-server/identity/ad-fs/troubleshooting/ad-fs-tshoot-initiatedsignon
    // uses https://<host>/adfs/ls/idpinitiatedsignon.aspx).
    entityIds: [/^https?:\/\/[^/?#]+\/adfs\/services\/trust\/?$/i],
    endpoints: [/^https?:\/\/[^/?#]+\/adfs\/ls(?:\/|\?|$)/i],
    hosts: [],
  },
  {
    product: 'okta',
    // Issuer http://www.okta.com/<app id> and SSO URL https://<org>.okta.com/app/<app name>/<app id>/sso/saml
    // (design/FIELD-NOTES.md, from Okta's "View SAML setup instructions"); the 403 App Not Assigned page on the
    // SP-initiated flow: https://support.okta.com/help/s/article/App-Sign-on-Error-403-User-attempted-unauthorized-access-to-app
    entityIds: [/^http:\/\/www\.okta\.com\/[A-Za-z0-9]+$/],
    endpoints: [/^https:\/\/[^/?#]+\/app\/[^/?#]+\/[^/?#]+\/(?:sso|slo)\/saml(?:[/?#]|$)/i],
    hosts: [/\.okta\.com$/i, /\.oktapreview\.com$/i, /\.okta-emea\.com$/i],
  },
  {
    product: 'google',
    // Entity ID https://accounts.google.com/o/saml2?idpid=<id>, SSO URL https://accounts.google.com/o/saml2/idp?idpid=<id>
    // (https://github.com/BookStackApp/BookStack/issues/3366 shows both with Google's error page).
    entityIds: [/^https:\/\/accounts\.google\.com\/o\/saml2\?idpid=/i],
    endpoints: [/^https:\/\/accounts\.google\.com\/o\/saml2\/idp(?:[/?#]|$)/i],
    hosts: [/^accounts\.google\.com$/i],
  },
  {
    product: 'onelogin',
    // Issuer URL https://app.onelogin.com/saml/metadata/<id>, SAML 2.0 endpoint https://<sub>.onelogin.com/trust/saml2/http-post/sso/<id>
    // (https://samlify.js.org/onelogin.html; https://github.com/interconnectit/laravel-onelogin/blob/master/config/onelogin.php).
    entityIds: [/^https:\/\/app\.onelogin\.com\/saml\/metadata\//i],
    endpoints: [/^https:\/\/[^/?#]+\.onelogin\.com\/trust\/saml2\//i],
    hosts: [/\.onelogin\.com$/i],
  },
  {
    product: 'ping',
    // PingFederate: /idp/SSO.saml2 and /idp/SLO.saml2, built in and unchangeable
    // (https://docs.pingidentity.com/pingfederate/13.1/administrators_reference_guide/help_idp_protocol_endpoints.html);
    // PingFederate's IdP-initiated start, /idp/startSSO.ping?PartnerSpId=..., and /idp/startSLO.ping, also built in
    // (https://docs.pingidentity.com/pingfederate/latest/developers_reference_guide/pf_idp_endpoints.html);
    // PingOne: https://auth.pingone.<region>/<environment id>/saml20/idp/sso
    // (https://developer.pingidentity.com/pingone-api/auth/saml-2.0/saml-sso-using-post.html).
    entityIds: [],
    endpoints: [/^https?:\/\/[^/?#]+\/idp\/(?:SSO|SLO)\.saml2(?:[?#]|$)/i, /^https?:\/\/[^/?#]+\/idp\/start(?:SSO|SLO)\.ping(?:[?#]|$)/i, /^https:\/\/auth\.pingone\.(?:com|eu|asia|ca)\/[^/?#]+\/saml20\/idp\//i],
    hosts: [/^auth\.pingone\.(?:com|eu|asia|ca)$/i],
  },
  {
    product: 'keycloak',
    // Realm entity ID https://<host>[/auth]/realms/<realm>, SAML endpoint /realms/<realm>/protocol/saml
    // (Keycloak's SamlService answers there: https://github.com/keycloak/keycloak, services/.../protocol/saml/SamlService.java).
    entityIds: [/^https?:\/\/[^/?#]+(?:\/auth)?\/realms\/[^/?#]+\/?$/i],
    endpoints: [/^https?:\/\/[^/?#]+(?:\/auth)?\/realms\/[^/?#]+\/protocol\/saml(?:[/?#]|$)/i],
    hosts: [],
  },
  {
    product: 'shibboleth',
    // Entity ID https://<host>/idp/shibboleth (the IdP's generated metadata) and the SAML 2 profile endpoints
    // /idp/profile/SAML2/Redirect/SSO etc. (https://wiki.shibboleth.net/confluence/display/IDP30/ProtocolsAndInterfaces).
    entityIds: [/^https?:\/\/[^/?#]+\/idp\/shibboleth\/?$/i],
    endpoints: [/^https?:\/\/[^/?#]+\/idp\/profile\/SAML2\/(?:Redirect|POST|POST-SimpleSign|SOAP|Unsolicited)\/(?:SSO|SLO|ECP)(?:[/?#]|$)/i],
    hosts: [],
  },
  {
    product: 'auth0',
    // Issuer urn:<tenant>.auth0.com and SSO URL https://<tenant>.auth0.com/samlp/<client id>
    // (https://github.com/russellhaering/gosaml2, providertests: IdentityProviderIssuer "urn:scaleft-test.auth0.com").
    entityIds: [/^urn:[a-z0-9.-]+\.auth0\.com$/i],
    endpoints: [/^https:\/\/[^/?#]+\.auth0\.com\/samlp\//i],
    hosts: [/\.auth0\.com$/i],
  },
  {
    product: 'jumpcloud',
    // IdP URL https://sso.jumpcloud.com/saml2/<app> (JumpCloud's SSO app "IDP URL" field; public configurations such
    // as https://github.com/greenpau/caddy-security testdata show it).
    entityIds: [],
    endpoints: [/^https:\/\/sso\.jumpcloud\.com\/saml2\//i],
    hosts: [/^sso\.jumpcloud\.com$/i],
  },
  {
    product: 'simplesamlphp',
    // Hosted IdP entity ID .../simplesaml/saml2/idp/metadata.php and SSO .../saml2/idp/SSOService.php
    // (https://simplesamlphp.org/docs/stable/simplesamlphp-idp-more; https://gerrit.googlesource.com/plugins/saml/+/HEAD/simplesamlphp/metadata/saml20-idp-hosted.php);
    // 2.x routes .../module.php/saml/idp/metadata, .../singleSignOnService and .../singleLogout
    // (https://github.com/simplesamlphp/saml2/blob/master/tests/SAML2/Constants.php, LOCATION_METADATA, _SSO, _SLO).
    entityIds: [/\/saml2\/idp\/metadata\.php$/i, /\/module\.php\/saml\/idp\/metadata$/i],
    endpoints: [/\/saml2\/idp\/(?:SSOService|SingleLogoutService)\.php(?:[?#]|$)/i, /\/module\.php\/saml\/idp\/(?:singleSignOnService|singleLogout)(?:[?#]|$)/i],
    hosts: [],
  },
];
