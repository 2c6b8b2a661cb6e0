/**
 * SAML status codes explained for the person debugging the login (saml-core §3.2.2.2), with the fix per IdP
 * where the cause is known. Second-level codes say what actually went wrong; the top-level code only says
 * whose fault it is.
 */
import { DOCS } from './idp/docs';
import type { IdpFix } from './idp/fix-for';
import { own } from './dictionary';

export interface StatusCodeInfo {
  name: string;
  meaning: string;
  fix?: IdpFix;
}

const P = 'urn:oasis:names:tc:SAML:2.0:status:';

export const STATUS_CODES: Record<string, StatusCodeInfo> = {
  [`${P}Success`]: { name: 'Success', meaning: 'the request succeeded.' },
  [`${P}Requester`]: { name: 'Requester', meaning: 'the IdP refused the request because of something the SP (the requester) sent or asked for.' },
  [`${P}Responder`]: { name: 'Responder', meaning: 'the IdP could not fulfil the request on its side (authentication or policy).' },
  [`${P}VersionMismatch`]: {
    name: 'VersionMismatch',
    meaning: 'the IdP does not accept the SAML version of the request.',
    fix: { general: 'Send SAML 2.0 requests (Version="2.0"); the SP may be configured for SAML 1.1 or WS-Federation.' },
  },
  [`${P}InvalidNameIDPolicy`]: {
    name: 'InvalidNameIDPolicy',
    meaning: 'the IdP cannot produce a NameID in the format the AuthnRequest asked for (NameIDPolicy Format).',
    fix: {
      general: 'Either configure the IdP to issue a NameID in the requested format, or make the SP request the format the IdP issues (or "unspecified").',
      'entra-id': 'Enterprise applications > your app > Single sign-on > Attributes & Claims > Unique User Identifier (Name ID): choose the format the SP requests (e.g. Email address, source user.mail).',
      adfs: 'Relying party trust > Edit Claim Issuance Policy > Add Rule > "Transform an Incoming Claim": incoming claim type E-Mail Address, outgoing claim type Name ID, outgoing name ID format Email (matching the requested format). AD FS issues no NameID at all without such a rule.',
      okta: 'Applications > your app > General > SAML Settings > Edit: Name ID format = the format the SP requests.',
      google: 'Apps > Web and mobile apps > your app > Service provider details: Name ID format = the format the SP requests.',
      keycloak: 'Clients > your client > Settings > SAML capabilities: Name ID Format = the requested format, or "Force Name ID Format" On.',
      shibboleth: 'conf/saml-nameid.xml: add a generator for the requested format and release its source attribute.',
      simplesamlphp: '`\'NameIDFormat\'` in the SP\'s saml20-sp-remote.php entry, with a saml:AttributeNameID filter producing that format.',
      sources: {
        'entra-id': [DOCS.entraClaims],
        adfs: [DOCS.adfsTransformRule],
        okta: [DOCS.oktaSamlReference],
        google: [DOCS.googleCustomApp],
        keycloak: [DOCS.keycloakSamlClient],
        shibboleth: [DOCS.shibNameId, DOCS.shibCustomNameId],
        simplesamlphp: [DOCS.sspSpRemote, DOCS.sspNameId],
      },
    },
  },
  [`${P}AuthnFailed`]: {
    name: 'AuthnFailed',
    meaning: 'the IdP could not authenticate the user (wrong credentials, MFA failed or cancelled, or a sign-in policy blocked it).',
    fix: {
      general: 'Look at the IdP\'s sign-in log for this user and time; it says which step failed.',
      'entra-id': 'Entra admin center > Monitoring > Sign-in logs, filtered by the user and application.',
      adfs: 'Event Viewer > Applications and Services Logs > AD FS > Admin on the AD FS server.',
      okta: 'Reports > System Log, filtered by the user.',
      sources: {
        'entra-id': [DOCS.entraSignIns],
        adfs: [DOCS.adfsLogging],
        okta: [DOCS.oktaSystemLog],
      },
    },
  },
  [`${P}NoPassive`]: {
    name: 'NoPassive',
    meaning: 'the SP asked for a passive login (IsPassive="true", no user interaction), but the user has no session at the IdP. That is the expected answer when the SP only probes for an existing session.',
    fix: { general: 'Nothing to fix if the SP was probing; otherwise make the SP send IsPassive="false" (or omit it).' },
  },
  [`${P}NoAuthnContext`]: {
    name: 'NoAuthnContext',
    meaning: 'the IdP cannot authenticate the user with the authentication context the SP demanded (RequestedAuthnContext, e.g. PasswordProtectedTransport or a specific MFA class).',
    fix: {
      general: 'Make the SP request a context the IdP supports, use Comparison="minimum", or stop sending RequestedAuthnContext.',
      adfs: 'AD FS: enable the matching authentication method in Authentication Policies (e.g. Forms Authentication for PasswordProtectedTransport).',
      sources: {
        adfs: [DOCS.adfsAuthPolicies],
      },
    },
  },
  [`${P}RequestDenied`]: {
    name: 'RequestDenied',
    meaning: 'the IdP chose not to answer: typically the user is not assigned to the application, or an access policy denies access.',
    fix: {
      general: 'Assign the user (or their group) to the application on the IdP and check access policies.',
      'entra-id': 'Enterprise applications > your app > Users and groups: assign the user, or set "Assignment required?" to No under Properties.',
      adfs: 'Relying party trust > Edit Access Control Policy (or Issuance Authorization Rules): permit the user or group.',
      okta: 'Applications > your app > Assignments: assign the user or a group.',
      google: 'Apps > Web and mobile apps > your app > User access: turn the app on for the user\'s organizational unit or group ("403 app_not_enabled_for_user" otherwise).',
      sources: {
        'entra-id': [DOCS.entraAssign],
        adfs: [DOCS.adfsAccessControl],
        okta: [DOCS.oktaAssign],
        google: [DOCS.googleErrors],
      },
    },
  },
  [`${P}RequestUnsupported`]: {
    name: 'RequestUnsupported',
    meaning: 'the IdP understood the request but does not support what it asks (a binding, a NameID policy, a protocol feature).',
    fix: { general: 'Compare the AuthnRequest (ProtocolBinding, NameIDPolicy, Scoping, ForceAuthn) with what the IdP\'s metadata offers.' },
  },
  [`${P}UnknownPrincipal`]: {
    name: 'UnknownPrincipal',
    meaning: 'the IdP does not know the user the request or logout names.',
    fix: { general: 'Check that the user exists at the IdP and that the NameID the SP sends (e.g. in a LogoutRequest) is the one the IdP issued.' },
  },
  [`${P}RequestVersionTooHigh`]: { name: 'RequestVersionTooHigh', meaning: 'the request uses a newer SAML version than the IdP supports.' },
  [`${P}RequestVersionTooLow`]: { name: 'RequestVersionTooLow', meaning: 'the request uses an older SAML version than the IdP supports.' },
  [`${P}RequestVersionDeprecated`]: { name: 'RequestVersionDeprecated', meaning: 'the request uses a SAML version the IdP no longer accepts.' },
  [`${P}TooManyResponses`]: { name: 'TooManyResponses', meaning: 'the response would contain more elements than the requester allows.' },
  [`${P}InvalidAttrNameOrValue`]: { name: 'InvalidAttrNameOrValue', meaning: 'an attribute name or value in the request is not valid.' },
  [`${P}NoAvailableIDP`]: { name: 'NoAvailableIDP', meaning: 'a proxying IdP found no identity provider it could pass the request to.' },
  [`${P}NoSupportedIDP`]: { name: 'NoSupportedIDP', meaning: 'none of the identity providers the request names is supported by the proxy.' },
  [`${P}ProxyCountExceeded`]: { name: 'ProxyCountExceeded', meaning: 'the IdP would have to proxy the request further than the request allows.' },
  [`${P}PartialLogout`]: { name: 'PartialLogout', meaning: 'logout succeeded at this party but not at every session participant; the user may still be logged in elsewhere.' },
  [`${P}UnknownAttrProfile`]: { name: 'UnknownAttrProfile', meaning: 'the IdP does not support the attribute profile the request names.' },
  [`${P}UnsupportedBinding`]: {
    name: 'UnsupportedBinding',
    meaning: 'the IdP cannot send the response with the binding the request asked for (ProtocolBinding).',
    fix: { general: 'Make the SP request HTTP-POST for the response (ProtocolBinding urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST) or use a binding listed in the IdP metadata.' },
  },
  [`${P}ResourceNotRecognized`]: { name: 'ResourceNotRecognized', meaning: 'the IdP does not recognise the resource or session the request refers to.' },
};

export function statusName(code: string): string {
  return own(STATUS_CODES, code.trim())?.name ?? code.trim();
}

/** "Requester / InvalidNameIDPolicy: the IdP cannot ... StatusMessage: ..." */
export function explainStatus(code: string | undefined, subCodes: string[], message?: string): string {
  const codes = [code, ...subCodes].filter((c): c is string => !!c);
  if (!codes.length) return 'The response carries no status code.';
  const names = codes.map(statusName).join(' / ');
  // The most specific known code explains best; the top-level one only says who is at fault.
  const known = [...codes].reverse().map((c) => own(STATUS_CODES, c.trim())).find((i) => i !== undefined);
  const meaning = known ? ` ${known.meaning.charAt(0).toUpperCase()}${known.meaning.slice(1)}` : ' This status code is not one SAML 2.0 defines; see the IdP\'s documentation.';
  const words = message?.trim();
  // A StatusMessage that ends its own sentence gets no second full stop (not `token.".`).
  const said = words ? ` The IdP says: "${words}"${/[.!?]$/.test(words) ? '' : '.'}` : '';
  return `${names}:${meaning}${said}`;
}

/** The fix for the most specific code that has one. */
export function statusFix(code: string | undefined, subCodes: string[]): StatusCodeInfo['fix'] | undefined {
  return [...subCodes].reverse().concat(code ? [code] : []).map((c) => own(STATUS_CODES, c.trim())?.fix).find((f) => f !== undefined);
}
