import type { CheckRule, Hit } from './rule';
import { BEARER, unseenDifference } from './helpers';
import { sameUrl, sentMatches } from '../flow/url';
import { DOCS } from '../idp/docs';

export const recipientMismatch: CheckRule = {
  slug: 'recipient-mismatch',
  severity: 'error',
  title: 'Recipient is not the ACS URL',
  why: 'The bearer SubjectConfirmationData Recipient is the ACS URL the assertion may be delivered to, and it is inside the signed assertion. The SP compares it with its own ACS URL and refuses the login if they differ. In Entra ID this shows up as "reply URL does not match"-style failures.',
  fix: {
    general: 'Configure the IdP with the SP\'s exact ACS URL; the IdP writes it into both Destination and Recipient.',
    'entra-id': 'Enterprise applications > your app > Single sign-on > Basic SAML Configuration: "Reply URL (Assertion Consumer Service URL)".',
    adfs: 'Relying party trust > Properties > Endpoints: the SAML Assertion Consumer endpoint (binding POST).',
    okta: 'Applications > your app > General > SAML Settings > Edit: "Single sign-on URL", with "Use this for Recipient URL and Destination URL" ticked (or set "Recipient URL" separately).',
    google: 'Apps > Web and mobile apps > your app > Service provider details: ACS URL = the SP\'s ACS URL.',
    onelogin: 'Applications > your app > Configuration tab: "Recipient" and "ACS (Consumer) URL" = the SP\'s ACS URL.',
    keycloak: 'Clients > your client > Advanced > Fine Grain SAML Endpoint Configuration: "Assertion Consumer Service POST Binding URL".',
    auth0: 'Applications > your app > Addons > SAML2 Web App > Settings: `"recipient"` = the SP\'s ACS URL.',
    jumpcloud: 'SSO > your app > SSO tab: "ACS URLs" = the SP\'s ACS URL.',
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
  spec: 'saml-profiles §4.1.4.2 (Recipient); saml-profiles §4.1.4.3',
  check(ctx) {
    const a = ctx.identity;
    if (!a) return [];
    const hits: Hit[] = [];
    const sentTo = ctx.flow.sentTo;
    const bearers = a.confirmations.filter((c) => c.method === BEARER && c.recipient);
    // The SP needs one bearer confirmation it can accept (saml-profiles §4.1.4.3), not all of them.
    const acceptable = (r: string) =>
      (!sentTo || sentMatches(r, sentTo, ctx.flow.sentUrl)) && (!ctx.expect.acsUrls.length || ctx.expect.acsUrls.some((e) => sameUrl(r, e.value)));
    if (bearers.some((c) => acceptable(c.recipient!))) return [];
    for (const c of bearers) {
      if (!c.recipient) continue;
      if (sentTo && !sentMatches(c.recipient, sentTo, ctx.flow.sentUrl)) {
        hits.push({ message: `SubjectConfirmationData Recipient "${c.recipient}" is not the URL the response was actually posted to, "${sentTo}".${unseenDifference(c.recipient, sentTo)}`, location: c.path });
      }
      if (ctx.expect.acsUrls.length && !ctx.expect.acsUrls.some((e) => sameUrl(c.recipient!, e.value))) {
        const e = ctx.expect.acsUrls[0]!;
        hits.push({ message: `SubjectConfirmationData Recipient "${c.recipient}" is not the expected ACS URL "${e.value}" (${e.source}).${unseenDifference(c.recipient, e.value)}`, location: c.path });
      }
    }
    return hits;
  },
};
