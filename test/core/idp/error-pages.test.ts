// IdP error pages recognised from their codes, whatever the page's language; causes and fixes name the values
// of the AuthnRequest that caused them; unknown, truncated, binary or huge pages are no finding and no crash.
import { describe, expect, it } from 'vitest';
import { ENTRA_CODES, pageView, recognisePage, type RequestFacts } from '../../../lib/core/idp/error-pages';
import { responseBodyFrom, RESPONSE_BODY_MAX_CHARS } from '../../../lib/core/input/body';
import { adfsErrorPage, entraErrorPage, googleErrorPage, keycloakErrorPage, oktaBadRequestPage, oktaNotAssignedPage } from '../../fixtures/flows/pages';

const AT = '2026-11-24T10:11:02.000Z';
const ENTRA = 'https://login.microsoftonline.com/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/saml2?SAMLRequest=x';
const REQUEST: RequestFacts = {
  issuer: 'https://sp.example.test/saml/metadata',
  acsUrl: 'https://sp.example.test/saml/acs',
  nameIdPolicy: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  authnContext: ['urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport'],
  signed: false,
  binding: 'HTTP-Redirect',
  sentTo: 'https://login.microsoftonline.com/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/saml2',
};

const page = (url: string, status: number | undefined, html: string | undefined) => recognisePage(pageView(url, status, html === undefined ? undefined : { text: html, mimeType: 'text/html' }));

describe('Entra ID error pages', () => {
  it('documents at least the 20 most common SAML-related AADSTS codes', () => {
    expect(ENTRA_CODES.length).toBeGreaterThanOrEqual(20);
    for (const code of ['AADSTS700016', 'AADSTS50011', 'AADSTS50105', 'AADSTS75011', 'AADSTS75005', 'AADSTS76021', 'AADSTS750054', 'AADSTS75016']) expect(ENTRA_CODES).toContain(code);
  });

  it('AADSTS700016 names the AuthnRequest Issuer and where to put it in Entra ID', () => {
    const hit = page(ENTRA, 200, entraErrorPage("AADSTS700016: Application with identifier 'https://sp.example.test/saml/metadata' was not found in the directory 'Contoso'.", AT))!;
    expect(hit.product).toBe('entra-id');
    expect(hit.code.code).toBe('AADSTS700016');
    expect(hit.code.cause(REQUEST)).toContain('"https://sp.example.test/saml/metadata" (the Issuer of this AuthnRequest) is not the Identifier (Entity ID)');
    expect(hit.code.fix(REQUEST)).toContain('Basic SAML Configuration > Edit > Identifier (Entity ID): add "https://sp.example.test/saml/metadata"');
    expect(hit.details).toContain('directory Contoso');
    expect(hit.details.join(' ')).toContain('Correlation ID 8d7c6b5a-4e3f-4a1b-9c0d-e1f2a3b4c5d6');
  });

  it('AADSTS50011 names the requested ACS URL, AADSTS75011 the RequestedAuthnContext', () => {
    expect(page(ENTRA, 200, entraErrorPage('AADSTS50011: The reply URL specified in the request does not match.', AT))!.code.cause(REQUEST)).toContain('"https://sp.example.test/saml/acs"');
    const hit = page(ENTRA, 200, entraErrorPage("AADSTS75011: Authentication method 'X509, MultiFactor' ... doesn't match.", AT))!;
    expect(hit.code.cause(REQUEST)).toContain('urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport');
    expect(hit.code.fix(REQUEST)).toContain('ForceAuthn="true"');
  });

  it('recognises the code on a page in another language', () => {
    const hit = page(ENTRA, 200, entraErrorPage("AADSTS50105: Der angemeldete Benutzer 'alice@contoso.example' ist der Anwendung nicht zugewiesen.", AT, 'de'))!;
    expect(hit.code.code).toBe('AADSTS50105');
    expect(hit.code.fix(REQUEST)).toContain('Users and groups');
  });

  it('sends an undocumented code to Microsoft lookup page rather than guessing', () => {
    const hit = page(ENTRA, 200, '<p>AADSTS9999999: something new</p>')!;
    expect(hit.code.fix(REQUEST)).toContain('https://login.microsoftonline.com/error?code=9999999');
  });
});

describe('Okta, AD FS, Google Workspace and Keycloak error pages', () => {
  const OKTA_SSO = 'https://example-org.okta.com/app/example-org_app_1/exk8f2a1b3c4d5E6f7g8/sso/saml?SAMLRequest=x';

  it('Okta: 403 App Not Assigned on the SSO URL (by status, whatever the language), and the /error/400_SAML redirect', () => {
    expect(page(OKTA_SSO, 403, oktaNotAssignedPage('Test app'))!.code.code).toBe('403 App Not Assigned');
    expect(page(OKTA_SSO, 403, '<h1>403</h1><p>Vous n’êtes pas affecté à cette application.</p>')!.code.code).toBe('403 App Not Assigned');
    expect(page(OKTA_SSO, 403, undefined)!.code.fix(REQUEST)).toContain('Assignments');
    const bad = page('https://example-org.okta.com/error/400_SAML?stateToken=abc', 400, oktaBadRequestPage())!;
    expect(bad.code.cause(REQUEST)).toContain('NameIDPolicy "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"');
    expect(bad.code.cause({ ...REQUEST, signed: true, nameIdPolicy: undefined })).toContain('signed, without NameIDPolicy');
    expect(page(OKTA_SSO, 200, '<html>Okta sign-in widget</html>')).toBeUndefined();
  });

  it('AD FS: the error page with its Activity ID lists the usual causes with this request’s values; the sign-in page is not an error', () => {
    const hit = page('https://adfs.example.test/adfs/ls/?SAMLRequest=x', 200, adfsErrorPage('00000000-0000-0000-6a00-0080000000f1', 'Test SP', AT))!;
    expect(hit.product).toBe('adfs');
    expect(hit.details.join(' ')).toContain('Activity ID 00000000-0000-0000-6a00-0080000000f1');
    const cause = hit.code.cause(REQUEST);
    expect(cause).toContain('"https://sp.example.test/saml/metadata"');
    expect(cause).toContain('urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress');
    expect(hit.code.fix(REQUEST)).toContain('AD FS > Admin');
    // In French the label changes, the GUID next to "ID" stays.
    expect(page('https://adfs.example.test/adfs/ls/', 200, "<div>Une erreur s'est produite</div><li>ID d'activité : 00000000-0000-0000-6a00-0080000000f2</li>")?.product).toBe('adfs');
    expect(page('https://adfs.example.test/adfs/ls/?client-request-id=7e2f9c1a-3b4d-4a60-8e21-0c0000000091', 200, '<form><input type="password" name="Password"></form>')).toBeUndefined();
    // The MFA page: no password field, and the form action's client-request-id is not an Activity ID.
    const mfa = '<form method="post" action="/adfs/ls/?SAMLRequest=x&amp;client-request-id=7e2f9c1a-3b4d-4a60-8e21-0c0000000091"><label>Enter the code</label><input name="Otp"></form>';
    expect(page('https://adfs.example.test/adfs/ls/?SAMLRequest=x&client-request-id=7e2f9c1a-3b4d-4a60-8e21-0c0000000091', 200, mfa)).toBeUndefined();
  });

  it('AD FS: an MSIS code on the page is read as such (MSIS7070 names the requested NameIDPolicy Format)', () => {
    const hit = page('https://adfs.example.test/adfs/ls/', 200, '<p>MSIS7070: The SAML request contained a NameIDPolicy that was not satisfied by the issued token.</p>')!;
    expect(hit.code.code).toBe('MSIS7070');
    expect(hit.code.cause(REQUEST)).toContain('format "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"');
    expect(hit.code.fix(REQUEST)).toContain('Transform an Incoming Claim');
  });

  it('Google Workspace: app_not_configured_for_user, app_not_enabled_for_user and app_not_configured', () => {
    const url = 'https://accounts.google.com/o/saml2/idp?idpid=C01&SAMLRequest=x';
    expect(page(url, 403, googleErrorPage('app_not_configured_for_user', 'Service is not configured for this user.', 'C01'))!.code.cause(REQUEST)).toContain('"https://sp.example.test/saml/metadata"');
    expect(page(url, 403, googleErrorPage('app_not_enabled_for_user', 'Service is not enabled for this user.', 'C01'))!.code.fix(REQUEST)).toContain('User access');
    expect(page(url, 403, googleErrorPage('app_not_configured', 'x', 'C01'))!.code.code).toBe('app_not_configured');
  });

  it('Keycloak: the message decides the cause; in another language the usual causes are listed', () => {
    const url = 'https://kc.example.test/realms/demo/protocol/saml?SAMLRequest=x';
    expect(page(url, 400, keycloakErrorPage('demo', 'Invalid redirect uri'))!.code.fix(REQUEST)).toContain('Valid redirect URIs');
    expect(page(url, 400, keycloakErrorPage('demo', 'Invalid requester'))!.code.code).toBe('Invalid requester');
    const foreign = page(url, 400, keycloakErrorPage('demo', 'Ungültige Weiterleitungs-URI'))!;
    expect(foreign.code.code).toBe('Keycloak error page');
    expect(foreign.code.cause(REQUEST)).toContain('"https://sp.example.test/saml/acs"');
    expect(foreign.details[0]).toContain('Ungültige Weiterleitungs-URI');
  });
});

describe('pages that are no finding, and bad input', () => {
  it('an unknown page, a success page (it posts SAMLResponse) and no page at all are not recognised', () => {
    expect(page('https://idp.example.test/sso', 200, '<html><h1>Something went wrong</h1></html>')).toBeUndefined();
    expect(page(ENTRA, 200, '<form method="post" action="https://sp/acs"><input type="hidden" name="SAMLResponse" value="PHNhbWw+"><p>AADSTS50058</p></form>')).toBeUndefined();
    expect(page(ENTRA, 200, undefined)).toBeUndefined();
  });

  it('truncated HTML, binary bodies and other encodings: no crash, codes still found when they are there', () => {
    expect(() => page(ENTRA, 200, '<html><body><p>AADSTS7000')).not.toThrow();
    expect(page(ENTRA, 200, '<html><body><div id="kc-error-message"><p class="instruction">')).toBeDefined(); // Keycloak's page, cut short
    expect(responseBodyFrom('\u0000\u0001PNG binary', 'text/html')).toBeUndefined();
    expect(responseBodyFrom('abc', 'image/png')).toBeUndefined();
    expect(responseBodyFrom('not base64 at all ***', 'text/html', 'base64')).toBeUndefined();
    // windows-1252 bytes, base64 as HAR stores them: é is 0xE9.
    const latin = responseBodyFrom(Buffer.from([0x3c, 0x70, 0x3e, 0xe9, 0x20, 0x41, 0x41, 0x44, 0x53, 0x54, 0x53, 0x35, 0x30, 0x31, 0x30, 0x35]).toString('base64'), 'text/html; charset=windows-1252', 'base64')!;
    expect(latin.text).toBe('<p>é AADSTS50105');
    expect(page(ENTRA, 200, latin.text)!.code.code).toBe('AADSTS50105');
  });

  it('keeps at most the documented number of characters of a body, and says it was cut', () => {
    const big = responseBodyFrom('x'.repeat(RESPONSE_BODY_MAX_CHARS + 10), 'text/html')!;
    expect(big.text.length).toBe(RESPONSE_BODY_MAX_CHARS);
    expect(big.truncated).toBe(true);
    const b64 = responseBodyFrom(Buffer.from('y'.repeat(RESPONSE_BODY_MAX_CHARS + 3000)).toString('base64'), 'text/html', 'base64')!;
    expect(b64.text.length).toBeLessThanOrEqual(RESPONSE_BODY_MAX_CHARS);
    expect(b64.truncated).toBe(true);
  });

  it('scans a 5 MB HTML page in bounded time (under 20 ms)', () => {
    const chunk = '<div class="row" id="r"><span data-name="x">text &amp; more</span><a href="/p?id=1">link</a></div>\n';
    const html = `<html><head><title>Big</title></head><body>${chunk.repeat(Math.ceil((5 * 1024 * 1024) / chunk.length))}</body></html>`;
    expect(html.length).toBeGreaterThan(5 * 1024 * 1024);
    const urls = [ENTRA, 'https://adfs.example.test/adfs/ls/', 'https://example-org.okta.com/app/a/b/sso/saml', 'https://kc.example.test/realms/demo/protocol/saml'];
    // As captured: the body is read (and capped), then scanned. Best of several runs: the machine is shared.
    const best = Math.min(
      ...[0, 1, 2, 3, 4, 5, 6].map(() => {
        const t = performance.now();
        for (const url of urls) recognisePage(pageView(url, 200, responseBodyFrom(html, 'text/html')));
        return (performance.now() - t) / urls.length;
      }),
    );
    expect(best).toBeLessThan(20);
  });
});
