// A user who stopped on an IdP's sign-in, account-picker or MFA page was not refused: codes and IDs such pages carry
// where nobody sees them (scripts, help tables, empty hidden error boxes) are no error page. The IdP's own error
// pages, which put the same things where they are shown, stay recognised.
import { describe, expect, it } from 'vitest';
import { pageView, recognisePage } from '../../../lib/core/idp/error-pages';
import { adfsErrorPage, keycloakErrorPage } from '../../fixtures/flows/pages';

const html = (url: string, body: string, status = 200) => recognisePage(pageView(url, status, { text: body, mimeType: 'text/html' }));

const ADFS = 'https://sts.contoso.example/adfs/ls/?client-request-id=9ecc1f1b-fafb-41a6-afbc-d4c94a061b4a';
const ENTRA = 'https://login.microsoftonline.com/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/saml2?SAMLRequest=x';
const KEYCLOAK = 'https://sso.example.test/realms/corp/protocol/saml?SAMLRequest=x';
const GUID = '0a047e72-1fa1-45e4-a7d1-1616db1c380a';

/** AD FS's Azure MFA step after the password: a poll context with an "id" in a script, a hidden error box. */
function adfsMfaPage(context: string): string {
  return `<!DOCTYPE html><html><head><title>Sign In</title><script>var mfaContext = { "method": "PhoneAppNotification", "id": "${context}", "pollInterval": 3000 };</script></head><body>
<div id="loginArea"><form method="post" id="options" class="hidden" action="/adfs/ls/?client-request-id=9ecc1f1b-fafb-41a6-afbc-d4c94a061b4a&amp;pullStatus=0"><input type="hidden" name="AuthMethod" value="AzureMfaAuthentication"/><input id="context" type="hidden" name="Context" value="${context}"/></form>
<div id="mfaGreetingDescription">We've sent a notification to your mobile device. Please respond to continue.</div>
<div id="errorDiv" style="display:none"><label id="errorText"></label></div></div></body></html>`;
}

/** Entra's converged sign-in page: its $Config, with empty error fields unless `config` sets them, and a body. */
function entraSignInPage(config: Record<string, unknown>, body: string): string {
  const cfg = { urlPost: '/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/login', sErrorCode: '', strServiceExceptionMessage: '', pgid: 'ConvergedSignIn', ...config };
  return `<!DOCTYPE html><html><head><title>Sign in to your account</title><script type="text/javascript">//<![CDATA[
$Config=${JSON.stringify(cfg)};
//]]></script></head><body><form method="post" action="${cfg.urlPost}">${body}</form></body></html>`;
}

describe('AD FS: the Activity ID is read where the error page shows it', () => {
  it('the MFA page, with a GUID named "id" in its script, is not an error page', () => {
    expect(html(ADFS, adfsMfaPage(GUID))).toBeUndefined();
  });

  it('the error page with a visible Activity ID still is, in English and with another label around "ID"', () => {
    const hit = html(ADFS, adfsErrorPage(GUID, 'https://sp.example.test/saml/metadata', '2026-11-24T10:11:02.000Z'))!;
    expect(hit.code.code).toBe('AD FS error page');
    expect(hit.details.join(' ')).toContain(`Activity ID ${GUID}`);
    const fr = `<html><body><div id="errorArea"><p>Une erreur s'est produite.</p><div><span>ID d'activité :</span> <span>${GUID}</span></div></div></body></html>`;
    expect(html(ADFS, fr)!.details.join(' ')).toContain(`Activity ID ${GUID}`);
  });

  it('an Activity ID inside a hidden element is not shown, so it is not read', () => {
    const hidden = `<html><body><div hidden><span>Activity ID:</span> <span>${GUID}</span></div><p>Sign in</p></body></html>`;
    expect(html(ADFS, hidden)).toBeUndefined();
  });
});

describe('Entra ID: a code counts in the error fields of $Config, on the page, or in the URL', () => {
  it('"Pick an account" with a help table of codes in $Config and a hidden error box is not an error page', () => {
    const picker = entraSignInPage(
      { pgid: 'ConvergedTFA', oErrorHelp: { AADSTS50058: 'A silent sign-in request was sent but no user is signed in.', AADSTS50105: 'The signed in user is not assigned.' } },
      '<div role="heading">Pick an account</div><div id="idDiv_ErrorBox" hidden><span>AADSTS50105: The signed in user is not assigned to a role for the application.</span></div>',
    );
    expect(html(ENTRA, picker)).toBeUndefined();
  });

  it("the error page that puts its code only in $Config's error fields is still read, with the page's own words", () => {
    const message = "AADSTS700016: Application with identifier 'https://sp.example.test/saml/metadata' was not found in the directory 'Contoso'.";
    const hit = html(ENTRA, entraSignInPage({ strServiceExceptionMessage: message, sErrorCode: '700016', iHttpErrorCode: 400 }, '<noscript>Enable JavaScript.</noscript>'))!;
    expect(hit.code.code).toBe('AADSTS700016');
    expect(hit.details).toContain('directory Contoso');
    // The error code alone (a wrong password on the sign-in form) counts too.
    expect(html(ENTRA, entraSignInPage({ sErrorCode: '50126' }, '<input name="passwd" type="password">'))!.code.code).toBe('AADSTS50126');
  });

  it('a code without a documented row is explained in the words of the page', () => {
    const message = "AADSTS9002999: Something Entra ID said about 'alice@contoso.example'.";
    const hit = html(ENTRA, entraSignInPage({ strServiceExceptionMessage: message }, ''))!;
    expect(hit.code.cause({ authnContext: [], signed: false, binding: 'HTTP-Redirect' })).toContain(`"${message}"`);
    expect(hit.code.fix({ authnContext: [], signed: false, binding: 'HTTP-Redirect' })).toContain('https://login.microsoftonline.com/error?code=9002999');
  });
});

describe("Keycloak: the error element counts when it shows words", () => {
  it('a custom login theme with an empty hidden kc-error-message is the sign-in form, not an error page', () => {
    const login = `<html><body><div id="kc-error-message" class="alert" hidden></div><form id="kc-form-login"><input name="username"><input name="password" type="password"></form></body></html>`;
    expect(html(KEYCLOAK, login)).toBeUndefined();
    const empty = `<html><body><div id="kc-error-message"><p class="instruction"></p></div><form id="kc-form-login"><input name="password" type="password"></form></body></html>`;
    expect(html(KEYCLOAK, empty)).toBeUndefined();
  });

  it("Keycloak's error page with its message is still read, and its 400 without a readable message too", () => {
    expect(html(KEYCLOAK, keycloakErrorPage('corp', 'Invalid redirect uri'))!.code.code).toBe('Invalid redirect uri');
    expect(html(KEYCLOAK, '<html><body><p>Bad request</p></body></html>', 400)!.code.code).toBe('Keycloak error page');
  });
});

describe("Keycloak's messages in German are as specific as in English", () => {
  it.each([
    ['Ung\u00fcltige Redirect URI', 'Invalid redirect uri'],
    ['Ung\u00fcltiger Requester', 'Invalid requester'],
    ['Nicht unterst\u00fctztes NameIDFormat.', 'Unsupported NameIDFormat'],
    ['Login Requester nicht aktiviert', 'Login requester not enabled'],
    ['Ung\u00fcltiger Request.', 'Invalid Request'],
  ])('"%s" is %s', (german, code) => {
    expect(html(KEYCLOAK, keycloakErrorPage('corp', german), 400)!.code.code).toBe(code);
  });

  it('a message in a language without a table still gives the usual causes, quoting the page', () => {
    const hit = html(KEYCLOAK, keycloakErrorPage('corp', 'Demandeur invalide'), 400)!;
    expect(hit.code.code).toBe('Keycloak error page');
    expect(hit.details).toEqual(['the page says "Demandeur invalide"']);
  });
});
