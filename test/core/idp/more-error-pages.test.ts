// Shibboleth IdP, PingFederate/PingOne and SimpleSAMLphp answer a refused request with an error page and HTTP 200:
// the page, not the status, says the IdP refused; their sign-in pages on the same URLs stay the user stopping there.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import { pageView, recognisePage, type RequestFacts } from '../../../lib/core/idp/error-pages';
import type { TraceEntry } from '../../../lib/core/model';
import { at, authnRequest, redirectEntry, TRUST } from '../rules/build';

const html = (url: string, body: string, status = 200) => recognisePage(pageView(url, status, { text: body, mimeType: 'text/html' }));
const REQUEST: RequestFacts = {
  issuer: 'https://sp.example.test/saml/metadata',
  acsUrl: 'https://sp.example.test/saml/acs',
  authnContext: [],
  signed: false,
  binding: 'HTTP-Redirect',
};

const SHIB = 'https://idp.example.edu/idp/profile/SAML2/Redirect/SSO';
/** Shibboleth IdP's error view as delivered: "<idp.title> - <title>", the title again as heading, the message. */
const shibError = (title: string, message: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Web Login Service - ${title}</title></head><body><div class="wrapper"><div class="container"><div class="content"><h2>Web Login Service - ${title}</h2><p>${message}</p></div></div></div></body></html>`;
const shibLogin = () =>
  `<!DOCTYPE html><html><head><title>Web Login Service</title></head><body><form action="/idp/profile/SAML2/Redirect/SSO?execution=e1s1" method="post"><label for="username">Username</label><input id="username" name="j_username"><input name="j_password" type="password"><button name="_eventId_proceed">Login</button></form></body></html>`;

const PINGFED = 'https://federate.example.test/idp/SSO.saml2';
const pingFedError = (ref: string) =>
  `<!DOCTYPE html><html><head><title>Error</title></head><body><div class="ping-body-container"><div class="section-title">Unexpected System Error</div><div class="ping-error">Sorry, an unexpected error has occurred. Please contact your system administrator and provide this reference code: <span class="ref">${ref}</span></div></div><div class="ping-copyright">Copyright Ping Identity Corporation.</div></body></html>`;
const PINGONE = 'https://auth.pingone.eu/5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/signon/?flowId=03a1';

const SSP = 'https://idp.example.test/simplesaml/saml2/idp/SSOService.php';
const sspError = (entityId: string, debug: boolean) =>
  `<!DOCTYPE html><html><head><title>SimpleSAMLphp</title></head><body><div id="content"><h1>Metadata not found</h1><p>Unable to locate metadata for '${entityId}'</p>${debug ? `<h2>Debug information</h2><pre>SimpleSAML\\Error\\MetadataNotFound: METADATANOTFOUND('%ENTITYID%' =&gt; '\\'${entityId}\\'')</pre>` : ''}</div></body></html>`;

describe('Shibboleth IdP error view', () => {
  it('"Unsupported Request": the SP is not registered; the fix names its entity ID and where the IdP loads metadata', () => {
    const hit = html(SHIB, shibError('Unsupported Request', 'The application you have accessed is not registered for use with this service.'))!;
    expect(hit).toMatchObject({ product: 'shibboleth', code: { code: 'Unsupported Request' } });
    expect(hit.code.cause(REQUEST)).toContain('"https://sp.example.test/saml/metadata"');
    expect(hit.code.fix(REQUEST)).toContain('metadata-providers.xml');
  });

  it('"Stale Request" after the login form, "Unable to Respond" with the requested ACS', () => {
    expect(html(`${SHIB}?execution=e1s2`, shibError('Stale Request', 'You may be seeing this page because you used the Back button.'))!.code.code).toBe('Stale Request');
    expect(html(SHIB, shibError('Unable to Respond', 'The login service was unable to identify a compatible way to respond.'))!.code.cause(REQUEST)).toContain('"https://sp.example.test/saml/acs"');
  });

  it('its login form, on the same endpoint, is not an error page; nor are those words on another site', () => {
    expect(html(`${SHIB}?execution=e1s1`, shibLogin())).toBeUndefined();
    expect(html('https://blog.example.test/posts/1', '<html><body><h1>Stale Request handling in our API</h1></body></html>')).toBeUndefined();
  });
});

describe('PingFederate and PingOne error pages', () => {
  it('PingFederate "Unexpected System Error": its reference code is kept for the server log', () => {
    const hit = html(PINGFED, pingFedError('7WJVBRL4'))!;
    expect(hit).toMatchObject({ product: 'ping', code: { code: 'Unexpected System Error' } });
    expect(hit.details.join(' ')).toContain('reference code 7WJVBRL4');
    expect(hit.code.fix(REQUEST)).toContain('HTTP-Redirect');
  });

  it('PingOne AUTHZ_001: the user is in none of the groups the application allows', () => {
    const page = `<html><body><div role="alert"><h1>Error</h1><p>Sorry, you're not authorized to access the requested resource. Check that you belong to one of the authorized groups.</p><p class="code">AUTHZ_001</p></div></body></html>`;
    expect(html(PINGONE, page)!.code.title).toBe('user not in an authorized group for the application');
  });

  it("PingOne's sign-on page, which carries no error, is not one", () => {
    expect(html(PINGONE, '<html><body><form><input name="username"><input name="password" type="password"></form></body></html>')).toBeUndefined();
  });
});

describe('SimpleSAMLphp METADATANOTFOUND', () => {
  it('recognised by its message or its code, naming the entity ID the page names', () => {
    for (const debug of [true, false]) {
      const hit = html(SSP, sspError('https://sp.example.test/saml/metadata', debug))!;
      expect(hit).toMatchObject({ product: 'simplesamlphp', code: { code: 'METADATANOTFOUND' } });
      expect(hit.details).toEqual(['the page names the entity ID https://sp.example.test/saml/metadata']);
      expect(hit.code.fix(REQUEST)).toContain('saml20-sp-remote.php');
    }
  });

  it('its login page is not an error page', () => {
    expect(html(SSP, '<html><head><title>SimpleSAMLphp</title></head><body><h1>Enter your username and password</h1><form><input name="username"><input name="password" type="password"></form></body></html>')).toBeUndefined();
  });
});

describe('the flow ends refused by the IdP, though the page answered 200', () => {
  const page = (url: string, body: string, atSeconds: number, extra: Partial<TraceEntry> = {}): TraceEntry => ({
    id: `p${atSeconds}`,
    source: 'webrequest',
    method: 'GET',
    url,
    requestHeaders: [],
    responseHeaders: [],
    capturedAt: at(atSeconds),
    responseStatus: 200,
    responseBody: { text: body, mimeType: 'text/html' },
    ...extra,
  });

  it('Shibboleth: Stale Request after the login form is refused-by-idp; the login form alone is abandoned', async () => {
    const start = { ...redirectEntry('SAMLRequest', authnRequest({ destination: SHIB }), SHIB, at(-2)), responseStatus: 302, redirectUrl: `${SHIB}?execution=e1s1` };
    const form = page(`${SHIB}?execution=e1s1`, shibLogin(), 1);
    const stale = page(`${SHIB}?execution=e1s2`, shibError('Stale Request', 'You may be seeing this page because you used the Back button.'), 5, { method: 'POST' });
    const refused = await analyze([start, form, stale], TRUST);
    expect(refused.flows[0]).toMatchObject({ outcome: 'refused-by-idp', idp: { product: 'shibboleth' } });
    expect(refused.messages[0]!.findings.find((f) => f.rule === 'idp-refused')!.message).toContain('Stale Request');
    expect((await analyze([start, form], TRUST)).flows[0]!.outcome).toBe('abandoned');
  });
});
