// Google Workspace's SAML runtime errors: "Error: app_not_configured_for_user" and its siblings. The code is
// the same in every language of the page.
import { type ErrorCode, type ErrorPageFamily, quoted } from './types';

// All three: "SAML app error messages", https://support.google.com/a/answer/6301076
const APPS = 'Google Admin console > Apps > Web and mobile apps > your SAML app';

const CODES: ErrorCode[] = [
  {
    code: 'app_not_configured_for_user',
    title: 'entity ID does not match the SAML app',
    cause: (r) => `The Issuer of the AuthnRequest, ${quoted(r.issuer)}, is not the Entity ID configured in the SAML app's Service Provider Details (the comparison is case-sensitive).`,
    fix: (r) => `${APPS} > Service provider details > Entity ID: set it to ${quoted(r.issuer, "the SP's entity ID")} exactly, or make the SP send the configured one.`,
  },
  {
    code: 'app_not_enabled_for_user',
    title: 'SAML app not turned on for the user',
    cause: () => "The SAML app is not turned on for the user's organizational unit or group.",
    fix: () => `${APPS} > User access: turn the app ON for everyone or for the user's organization.`,
  },
  {
    code: 'app_not_configured',
    title: 'no SAML app for this entity ID',
    cause: (r) => `No SAML app in the Admin console has the entity ID ${quoted(r.issuer)} that the AuthnRequest names.`,
    fix: (r) => `Create the SAML app in ${APPS.split(' > your SAML app')[0]} with Entity ID ${quoted(r.issuer, "the SP's entity ID")}, or correct the entity ID the SP sends.`,
  },
];

// Longest first: app_not_configured is a prefix of app_not_configured_for_user.
const CODE = /\b(app_not_configured_for_user|app_not_enabled_for_user|app_not_configured)\b/;
const BY_CODE = new Map(CODES.map((c) => [c.code, c]));

export const googlePages: ErrorPageFamily = {
  product: 'google',
  recognise(page) {
    const m = (page.text.includes('app_not_') ? CODE.exec(page.text) : null) ?? CODE.exec(page.url);
    const code = m ? BY_CODE.get(m[1]!) : undefined;
    return code ? { product: 'google', code, details: [] } : undefined;
  },
};
