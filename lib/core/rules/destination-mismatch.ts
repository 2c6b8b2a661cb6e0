import type { CheckRule, Hit } from './rule';
import { rootPath } from './context';
import { envelopeNote, unseenDifference } from './helpers';
import { sameUrl, sentMatches } from '../flow/url';
import { DOCS } from '../idp/docs';

export const destinationMismatch: CheckRule = {
  slug: 'destination-mismatch',
  severity: 'error',
  title: 'Destination is not where the message was sent',
  why: 'Destination names the URL the sender meant the message for. The receiver compares it with its own URL and rejects the message if they differ, which stops a message for one endpoint being replayed at another. A mismatch on a Response usually means the ACS (Reply) URL configured on the IdP is not the SP\'s real ACS URL: an http/https, host, port, path or trailing slash difference is enough.',
  fix: {
    general: 'Configure the IdP with the SP\'s exact ACS URL (and the SP with the IdP\'s exact SSO/SLO URL), as the SP\'s metadata or set-up page gives it.',
    'entra-id': 'Enterprise applications > your app > Single sign-on > Basic SAML Configuration: "Reply URL (Assertion Consumer Service URL)" must be exactly the SP\'s ACS URL (mark it Default if there are several).',
    adfs: 'Relying party trust > Properties > Endpoints: the SAML Assertion Consumer endpoint (binding POST) must be exactly the SP\'s ACS URL.',
    okta: 'Applications > your app > General > SAML Settings > Edit: "Single sign-on URL" is the ACS URL; "Use this for Recipient URL and Destination URL" keeps the three consistent.',
    google: 'Apps > Web and mobile apps > your app > Service provider details: ACS URL = the SP\'s ACS URL (it must start with https://).',
    onelogin: 'Applications > your app > Configuration tab: "ACS (Consumer) URL" and "Recipient" = the SP\'s ACS URL, and "ACS (Consumer) URL Validator" a pattern that matches it.',
    keycloak: 'Clients > your client > Advanced > Fine Grain SAML Endpoint Configuration: "Assertion Consumer Service POST Binding URL" (or Settings > "Master SAML Processing URL"); an ACS URL sent in the request must match a "Valid Redirect URIs" pattern.',
    auth0: 'Applications > your app > Addons > SAML2 Web App > Settings: `"destination"` and `"recipient"` = the SP\'s ACS URL.',
    jumpcloud: 'SSO > your app > SSO tab: "ACS URLs" (also called Destination or Recipient) = the SP\'s ACS URL.',
    simplesamlphp: 'In the SP\'s entry in metadata/saml20-sp-remote.php: `\'AssertionConsumerService\'` = the SP\'s ACS URL.',
    sources: {
      'entra-id': [DOCS.entraSetupSso],
      adfs: [DOCS.adfsRpTrust, DOCS.adfsRpTrustCmdlet],
      okta: [DOCS.oktaSamlReference],
      google: [DOCS.googleCustomApp],
      onelogin: [DOCS.oneloginGuideWorkstars],
      keycloak: [DOCS.keycloakSamlClient],
      auth0: [DOCS.auth0Assertions],
      jumpcloud: [DOCS.jumpcloudFields],
      simplesamlphp: [DOCS.sspSpRemote],
    },
  },
  spec: 'saml-core §3.2.1 (Destination); saml-bindings §3.4.5.2 and §3.5.5.2',
  check(ctx) {
    const view = ctx.view;
    const dest = view?.destination;
    if (!view || !dest) return [];
    const hits: Hit[] = [];
    const where = rootPath(view);
    const note = envelopeNote(ctx);
    const sentTo = ctx.flow.sentTo;
    if (sentTo && !sentMatches(dest, sentTo, ctx.flow.sentUrl)) {
      hits.push({ message: `${view.kind} Destination "${dest}" is not the URL it was actually sent to, "${sentTo}"${note}.${unseenDifference(dest, sentTo)}`, location: where });
    }
    if (view.kind === 'Response' && ctx.expect.acsUrls.length && !ctx.expect.acsUrls.some((e) => sameUrl(dest, e.value))) {
      const e = ctx.expect.acsUrls[0]!;
      const more = ctx.expect.acsUrls.length > 1 ? ` or any of the ${ctx.expect.acsUrls.length} ACS URLs in the SP metadata` : '';
      hits.push({ message: `Response Destination "${dest}" is not the expected ACS URL "${e.value}" (${e.source})${more}${note}.${unseenDifference(dest, e.value)}`, location: where });
    }
    const asked = ctx.flow.request?.view?.request?.assertionConsumerServiceUrl;
    if (view.kind === 'Response' && asked && !sameUrl(dest, asked) && !hits.length) {
      hits.push({
        message: `Response Destination "${dest}" is not the AssertionConsumerServiceURL "${asked}" that the AuthnRequest of this flow asked for.${unseenDifference(dest, asked)}`,
        location: where,
        severity: 'warning',
      });
    }
    return hits;
  },
};
