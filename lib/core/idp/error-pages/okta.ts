// Okta's refusals of an SP-initiated sign-in: the "403 App Not Assigned" page and the 400 SAML error page.
import { type ErrorCode, type ErrorPageFamily, quoted } from './types';

// "403 App Not Assigned — Sorry, you cannot access <app> because you are not assigned this app in Okta", shown on
// the SP-initiated flow; fix: assign the app (Assignments tab):
// https://support.okta.com/help/s/article/App-Sign-on-Error-403-User-attempted-unauthorized-access-to-app
const APP_NOT_ASSIGNED: ErrorCode = {
  code: '403 App Not Assigned',
  title: 'user not assigned to the Okta app',
  cause: (r) => `The user signed in to Okta but is not assigned to the app integration${r.issuer ? ` for ${quoted(r.issuer)}` : ''}, or the assignment has an error.`,
  fix: () =>
    'Okta Admin Console > Applications > Applications > your app > Assignments: assign the user, or a group the user belongs to, and clear any assignment or provisioning error shown there; the System Log records "User attempted unauthorized access to app".',
};

// Okta redirects to /error/400_SAML when it rejects the SAML request; with "Validate SAML requests with signature
// certificates" on, the request needs AssertionConsumerServiceURL, a NameIDPolicy matching "Name ID format" and a
// valid signature: https://community.auth0.com/t/okta-saml-integration-with-signed-requests/106702
const INVALID_SAML_REQUEST: ErrorCode = {
  code: '400 SAML',
  title: 'Okta rejected the SAML request',
  cause: (r) => {
    const missing = [!r.acsUrl ? 'AssertionConsumerServiceURL' : '', !r.nameIdPolicy ? 'NameIDPolicy' : ''].filter(Boolean);
    return `Okta did not accept the AuthnRequest (${r.signed ? 'signed' : 'not signed'}${missing.length ? `, without ${missing.join(' and ')}` : `, ACS ${quoted(r.acsUrl)}, NameIDPolicy ${quoted(r.nameIdPolicy)}`}).`;
  },
  fix: () =>
    'Okta Admin Console > Applications > your app > General > SAML Settings > Show Advanced Settings > Signed Requests: if "Validate SAML requests with signature certificates" is on, upload the SP\'s signing certificate there, and make the SP send AssertionConsumerServiceURL and a NameIDPolicy equal to the app\'s "Name ID format"; otherwise compare the request with the app\'s Single sign-on URL and Audience URI (SP Entity ID).',
};

const ERROR_400_SAML = /\/error\/400_SAML(?:[?#/]|$)/i;
const OKTA_SSO = /\/app\/[^/?#]+\/[^/?#]+\/sso\/saml(?:[/?#]|$)/i;
const NOT_ASSIGNED_TEXT = /\bApp Not Assigned\b|\bnot assigned (?:this|to this) app\b/i;

export const oktaPages: ErrorPageFamily = {
  product: 'okta',
  recognise(page) {
    if (ERROR_400_SAML.test(page.url)) return { product: 'okta', code: INVALID_SAML_REQUEST, details: [] };
    // The 403 is the language-independent sign; the English text also recognises a page captured without its status.
    const onSso = OKTA_SSO.test(page.url);
    if ((onSso && page.status === 403) || (page.status === 403 && page.hasBody && NOT_ASSIGNED_TEXT.test(page.text))) {
      return { product: 'okta', code: APP_NOT_ASSIGNED, details: [] };
    }
    return undefined;
  },
};
