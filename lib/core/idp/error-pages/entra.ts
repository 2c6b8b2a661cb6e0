// Microsoft Entra ID's sign-in error page: "AADSTS<code>: <message>", whatever the page's language (the
// code is not translated). Causes and fixes below restate Microsoft's documentation for each code.
import { type ErrorCode, type ErrorPageFamily, type PageView, type RequestFacts, quoted } from './types';

// Every row comes from "Microsoft Entra authentication and authorization error codes",
// https://learn.microsoft.com/entra/identity-platform/reference-error-codes (unless a troubleshooting article is named).
const REF = 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes';

// Where SAML apps are configured: Enterprise applications > app > Single sign-on > SAML > Basic SAML Configuration,
// https://learn.microsoft.com/entra/identity/enterprise-apps/add-application-portal-setup-sso
const APP = 'Microsoft Entra admin center > Enterprise applications > your app';
const BASIC = `${APP} > Single sign-on > Basic SAML Configuration > Edit`;

const tenantOf = (r: RequestFacts): string => {
  const t = /^https:\/\/login\.[^/]+\/([^/?#]+)\//i.exec(r.sentTo ?? r.destination ?? '')?.[1];
  return t ? ` (the AuthnRequest went to tenant ${t})` : '';
};

const CODES: ErrorCode[] = [
  {
    // UnauthorizedClient_DoesNotMatchRequest (REF)
    code: 'AADSTS700016',
    title: 'no application with this identifier in the tenant',
    cause: (r) =>
      `The SP's entity ID ${quoted(r.issuer)} (the Issuer of this AuthnRequest) is not the Identifier (Entity ID) of any enterprise application in this Entra ID tenant${tenantOf(r)}. Entra ID compares it exactly: scheme, case and a trailing slash all count.`,
    fix: (r) =>
      `${BASIC} > Identifier (Entity ID): add ${quoted(r.issuer)} exactly as the SP sends it. If the app already has another Identifier, make the SP send that one as its entity ID instead. If no such app exists in this tenant, the SP is pointed at the wrong tenant: use the Login URL of the tenant that has the app.`,
  },
  {
    // InvalidReplyTo: https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/error-code-aadsts50011-reply-url-mismatch
    code: 'AADSTS50011',
    title: 'reply URL (ACS) not configured for the app',
    cause: (r) =>
      `The AssertionConsumerServiceURL ${quoted(r.acsUrl, '(none in the request)')} requested by the SP is not one of the Reply URLs of the application${r.issuer ? ` with Identifier ${quoted(r.issuer)}` : ''}.`,
    fix: (r) =>
      `${BASIC} > Reply URL (Assertion Consumer Service URL): add ${quoted(r.acsUrl, "the SP's ACS URL")} exactly (scheme, host, path, trailing slash), or make the SP request one of the Reply URLs already configured.`,
  },
  {
    // EntitlementGrantsNotFound: https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/error-code-aadsts50105-user-not-assigned-role
    code: 'AADSTS50105',
    title: 'user not assigned to the application',
    cause: (r) =>
      `The user signed in but is not assigned to the application${r.issuer ? ` ${quoted(r.issuer)}` : ''}, and the app requires assignment. Nested groups do not count: the group must be assigned directly.`,
    fix: () =>
      `${APP} > Users and groups > Add user/group: assign the user, or a group the user is a direct member of (https://learn.microsoft.com/entra/identity/enterprise-apps/add-application-portal-assign-users).`,
  },
  {
    // NoMatchedAuthnContextInOutputClaims: https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/error-code-aadsts75011-auth-method-mismatch
    code: 'AADSTS75011',
    title: 'authentication method does not match RequestedAuthnContext',
    cause: (r) =>
      `The AuthnRequest asks for the authentication context ${r.authnContext.length ? r.authnContext.map((c) => `"${c}"`).join(', ') : '(none found in the request)'} (RequestedAuthnContext), but the user's existing session was established with another method (for example Windows integrated or multi-factor), and Entra ID does not re-authenticate to match it.`,
    fix: () =>
      `On the SP: stop sending RequestedAuthnContext (it is optional), or send ForceAuthn="true" so that Entra ID performs a fresh authentication that honours the requested context. Nothing in Entra ID changes this.`,
  },
  {
    // Saml2MessageInvalid: https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/error-code-aadsts75005-not-a-valid-saml-request
    code: 'AADSTS75005',
    title: 'not a valid SAML request',
    cause: () => 'Entra ID does not accept the AuthnRequest: a required field is missing or it is encoded in a way it does not support.',
    fix: () =>
      "On the SP: send an AuthnRequest that meets Entra ID's SAML requirements (https://learn.microsoft.com/entra/identity-platform/single-sign-on-saml-protocol); the decoded request is shown in this capture for the SP's vendor.",
  },
  {
    // REF: SAMLRequest or SAMLResponse must be present as query string parameters for the Redirect binding.
    code: 'AADSTS750054',
    title: 'no SAMLRequest in the Redirect binding',
    cause: (r) => `The request to Entra ID carried no SAMLRequest query parameter for the HTTP-Redirect binding (this one was sent by ${r.binding}).`,
    fix: () => 'On the SP: send the AuthnRequest as the SAMLRequest query parameter (deflated and base64-encoded) when using HTTP-Redirect, or POST it with HTTP-POST.',
  },
  {
    // RequestDeniedError: the SAML request had an unexpected destination (REF).
    code: 'AADSTS75008',
    title: 'unexpected Destination',
    cause: (r) => `The AuthnRequest's Destination ${quoted(r.destination)} is not the Entra ID endpoint it was sent to ${quoted(r.sentTo)}.`,
    fix: (r) => `On the SP: set the IdP SSO URL to the Login URL shown for the app in Entra ID, so that Destination and the URL the request goes to are the same${r.sentTo ? ` (${r.sentTo})` : ''}.`,
  },
  {
    // Saml2AuthenticationRequestInvalidNameIDPolicy (REF)
    code: 'AADSTS75016',
    title: 'invalid NameIDPolicy',
    cause: (r) => `The AuthnRequest's NameIDPolicy (Format ${quoted(r.nameIdPolicy)}) is not one Entra ID accepts for this app.`,
    fix: () =>
      `On the SP: request a NameID format Entra ID supports (emailAddress, persistent, transient or unspecified) or none; in Entra ID set ${APP} > Single sign-on > Attributes & Claims > Unique User Identifier (Name ID) to the format the SP needs.`,
  },
  {
    // ApplicationRequiresSignedRequests: https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/error-code-aadsts76021-request-not-signed
    code: 'AADSTS76021',
    title: 'the application requires signed requests',
    cause: (r) =>
      r.signed
        ? `The app requires signed requests and this ${r.binding} request is signed, but not where the binding expects it (HTTP-Redirect: SigAlg and Signature in the query; HTTP-POST: a Signature element in the XML).`
        : `The app requires signed requests and this ${r.binding} AuthnRequest is not signed.`,
    fix: () =>
      `On the SP: sign AuthnRequests, with the signature where the binding puts it, using the key whose certificate is configured for the app in ${APP} > Single sign-on; check there which binding the app expects.`,
  },
  {
    // RequestIssueTimeExpired (REF)
    code: 'AADSTS76026',
    title: 'request IssueInstant expired',
    cause: () => "The AuthnRequest's IssueInstant is too old when Entra ID receives it: the SP's clock is wrong, or an old request was replayed (a bookmarked login URL).",
    fix: () => "On the SP: synchronise its clock (NTP) and build a fresh AuthnRequest for every login; never bookmark or cache the IdP URL with a SAMLRequest in it.",
  },
  {
    // The value is not a valid SAML ID; IDs must not begin with a number (REF).
    code: 'AADSTS7500529',
    title: 'request ID is not a valid SAML ID',
    cause: () => "The AuthnRequest's ID is not a valid xs:ID (for example it begins with a digit); Entra ID copies it into InResponseTo and refuses it.",
    fix: () => 'On the SP: generate IDs that start with a letter or underscore, e.g. "id" or "_" followed by a GUID.',
  },
  {
    // InvalidRequestSamlPropertyUnsupported (REF)
    code: 'AADSTS900236',
    title: 'unsupported SAML request property',
    cause: () => 'The AuthnRequest sets a property Entra ID does not support (the page names it).',
    fix: () => 'On the SP: remove that attribute or element from the AuthnRequest.',
  },
  {
    // UnsupportedBindingError: the response can only be sent by HTTP POST (REF).
    code: 'AADSTS75003',
    title: 'unsupported response binding',
    cause: (r) => `The AuthnRequest asks for the Response by ${quoted(r.protocolBinding, 'a binding')}; Entra ID sends SAML Responses only by HTTP-POST.`,
    fix: () => 'On the SP: request ProtocolBinding urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST (or leave it out).',
  },
  {
    // Mandatory input missing for the NameID claim (REF, AADSTS501241).
    code: 'AADSTS501241',
    title: 'no value for the NameID claim',
    cause: () => "Entra ID could not build the NameID: the source attribute of the Unique User Identifier (Name ID) claim is empty for this user.",
    fix: () => `${APP} > Single sign-on > Attributes & Claims > Unique User Identifier (Name ID): choose a source attribute every user has (for example user.userprincipalname or user.mail), or fill the attribute for this user.`,
  },
  {
    // MissingSigningKey: https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/error-code-aadsts50003-cert-or-key-not-configured
    code: 'AADSTS50003',
    title: 'no signing certificate configured',
    cause: () => "Entra ID does not recognise the signing certificate configured for the application, so it cannot sign the Response.",
    fix: () =>
      `${APP} > Single sign-on > SAML Signing Certificate: Create new certificate, tick "Make new certificate active", Save, then remove the unused one; give the new certificate to the SP.`,
  },
  {
    // MisconfiguredApplication: "If the app supports SAML, you might have configured the app with the wrong Identifier (Entity)" (REF).
    code: 'AADSTS65005',
    title: 'misconfigured application',
    cause: (r) => `For SAML this usually means the Identifier (Entity ID) in Entra ID is not what the SP sends (${quoted(r.issuer)}).`,
    fix: (r) => `${BASIC} > Identifier (Entity ID): make it ${quoted(r.issuer, "the SP's entity ID")}.`,
  },
  {
    // Misconfigured application: https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/error-code-aadsts650056-misconfigured-app
    code: 'AADSTS650056',
    title: 'misconfigured application',
    cause: (r) => `The application identifier in the request (${quoted(r.issuer)}) does not match the configured application, or consent is missing.`,
    fix: (r) => `${BASIC} > Identifier (Entity ID): check it is ${quoted(r.issuer, "the SP's entity ID")}; then grant admin consent for the app if it asks for permissions.`,
  },
  {
    // BlockedByConditionalAccess (REF)
    code: 'AADSTS53003',
    title: 'blocked by Conditional Access',
    cause: () => 'A Conditional Access policy does not allow a token for this user, device or location.',
    fix: () => 'Microsoft Entra admin center > Monitoring & health > Sign-in logs: find the failed sign-in and the Conditional Access policy that applied to it; change the policy or meet its conditions.',
  },
  {
    // UserUnauthorized: the account is from another tenant and not a guest here (REF).
    code: 'AADSTS50020',
    title: 'user account from another tenant',
    cause: () => "The user signed in with an account of another tenant (or a personal Microsoft account) that is not a guest in the app's tenant.",
    fix: () => "Sign in with an account of the app's tenant, or invite the user as a guest (B2B) in that tenant.",
  },
  {
    // UserAccountNotFound (REF)
    code: 'AADSTS50034',
    title: 'user account not in the directory',
    cause: () => "The user name does not exist in this tenant (mistyped, or the SP sent the request to another tenant).",
    fix: (r) => `Check the user name and that the SP's IdP URL points to the user's tenant${tenantOf(r)}; add the user as a guest if they belong to another tenant.`,
  },
  {
    // UserInformationNotProvided: expected for a passive request without a session (REF).
    code: 'AADSTS50058',
    title: 'no session for a passive request',
    cause: (r) => (r.isPassive ? 'The AuthnRequest says IsPassive="true" and the user has no Entra ID session, so Entra ID cannot sign them in silently.' : 'The user has no Entra ID session that single sign-on could use.'),
    fix: () => 'Expected on a silent (passive) probe: the SP should then start a normal, interactive login without IsPassive.',
  },
  {
    // UnauthorizedClient: the application is disabled (REF).
    code: 'AADSTS70001',
    title: 'application disabled',
    cause: () => 'The application is disabled in this tenant.',
    fix: () => 'Ask the tenant administrators to re-enable the application (its service principal) if it was not disabled on purpose.',
  },
  {
    // The service principal is disabled: https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/error-code-aadsts7000112-application-is-disabled
    code: 'AADSTS7000112',
    title: 'application disabled',
    cause: () => "The application's service principal is disabled in this tenant.",
    fix: () => 'Ask the tenant administrators to re-enable it if it was not disabled on purpose (for example Set-AzureADServicePrincipal -AccountEnabled $true).',
  },
  {
    // Application can't be accessed at this time (REF).
    code: 'AADSTS1000031',
    title: 'application cannot be accessed',
    cause: () => 'Entra ID does not let users reach this application at this time.',
    fix: () => `Ask the tenant administrator to check ${APP} (enabled, assignment, properties).`,
  },
  {
    // InvalidRealmUri (REF)
    code: 'AADSTS50107',
    title: 'federation realm does not exist',
    cause: () => 'The requested federation realm object does not exist in the tenant.',
    fix: () => 'Ask the tenant administrator to check the federation configuration of the domain.',
  },
  {
    // QueryStringTooLong (REF)
    code: 'AADSTS90015',
    title: 'query string too long',
    cause: (r) => `The URL the AuthnRequest was sent with is too long for Entra ID (${r.binding}).`,
    fix: () => 'On the SP: keep RelayState short, do not send a signed certificate in the query, or switch the AuthnRequest to HTTP-POST.',
  },
  {
    // No reply address provided (REF).
    code: 'AADSTS900971',
    title: 'no reply address',
    cause: (r) => (r.acsUrl ? `Entra ID found no reply address for this request (it asked for ${quoted(r.acsUrl)}).` : 'Entra ID found no reply address: the AuthnRequest names no AssertionConsumerServiceURL and the app has none.'),
    fix: (r) => `${BASIC} > Reply URL (Assertion Consumer Service URL): add ${quoted(r.acsUrl, "the SP's ACS URL")}.`,
  },
  {
    // UserStrongAuthClientAuthNRequired (REF)
    code: 'AADSTS50076',
    title: 'multifactor authentication required',
    cause: () => 'A policy requires multifactor authentication for this sign-in and it was not completed.',
    fix: () => 'Let the user complete multifactor authentication and sign in again.',
  },
  {
    // InvalidUserNameOrPassword (REF)
    code: 'AADSTS50126',
    title: 'wrong user name or password',
    cause: () => 'The user entered wrong credentials.',
    fix: () => 'Sign in again with the right credentials; nothing in the SAML configuration is involved.',
  },
  {
    // UserDisabled (REF)
    code: 'AADSTS50057',
    title: 'user account disabled',
    cause: () => 'The user account is disabled.',
    fix: () => 'An administrator re-enables the account if it should sign in (for an account synchronised from Active Directory: Enable-ADAccount).',
  },
  {
    // PassThroughUserMfaError: the external account the user signed in with does not exist in this tenant; it must be
    // added as an external user first (REF).
    code: 'AADSTS90072',
    title: 'account not in the tenant',
    cause: (r) => `The user signed in with an account that does not exist in the app's tenant${tenantOf(r)} (an account of another tenant, or a personal account), so Entra ID cannot satisfy the tenant's requirements for it.`,
    fix: () => "Invite the user as an external (guest) user in the app's tenant, or sign out and sign in with an account of that tenant.",
  },
  {
    // InvalidSignature (REF)
    code: 'AADSTS50006',
    title: 'signature verification failed',
    cause: (r) => (r.signed ? 'The signature of the AuthnRequest does not verify with the verification certificate configured for the app.' : 'Entra ID could not verify a signature in the request.'),
    fix: () => `Make the SP sign with the key whose certificate is configured for request verification in ${APP} > Single sign-on, or configure the SP's current certificate there.`,
  },
];

const BY_CODE = new Map(CODES.map((c) => [c.code, c]));

/** Any other AADSTS code: Microsoft's lookup page explains each (REF: https://login.microsoftonline.com/error?code=<n>). */
function lookupCode(code: string, said: string | undefined): ErrorCode {
  const n = code.slice('AADSTS'.length);
  return {
    code,
    title: 'Entra ID sign-in error',
    // Without a documented row, the page's own sentence is the best account of the cause.
    cause: () => (said ? `Entra ID refused the sign-in: "${said}"` : `Entra ID refused the sign-in with ${code}.`),
    fix: () => `Look the code up at https://login.microsoftonline.com/error?code=${n} (Microsoft's list: ${REF}).`,
  };
}

// Bounded patterns: digits and a GUID, no nested quantifiers (scanned on up to a megabyte).
const AADSTS = /\bAADSTS(\d{5,8})\b/;
const CORRELATION = /Correlation\s?I[dD]\b[^<>]{0,20}?(?:<[^<>]{0,200}>\s*){0,4}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/;
const DIRECTORY = /\bin the directory '([^'<>\n]{1,120})'/;
// Entra's error view is rendered by script from the page's $Config: the failure is in its error fields, the service
// exception message ("AADSTS700016: ...") and the error code, empty on a sign-in page (public clients read a failed
// sign-in from iErrorCode and strServiceExceptionMessage: https://github.com/RaphiMC/MinecraftAuth,
// StepCredentialsMsaCode.java). Anything else in a script (help tables of codes, handlers) is not this page's error.
const CONFIG_MESSAGE = /"strServiceExceptionMessage"\s*:\s*"((?:[^"\\]|\\.){1,2000})"/;
const CONFIG_CODE = /"(?:sErrorCode|iErrorCode)"\s*:\s*"?(\d{5,8})\b/;

function unescapeJson(s: string): string {
  try {
    return JSON.parse(`"${s}"`) as string;
  } catch {
    return s;
  }
}

/** The page's code and, where it can be read, its own sentence about it. */
function pageCode(page: PageView): { code: string; said?: string } | undefined {
  if (page.text.includes('strServiceExceptionMessage') || page.text.includes('ErrorCode')) {
    const message = CONFIG_MESSAGE.exec(page.text)?.[1];
    const said = message ? unescapeJson(message).trim() : undefined;
    const inMessage = said ? AADSTS.exec(said)?.[1] : undefined;
    if (inMessage) return { code: `AADSTS${inMessage}`, said };
    const n = CONFIG_CODE.exec(page.text)?.[1];
    if (n) return { code: `AADSTS${n}`, ...(said ? { said } : {}) };
  }
  if (page.text.includes('AADSTS')) {
    const visible = page.visible;
    const m = AADSTS.exec(visible);
    if (m) {
      const sentence = visible.slice(m.index).split(/(?<=[.!?])\s/)[0];
      return { code: `AADSTS${m[1]}`, ...(sentence ? { said: sentence } : {}) };
    }
  }
  const inUrl = AADSTS.exec(page.url)?.[1];
  return inUrl ? { code: `AADSTS${inUrl}` } : undefined;
}

const short = (s: string) => (s.length > 300 ? `${s.slice(0, 297)}…` : s);

export const entraPages: ErrorPageFamily = {
  product: 'entra-id',
  recognise(page) {
    const found = pageCode(page);
    if (!found) return undefined;
    const { code } = found;
    const said = found.said ? short(found.said) : undefined;
    const details: string[] = [];
    const dir = DIRECTORY.exec(said ?? page.visible)?.[1];
    if (dir) details.push(`directory ${dir}`);
    const corr = CORRELATION.exec(page.text)?.[1];
    if (corr) details.push(`Correlation ID ${corr} (Microsoft Entra admin center > Sign-in logs)`);
    return { product: 'entra-id', code: BY_CODE.get(code) ?? lookupCode(code, said), details };
  },
};

/** The codes with a documented cause and fix (for tests and the README). */
export const ENTRA_CODES: readonly string[] = CODES.map((c) => c.code);
