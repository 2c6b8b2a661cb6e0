// An IdP's page that sends the browser on by script (location.assign, a FederationRedirectUrl its script fetched)
// instead of a redirect: the page it went to next is still the IdP's answer. A page the user went to on their own is not.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import type { TraceEntry } from '../../../lib/core/model';
import { at, authnRequest, redirectEntry, TRUST } from '../rules/build';

const html = (text: string) => ({ text, mimeType: 'text/html' });
const GUID = '0a047e72-1fa1-45e4-a7d1-1616db1c380a';

function page(id: string, url: string, atSeconds: number, extra: Partial<TraceEntry> = {}): TraceEntry {
  return { id, source: 'webrequest', method: 'GET', url, requestHeaders: [], responseHeaders: [], capturedAt: at(atSeconds), responseStatus: 200, ...extra };
}
const referer = (url: string) => ({ requestHeaders: [{ name: 'Referer', value: url }] });

describe('pages the IdP sent the browser to by script', () => {
  const AUTH0 = 'https://acme.eu.auth0.com';
  const sso = `${AUTH0}/samlp/Xy7kQ2aB9cD4`;
  const start = () => ({ ...redirectEntry('SAMLRequest', authnRequest({ destination: sso }), sso, at(-2)), responseStatus: 302, redirectUrl: `${AUTH0}/u/login?state=abc` });
  const login = (script: string) =>
    page('l', `${AUTH0}/u/login?state=abc`, 1, { responseBody: html(`<html><body><form method="post"><input name="username"></form><script>${script}</script></body></html>`) });
  const errorUrl = `${AUTH0}/error?error=invalid_request&error_description=the%20connection%20is%20not%20enabled`;
  const errorPage = page('e', errorUrl, 3, { ...referer(`${AUTH0}/u/login?state=abc`), responseBody: html('<html><body><h1>Oops!, something went wrong</h1></body></html>') });

  it("refused: the sign-in page's script assigns the IdP's error URL, and the tab goes there next", async () => {
    const r = await analyze([start(), login(`fetch('/u/login/config').then(function(r){if(!r.ok){location.assign('${errorUrl}')}});`), errorPage], TRUST);
    expect(r.flows[0]!.outcome).toBe('refused-by-idp');
    const message = r.messages[0]!.findings.find((f) => f.rule === 'idp-refused')!.message;
    expect(message).toContain('sent the browser to its error page');
    // The error URL's own words are quoted; without them the finding points to the captured page.
    expect(message).toContain('Its error URL says: "invalid_request: the connection is not enabled".');
    const bare = `${AUTH0}/error`;
    const plain = await analyze([start(), login(`location.assign('${bare}')`), { ...errorPage, url: bare }], TRUST);
    expect(plain.messages[0]!.findings.find((f) => f.rule === 'idp-refused')!.message).toContain('is not one SAML Lens recognises');
  });

  it('abandoned: an error URL on the IdP that its page never named (the user opened it) is not the answer', async () => {
    const r = await analyze([start(), login(''), errorPage], TRUST);
    expect(r.flows[0]!.outcome).toBe('abandoned');
  });

  const ENTRA = 'https://login.microsoftonline.com/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b';
  const entraStart = () => ({
    ...redirectEntry('SAMLRequest', authnRequest({ destination: `${ENTRA}/saml2` }), `${ENTRA}/saml2`, at(-2)),
    responseStatus: 200,
    responseBody: html('<html><body><form><input type="email" name="loginfmt"></form></body></html>'),
  });
  const federation = 'https://sts.contoso.example/adfs/ls/?client-request-id=4a86&username=dana%40contoso.example&wa=wsignin1.0';
  const credentialType = page('c', 'https://login.microsoftonline.com/common/GetCredentialType?mkt=en-US', 2, {
    method: 'POST',
    resourceType: 'fetch',
    responseBody: { text: JSON.stringify({ Credentials: { PrefCredential: 4, FederationRedirectUrl: federation } }), mimeType: 'application/json' },
  });
  const adfsError = (extra: Partial<TraceEntry>) =>
    page('a', federation, 3, {
      resourceType: 'document',
      responseBody: html(`<html><body><div id="errorArea"><p>An error occurred. Contact your administrator for more information.</p><div><span>Activity ID:</span> <span>${GUID}</span></div></div></body></html>`),
      ...extra,
    });

  it("refused upstream: Entra ID's script fetched a FederationRedirectUrl and the tab went to AD FS's error page", async () => {
    const r = await analyze([entraStart(), credentialType, adfsError({})], TRUST);
    expect(r.flows[0]!.outcome).toBe('refused-by-idp');
    expect(r.messages[0]!.findings.find((f) => f.rule === 'idp-refused')!.message).toContain('AD FS refused the sign-in that Microsoft Entra ID passed on to it');
  });

  it('refused upstream without the JSON captured: the next page, an AD FS endpoint with Entra ID as Referer', async () => {
    const r = await analyze([entraStart(), adfsError(referer('https://login.microsoftonline.com/'))], TRUST);
    expect(r.flows[0]!.outcome).toBe('refused-by-idp');
  });

  it('abandoned: after the IdP page the user opened another site (an unrelated page, even one on an IdP endpoint later)', async () => {
    const elsewhere = page('x', 'https://news.example.test/', 3, { resourceType: 'document', responseStatus: 404, responseBody: html('<h1>Not found</h1>') });
    expect((await analyze([entraStart(), elsewhere], TRUST)).flows[0]!.outcome).toBe('abandoned');
    const later = adfsError({ ...referer('https://login.microsoftonline.com/'), capturedAt: at(5) });
    expect((await analyze([entraStart(), elsewhere, later], TRUST)).flows[0]!.outcome).toBe('abandoned');
  });

  it("abandoned: a link the IdP's page shows (a help article on login errors, the SP's privacy page) that the user followed", async () => {
    for (const link of ['https://support.acme.example/hc/articles/360012345-SSO-login-errors', 'https://sp.example.test/legal/privacy.html']) {
      const shown = login(`var config = {"helpLinks":{"help":"${link}"}};`);
      const followed = page('h', link, 3, { ...referer(`${AUTH0}/u/login?state=abc`), responseStatus: 404, responseBody: html('<h1>Not found</h1>') });
      expect((await analyze([start(), shown, followed], TRUST)).flows[0]!.outcome, link).toBe('abandoned');
    }
  });

  describe('an address on the IdP typed by the user (no Referer where the capture records them)', () => {
    const SP_PAGE = referer('https://sp.example.test/app');
    const typed = (extra: Partial<TraceEntry> = {}) => page('t', `${AUTH0}/app/userhom`, 3, { responseStatus: 404, responseBody: html('<h1>Not found</h1>'), ...extra });

    it('is not the IdP refusing', async () => {
      const r = await analyze([{ ...start(), ...SP_PAGE }, login(''), typed()], TRUST);
      expect(r.flows[0]!.outcome).toBe('abandoned');
    });

    it('unless the IdP page withholds Referers (Referrer-Policy: no-referrer): then it may be where the page sent it', async () => {
      const quiet = { ...login(''), responseHeaders: [{ name: 'Referrer-Policy', value: 'no-referrer' }] };
      expect((await analyze([{ ...start(), ...SP_PAGE }, quiet, typed()], TRUST)).flows[0]!.outcome).toBe('refused-by-idp');
    });
  });
});
