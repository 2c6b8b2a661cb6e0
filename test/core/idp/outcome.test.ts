// How a flow ended, read from the HTTP answers around its messages: the SP's answer to the ACS post, the
// IdP's answer to the AuthnRequest, and nothing invented where the capture says nothing.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import type { Report, TraceEntry } from '../../../lib/core/model';
import { buildLogoutRequest, STATUS } from '../../../lib/samlgen';
import { ACS, at, authnRequest, cleanFlow, postEntry, redirectEntry, response, SSO, TRUST } from '../rules/build';

const ENTRA_SSO = 'https://login.microsoftonline.com/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/saml2';
const html = (text: string) => ({ text, mimeType: 'text/html' });

function page(id: string, url: string, atSeconds: number, extra: Partial<TraceEntry> = {}): TraceEntry {
  return { id, source: 'webrequest', method: 'GET', url, requestHeaders: [], responseHeaders: [], capturedAt: at(atSeconds), ...extra };
}

/** The clean flow with the ACS answering `answer`, followed by `after`. */
function answered(answer: Partial<TraceEntry>, ...after: TraceEntry[]): TraceEntry[] {
  const [request, resp] = cleanFlow();
  return [request!, { ...resp!, ...answer }, ...after];
}

const rules = (r: Report, i: number) => r.messages[i]!.findings.map((f) => f.rule);

describe('the SP answer to the posted Response', () => {
  it('signed in: the ACS redirects on to the application', async () => {
    const r = await analyze(answered({ responseStatus: 302, redirectUrl: 'https://sp.example.test/home' }, page('h', 'https://sp.example.test/home', 3, { responseStatus: 200 })), TRUST);
    expect(r.flows[0]!.outcome).toBe('signed-in');
    expect(rules(r, 1)).not.toContain('sp-refused');
  });

  it('refused: an HTTP error from the ACS, with the SP text quoted and the likely cause first', async () => {
    const [request] = cleanFlow();
    const bad = postEntry('SAMLResponse', response({ audiences: ['https://other.example.test/'] }), ACS, at(2));
    const r = await analyze([request!, { ...bad, responseStatus: 403, responseBody: html('<html><head><title>Access denied</title></head><body><p>Audience validation failed.</p></body></html>') }], TRUST);
    expect(r.flows[0]!.outcome).toBe('refused-by-sp');
    const f = r.messages[1]!.findings.find((x) => x.rule === 'sp-refused')!;
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/answered HTTP 403\. Most likely because of audience-mismatch/);
    expect(f.message).toContain('The SP said: "Access denied — Audience validation failed."');
  });

  it('refused: a redirect to its error or sign-in page, even when that page was not captured', async () => {
    for (const location of ['/login?error=saml', 'https://sp.example.test/signin', '/auth/failed']) {
      const r = await analyze(answered({ responseStatus: 302, redirectUrl: location }), TRUST);
      expect(r.flows[0]!.outcome, location).toBe('refused-by-sp');
      expect(r.messages[1]!.findings.find((x) => x.rule === 'sp-refused')!.message, location).toContain('No finding on this Response explains it');
    }
  });

  it("refused: a page headed as an error; an application page that merely mentions one is still a sign-in", async () => {
    const failed = await analyze(answered({ responseStatus: 200, responseBody: html('<html><head><title>Sign-in failed</title></head><body><h1>Sign-in failed</h1><p>Your account is not allowed to use this service.</p></body></html>') }), TRUST);
    expect(failed.flows[0]!.outcome).toBe('refused-by-sp');
    expect(failed.messages[1]!.findings.find((x) => x.rule === 'sp-refused')!.message).toContain('The SP said: "Sign-in failed — Your account is not allowed to use this service."');
    const home = page('h', 'https://sp.example.test/home', 3, { responseStatus: 200, responseBody: html('<html><head><title>Dashboard</title></head><body><h1>Welcome</h1><p>Unable to load notifications.</p></body></html>') });
    const ok = await analyze(answered({ responseStatus: 302, redirectUrl: 'https://sp.example.test/home' }, home), TRUST);
    expect(ok.flows[0]!.outcome).toBe('signed-in');
  });

  it('signed in: the page the ACS redirected to is the application, and its title is its content', async () => {
    const issue = (title: string) =>
      page('i', 'https://sp.example.test/browse/PAY-4821', 3, { responseStatus: 200, responseBody: html(`<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`) });
    const go = (title: string) => analyze(answered({ responseStatus: 302, redirectUrl: 'https://sp.example.test/browse/PAY-4821' }, issue(title)), TRUST);
    for (const title of [
      '[PAY-4821] Checkout fails with "Invalid card number" error',
      'Failed login attempts report – Acme Security Console',
      'SSO error rate - Dashboards - Grafana',
      'Unauthorized access attempts — weekly report',
      'Error: Request failed with status code 500 — acme-frontend — Sentry',
      'Errors - Error Tracking - Monitor - checkout · GitLab',
    ]) {
      expect((await go(title)).flows[0]!.outcome, title).toBe('signed-in');
    }
    // A headline that is a refusal as a whole is still the SP saying no.
    for (const title of ['SSO login failed', 'We could not sign you in', 'Access denied - Acme', 'Error: Sign-in failed']) {
      expect((await go(title)).flows[0]!.outcome, title).toBe('refused-by-sp');
    }
    // The ACS's own page: an application title there is not a refusal either.
    const own = await analyze(answered({ responseStatus: 200, responseBody: html('<html><head><title>Error budget dashboard · SRE Portal</title></head><body></body></html>') }), TRUST);
    expect(own.flows[0]!.outcome).toBe('signed-in');
    // A view an SPA keeps in a <template> is not on the page.
    const shell = await analyze(answered({ responseStatus: 200, responseBody: html('<html><head><title>Acme</title></head><body><template><h1>Access denied</h1></template><div id="app"></div></body></html>') }), TRUST);
    expect(shell.flows[0]!.outcome).toBe('signed-in');
    // The ACS's own answer headed as a bare error is the SP saying no.
    const bare = await analyze(answered({ responseStatus: 200, responseBody: html('<html><head><title>Error</title></head><body><h1>Error</h1></body></html>') }), TRUST);
    expect(bare.flows[0]!.outcome).toBe('refused-by-sp');
  });

  it('signed in: sent back to the page the user asked for before signing in, whatever it is called or headed', async () => {
    // A Grafana dashboard deep link: the app sent the user to sign in from it, and after the ACS back to it.
    const deep = 'https://sp.example.test/d/abc/auth-errors?orgId=1';
    const asked = page('a', deep, -4, { responseStatus: 302, redirectUrl: 'https://sp.example.test/login' });
    const login = page('l', 'https://sp.example.test/login', -3, { responseStatus: 302, redirectUrl: 'https://sp.example.test/saml/login' });
    const [request, resp] = cleanFlow();
    const landing = page('d', deep, 3, { responseStatus: 200, responseBody: html('<html><head><title>SSO errors - Dashboards - Grafana</title></head><body></body></html>') });
    const r = await analyze([asked, login, request!, { ...resp!, responseStatus: 302, redirectUrl: deep }, landing], TRUST);
    expect(r.flows[0]!.outcome).toBe('signed-in');
    // Sent back to the sign-in page the user started from is not being let in.
    const again = page('l2', 'https://sp.example.test/login', 3, { responseStatus: 200, responseBody: html('<html><head><title>Sign-in failed</title></head><body></body></html>') });
    const back = await analyze([asked, login, request!, { ...resp!, responseStatus: 302, redirectUrl: 'https://sp.example.test/login' }, again], TRUST);
    expect(back.flows[0]!.outcome).toBe('refused-by-sp');
    // The same page answering an HTTP error is still a refusal.
    const denied = await analyze([asked, login, request!, { ...resp!, responseStatus: 302, redirectUrl: deep }, { ...landing, responseStatus: 403 }], TRUST);
    expect(denied.flows[0]!.outcome).toBe('refused-by-sp');
  });

  it("signed in: sent to the page the Response's RelayState named (a deep link), whatever it is called", async () => {
    const [request, resp] = cleanFlow();
    const deep = 'https://sp.example.test/d/f3k9a2/login-failed?orgId=1';
    const posted = { ...resp!, formFields: [...(resp!.formFields ?? []).filter(([n]) => n !== 'RelayState'), ['RelayState', '/d/f3k9a2/login-failed?orgId=1'] as [string, string]] };
    const landing = page('d', deep, 3, { responseStatus: 200, responseBody: html('<html><head><title>Login failed - Dashboards - Grafana</title></head></html>') });
    const r = await analyze([request!, { ...posted, responseStatus: 302, redirectUrl: deep }, landing], TRUST);
    expect(r.flows[0]!.outcome).toBe('signed-in');
  });

  it('signed in: a page listing errors, or a parameter that only mentions a sign-in word, is not an error page', async () => {
    for (const location of ['/d/abc/auth-errors', '/d/abc/home?var-login_result=failure', '/reports/saml-errors']) {
      const r = await analyze(answered({ responseStatus: 302, redirectUrl: location }), TRUST);
      expect(r.flows[0]!.outcome, location).toBe('signed-in');
    }
    const go = (title: string) => analyze(answered({ responseStatus: 302, redirectUrl: '/d/x' }, page('d', 'https://sp.example.test/d/x', 3, { responseStatus: 200, responseBody: html(`<html><head><title>${title}</title></head></html>`) })), TRUST);
    expect((await go('SSO errors - Dashboards - Grafana')).flows[0]!.outcome).toBe('signed-in');
  });

  it('refused: the SP not knowing or not admitting the user, in English and the languages SaaS pages come in', async () => {
    const headed = (title: string) => html(`<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`);
    for (const title of ['User not provisioned', 'Your account is not allowed to access this workspace', 'Zugriff verweigert', 'Acc\u00e8s refus\u00e9', 'Acceso denegado']) {
      const atAcs = await analyze(answered({ responseStatus: 200, responseBody: headed(title) }), TRUST);
      expect(atAcs.flows[0]!.outcome, title).toBe('refused-by-sp');
    }
    const after = await analyze(answered({ responseStatus: 302, redirectUrl: '/home' }, page('h', 'https://sp.example.test/home', 3, { responseStatus: 200, responseBody: headed('Account not found') })), TRUST);
    expect(after.flows[0]!.outcome).toBe('refused-by-sp');
  });

  it('refused: error pages named by a sign-in error flag, a status code under /error, or a hash route', async () => {
    for (const location of ['/?sso_error=1', '/error/403', '/#/login?error=saml_user_not_found']) {
      const r = await analyze(answered({ responseStatus: 302, redirectUrl: location }), TRUST);
      expect(r.flows[0]!.outcome, location).toBe('refused-by-sp');
    }
    const fine = await analyze(answered({ responseStatus: 302, redirectUrl: '/?sso_error=0' }), TRUST);
    expect(fine.flows[0]!.outcome).toBe('signed-in');
  });

  it('refused: the ACS answers with a page that forwards the browser (meta refresh, or a short script) to its error page', async () => {
    const meta = '<html><head><meta http-equiv="refresh" content="0;url=/sso/error?code=USER_NOT_FOUND"></head><body>Redirecting...</body></html>';
    const script = '<html><body>Redirecting...<script>window.location.replace("/sso/error?code=USER_NOT_FOUND")</script></body></html>';
    for (const body of [meta, script]) expect((await analyze(answered({ responseStatus: 200, responseBody: html(body) }), TRUST)).flows[0]!.outcome).toBe('refused-by-sp');
    const home = '<html><head><meta http-equiv="refresh" content="0;url=/home"></head><body>Redirecting...</body></html>';
    expect((await analyze(answered({ responseStatus: 200, responseBody: html(home) }), TRUST)).flows[0]!.outcome).toBe('signed-in');
  });

  it("signed in: a hidden modal's heading, or an application page titled by its content at the ACS, is not a refusal", async () => {
    const shell = '<html><head><title>Acme HR</title></head><body><div class="modal" style="display:none"><h2>Access denied</h2></div><div hidden><h1>Unauthorized</h1></div><h1>Welcome back</h1></body></html>';
    expect((await analyze(answered({ responseStatus: 200, responseBody: html(shell) }), TRUST)).flows[0]!.outcome).toBe('signed-in');
    const errors = '<html><head><title>Errors - Acme Monitoring</title></head><body></body></html>';
    expect((await analyze(answered({ responseStatus: 200, responseBody: html(errors) }), TRUST)).flows[0]!.outcome).toBe('signed-in');
  });

  it('refused: the ACS sends the browser straight back to the IdP with a new AuthnRequest', async () => {
    const again = redirectEntry('SAMLRequest', authnRequest({ id: '_req2' }), SSO, at(3));
    const r = await analyze(answered({ responseStatus: 302, redirectUrl: again.url }, again), TRUST);
    expect(r.flows[0]!.outcome).toBe('refused-by-sp');
    expect(r.messages[1]!.findings.find((x) => x.rule === 'sp-refused')!.message).toContain('straight back to the IdP');
  });

  it('signed in: the SP asking for a stronger authentication after the ACS (step-up for a protected page) is not a refusal', async () => {
    const mfa = 'https://refeds.org/profile/mfa';
    const stepUp = redirectEntry('SAMLRequest', authnRequest({ id: '_req2', requestedAuthnContext: [mfa] }), SSO, at(3));
    const r = await analyze(answered({ responseStatus: 302, redirectUrl: stepUp.url }, stepUp), TRUST);
    expect(r.flows[0]!.outcome).toBe('signed-in');
    expect(rules(r, 1)).not.toContain('sp-refused');
  });

  it('refused: a new AuthnRequest asking for what the assertion already gave is the SP starting over, IdP-initiated too', async () => {
    const [, resp] = cleanFlow({ inResponseTo: undefined });
    const again = redirectEntry('SAMLRequest', authnRequest({ id: '_req2', requestedAuthnContext: ['urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport'] }), SSO, at(3));
    const r = await analyze([{ ...resp!, responseStatus: 302, redirectUrl: again.url }, again], TRUST);
    expect(r.flows[0]!.outcome).toBe('refused-by-sp');
  });

  it('signed in: a step-up to a class the assertion did not carry, after an IdP-initiated sign-in too', async () => {
    const mfa = 'https://refeds.org/profile/mfa';
    const [, resp] = cleanFlow({ inResponseTo: undefined });
    const stepUp = redirectEntry('SAMLRequest', authnRequest({ id: '_req2', requestedAuthnContext: [mfa] }), SSO, at(3));
    const r = await analyze([{ ...resp!, responseStatus: 302, redirectUrl: stepUp.url }, stepUp], TRUST);
    expect(r.flows[0]!.outcome).toBe('signed-in');
  });

  it('signed in: another SP starting its own sign-in after the ACS (a deep link into a second application) is not this SP refusing', async () => {
    const other = redirectEntry('SAMLRequest', authnRequest({ id: '_req2', issuer: 'https://wiki.example.test/saml' }), SSO, at(3));
    const r = await analyze(answered({ responseStatus: 302, redirectUrl: other.url }, other), TRUST);
    expect(r.flows[0]!.outcome).toBe('signed-in');
    expect(rules(r, 1)).not.toContain('sp-refused');
  });

  it('signed in: only where the redirects end counts, and only a path segment or query named as an error', async () => {
    // An application's own session hop (/api/login?action=samlLogin) on the way to its start page.
    const hop = page('l', 'https://sp.example.test/api/login?action=samlLogin&token=1', 3, { responseStatus: 302, redirectUrl: 'https://sp.example.test/app/' });
    const app = page('a', 'https://sp.example.test/app/', 4, { responseStatus: 200 });
    const viaLogin = await analyze(answered({ responseStatus: 302, redirectUrl: hop.url }, hop, app), TRUST);
    expect(viaLogin.flows[0]!.outcome).toBe('signed-in');
    // GitLab's pipelines page filtered on failed ones: an application's own parameter, not a sign-in answer.
    for (const location of [
      '/acme/shop/-/error_tracking',
      '/reports/errors-by-day/2026',
      '/home?tab=failures-summary',
      '/acme/shop/-/pipelines?scope=all&status=failed',
      '/acme/web/errors',
      '/hangfire/jobs/failed',
      '/security/events?event_type=login_failed',
      '/payments?authorization=failed',
    ]) {
      const r = await analyze(answered({ responseStatus: 302, redirectUrl: location }), TRUST);
      expect(r.flows[0]!.outcome, location).toBe('signed-in');
    }
    for (const location of ['/saml/error', '/sso/login-failed', '/error.html', '/home?error=access_denied', '/home?saml=failed', '/home?sso_status=denied', '/home?result=saml_error']) {
      const r = await analyze(answered({ responseStatus: 302, redirectUrl: location }), TRUST);
      expect(r.flows[0]!.outcome, location).toBe('refused-by-sp');
    }
  });

  it('signed in: once the redirects pass through the RelayState page, its own later hops and titles are the application, not the SP answering', async () => {
    // A help desk deep link: the ACS sends the user to the ticket, the help desk adds its locale, and the ticket is
    // titled by its subject.
    const deep = 'https://sp.example.test/hc/requests/4521';
    const localised = 'https://sp.example.test/hc/en-us/requests/4521';
    const [request, resp] = cleanFlow();
    const posted = { ...resp!, formFields: [...(resp!.formFields ?? []).filter(([n]) => n !== 'RelayState'), ['RelayState', deep] as [string, string]] };
    const ticket = (url: string, title: string, extra: Partial<TraceEntry> = {}) =>
      page('t', url, 4, { responseStatus: 200, responseBody: html(`<html><head><title>${title} – Acme Support</title></head><body><h1>${title}</h1><p>Request #4521 by Bob.</p></body></html>`), ...extra });
    const go = (...after: TraceEntry[]) => analyze([request!, { ...posted, responseStatus: 302, redirectUrl: deep }, page('d', deep, 3, { responseStatus: 302, redirectUrl: after[0]!.url }), ...after], TRUST);
    const r = await go(ticket(localised, 'Account locked'));
    expect(r.flows[0]!.outcome).toBe('signed-in');
    expect(rules(r, 1)).not.toContain('sp-refused');
    // The deep link bouncing on to the sign-in page or an error page did not find the session: still a refusal.
    for (const url of ['https://sp.example.test/login?returnTo=%2Fhc%2Frequests%2F4521', 'https://sp.example.test/sso/error']) {
      expect((await go(page('l', url, 4, { responseStatus: 200 }))).flows[0]!.outcome, url).toBe('refused-by-sp');
    }
    // So is an HTTP error from the page it went on to.
    expect((await go(ticket(localised, 'Forbidden', { responseStatus: 403 }))).flows[0]!.outcome).toBe('refused-by-sp');
    // Without the deep link, the page the ACS sent the user to and titled as a refusal is still the SP saying no.
    const direct = await analyze(answered({ responseStatus: 302, redirectUrl: localised }, ticket(localised, 'Account locked')), TRUST);
    expect(direct.flows[0]!.outcome).toBe('refused-by-sp');
  });

  it('signed in: a page an application page redirected to (IdP-initiated: the landing page opening a ticket) is titled by its content', async () => {
    const [, resp] = cleanFlow({ inResponseTo: undefined });
    const landing = page('l', 'https://sp.example.test/agent/dashboard', 3, { responseStatus: 302, redirectUrl: 'https://sp.example.test/agent/tickets/4521' });
    const headed = (url: string, title: string) => page('t', url, 4, { responseStatus: 200, responseBody: html(`<html><head><title>${title}</title></head><body><h1>SSO error</h1></body></html>`) });
    const ticket = headed('https://sp.example.test/agent/tickets/4521', 'SSO error - Ticket #4521 - Acme Helpdesk');
    const r = await analyze([{ ...resp!, responseStatus: 302, redirectUrl: landing.url }, landing, ticket], TRUST);
    expect(r.flows[0]!.outcome).toBe('signed-in');
    // The SP's own sign-in hop (/auth/callback) is not an application page: where it lands is still the SP's answer.
    const hop = page('c', 'https://sp.example.test/auth/callback?state=1', 3, { responseStatus: 302, redirectUrl: 'https://sp.example.test/home' });
    const refused = await analyze([{ ...resp!, responseStatus: 302, redirectUrl: hop.url }, hop, headed('https://sp.example.test/home', 'SSO error - Acme Helpdesk')], TRUST);
    expect(refused.flows[0]!.outcome).toBe('refused-by-sp');
    expect(refused.messages[0]!.findings.find((x) => x.rule === 'sp-refused')!.message).toContain('headed "SSO error - Acme Helpdesk');
  });

  it('signed in: error words that were already in the URL the user asked for (RelayState, hash route, a filter) are not the SP answering', async () => {
    const [request, resp] = cleanFlow();
    const relayed = (relay: string) => ({ ...resp!, formFields: [...(resp!.formFields ?? []).filter(([n]) => n !== 'RelayState'), ['RelayState', relay] as [string, string]] });
    for (const relay of ['https://sp.example.test/#/reports/access-denied', 'https://sp.example.test/#/logs?error=true&service=api']) {
      const r = await analyze([request!, { ...relayed(relay), responseStatus: 302, redirectUrl: relay }, page('r', 'https://sp.example.test/', 3, { responseStatus: 200 })], TRUST);
      expect(r.flows[0]!.outcome, relay).toBe('signed-in');
    }
    // A security dashboard filtered on failed sign-ins, to which the application adds its own parameter.
    const events = 'https://sp.example.test/events?auth_result=failed&range=24h';
    const withTz = `${events}&tz=UTC`;
    const filtered = await analyze(
      [request!, { ...relayed(events), responseStatus: 302, redirectUrl: events }, page('e', events, 3, { responseStatus: 302, redirectUrl: withTz }), page('z', withTz, 4, { responseStatus: 200 })],
      TRUST,
    );
    expect(filtered.flows[0]!.outcome).toBe('signed-in');
    // An error the SP added to the page the user asked for is its answer, quoted with the hash route it shows.
    const added = await analyze([request!, { ...relayed('https://sp.example.test/#/logs?service=api'), responseStatus: 302, redirectUrl: '/#/logs?service=api&error=saml_user_not_found' }], TRUST);
    expect(added.flows[0]!.outcome).toBe('refused-by-sp');
    expect(added.messages[1]!.findings.find((x) => x.rule === 'sp-refused')!.message).toContain('its error page https://sp.example.test/#/logs?service=api&error=saml_user_not_found.');
    const moreErrors = await analyze([request!, { ...relayed(events), responseStatus: 302, redirectUrl: `${events}&error=access_denied` }], TRUST);
    expect(moreErrors.flows[0]!.outcome).toBe('refused-by-sp');
  });

  it('unknown, not refused: a sign-in route handed a one-time credential by the ACS (an SPA trading ?token= for its session)', async () => {
    for (const location of ['/auth/login?token=eyJhbGciOi.x.y', '/login?code=SplxlOBeZQQYbYS6WxSbIA', '/signin?ticket=ST-1-a8f3kq2x9', '/login?sso_token=9f2c3b1e8a7d4c6b']) {
      const shell = page('s', `https://sp.example.test${location}`, 3, { responseStatus: 200, responseBody: html('<html><head><title>Acme</title></head><body><div id="root"></div></body></html>') });
      const r = await analyze(answered({ responseStatus: 302, redirectUrl: location }, shell), TRUST);
      expect(r.flows[0]!.outcome, location).toBe('unknown');
      expect(rules(r, 1), location).not.toContain('sp-refused');
    }
    // A bounce to sign-in with an error, a return address or an error code instead of a credential is still a refusal.
    for (const location of ['/login?error=saml', '/login?returnTo=%2Fhome', '/login?code=USER_NOT_FOUND', '/login?token=expired_token_42', '/auth/login?token=eyJhbGciOi.x.y&error=invalid']) {
      const r = await analyze(answered({ responseStatus: 302, redirectUrl: location }), TRUST);
      expect(r.flows[0]!.outcome, location).toBe('refused-by-sp');
    }
    // The hand-off page headed as a refusal is the SP's answer.
    const failed = page('s', 'https://sp.example.test/auth/login?token=eyJhbGciOi.x.y', 3, { responseStatus: 200, responseBody: html('<html><head><title>Sign-in failed</title></head><body></body></html>') });
    expect((await analyze(answered({ responseStatus: 302, redirectUrl: failed.url }, failed), TRUST)).flows[0]!.outcome).toBe('refused-by-sp');
  });

  it('unknown: no HTTP answer captured (pasted, SAML-tracer without status)', async () => {
    const r = await analyze(cleanFlow(), TRUST);
    expect(r.flows[0]!.outcome).toBe('unknown');
  });

  it('a Response with an error status is the IdP refusing, whatever the SP did next', async () => {
    const [request] = cleanFlow();
    const failed = postEntry('SAMLResponse', response({ status: { code: STATUS.responder, subCode: 'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed' } }, []), ACS, at(2));
    const r = await analyze([request!, { ...failed, responseStatus: 302, redirectUrl: '/login?error=1' }], TRUST);
    expect(r.flows[0]!.outcome).toBe('refused-by-idp');
    expect(rules(r, 1)).toContain('status-error');
    expect(rules(r, 1)).not.toContain('sp-refused');
  });
});

describe("the IdP's answer to an AuthnRequest without Response", () => {
  const request = (extra: Partial<TraceEntry>) => ({ ...redirectEntry('SAMLRequest', authnRequest({ destination: ENTRA_SSO }), ENTRA_SSO, at(-2)), ...extra });

  it('refused: the error page after the sign-in form (same host), with the finding on the AuthnRequest', async () => {
    const r = await analyze(
      [
        request({ responseStatus: 200, responseBody: html('<form><input name="loginfmt"></form>') }),
        page('login', 'https://login.microsoftonline.com/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/login', 5, { method: 'POST', responseStatus: 200, responseBody: html('<p>AADSTS50105: not assigned</p>') }),
        page('other', 'https://cdn.example.test/app.js', 5, { responseStatus: 200 }),
      ],
      TRUST,
    );
    expect(r.flows[0]!.outcome).toBe('refused-by-idp');
    expect(r.flows[0]!.idp).toEqual({ product: 'entra-id', evidence: expect.arrayContaining(['error page AADSTS50105']) });
    expect(r.messages[0]!.findings.find((f) => f.rule === 'idp-refused')!.message).toContain('AADSTS50105 (user not assigned to the application)');
    expect(r.summary.entries).toBe(3);
    expect(r.messages).toHaveLength(1); // the pages around the flow are read, never judged as messages
  });

  it('refused without a body: the status and URL say it, and the finding says the page was not captured', async () => {
    const r = await analyze([request({ responseStatus: 400 })], TRUST);
    expect(r.flows[0]!.outcome).toBe('refused-by-idp');
    const f = r.messages[0]!.findings.find((x) => x.rule === 'idp-refused')!;
    expect(f.message).toContain('Microsoft Entra ID answered https://login.microsoftonline.com/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/saml2?… with HTTP 400');
    expect(f.message).toContain('was not captured');
  });

  it('abandoned: the IdP showed its sign-in page and nothing followed', async () => {
    const r = await analyze([request({ responseStatus: 200, responseBody: html('<form><input name="loginfmt"></form>') })], TRUST);
    expect(r.flows[0]!.outcome).toBe('abandoned');
    expect(rules(r, 0)).not.toContain('idp-refused');
  });

  it('abandoned, and said so as information, when the page that ended it was not captured', async () => {
    const r = await analyze([request({ responseStatus: 200 })], TRUST);
    expect(r.flows[0]!.outcome).toBe('abandoned');
    const f = r.messages[0]!.findings.find((x) => x.rule === 'idp-refused')!;
    expect(f.severity).toBe('info');
    expect(f.message).toContain('its content was not captured');
    expect(r.summary.errors).toBe(0);
  });

  it("abandoned: a 404 from the sign-in page's own script or favicon is not the IdP answering", async () => {
    const okta = 'https://acme.okta.com';
    const sessions = page('s', `${okta}/api/v1/sessions/me`, 1, { responseStatus: 404, resourceType: 'xhr', responseBody: { text: '{"errorCode":"E0000007"}', mimeType: 'application/json' } });
    const favicon = page('f', `${okta}/favicon.ico`, 1, { responseStatus: 404, responseBody: html('<h1>Not Found</h1>') });
    const start = { ...redirectEntry('SAMLRequest', authnRequest(), `${okta}/app/acme_app/exk1/sso/saml`, at(-2)), responseStatus: 200, responseBody: html('<form id="okta-sign-in"></form>') };
    const r = await analyze([start, sessions, favicon], TRUST);
    expect(r.flows[0]!.outcome).toBe('abandoned');
    expect(rules(r, 0)).not.toContain('idp-refused');
  });

  it("ignores another tab's traffic and an unknown IdP's page", async () => {
    const own = request({ responseStatus: 200, tabId: 1 });
    const r = await analyze([own, page('x', 'https://login.microsoftonline.com/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/login', 4, { tabId: 2, responseStatus: 200, responseBody: html('<p>AADSTS50105</p>') })], TRUST);
    expect(r.flows[0]!.outcome).toBe('abandoned');
    const unknown = await analyze([{ ...redirectEntry('SAMLRequest', authnRequest(), SSO, at(-2)), responseStatus: 200, responseBody: html('<h1>Oops, unknown IdP error</h1>') }], TRUST);
    expect(unknown.flows[0]!.outcome).toBe('abandoned');
    expect(unknown.flows[0]!.idp).toEqual({ product: 'unknown', evidence: [] });
  });
});

describe('IdP recognition on the report', () => {
  it('every message and flow carries idp; a message with no evidence of its own takes its flow’s', async () => {
    const r = await analyze(cleanFlow(), { ...TRUST, idpMetadataXml: undefined });
    for (const m of r.messages) expect(m.idp).toEqual({ product: 'unknown', evidence: [] });
    const okta = await analyze(cleanFlow({ issuer: 'http://www.okta.com/exk1a2b3c4' }), TRUST);
    expect(okta.flows[0]!.idp!.product).toBe('okta');
    expect(okta.messages.map((m) => m.idp!.product)).toEqual(['okta', 'okta']);
    expect(okta.messages[0]!.idp!.evidence).toEqual(okta.flows[0]!.idp!.evidence); // the AuthnRequest went to a test URL: the flow's evidence
  });

  it('IdP-initiated with a custom entity ID: recognised by the page that served the auto-post form, its start page, or the POST\'s Origin', async () => {
    const [, resp] = cleanFlow({ inResponseTo: undefined });
    const posted = resp!.formFields!.find(([n]) => n === 'SAMLResponse')![1];
    const formPage = (url: string, atSeconds: number, extra: Partial<TraceEntry> = {}) =>
      page('f', url, atSeconds, { responseStatus: 200, responseBody: html(`<html><body onload="document.forms[0].submit()"><form method="POST" action="${ACS}"><input type="hidden" name="SAMLResponse" value="${posted}"></form></body></html>`), ...extra });
    const idpOf = async (...before: TraceEntry[]) => (await analyze([...before, { ...resp!, responseStatus: 302, redirectUrl: '/home' }], TRUST)).flows[0]!.idp;
    // JumpCloud's IdP URL served the form.
    expect(await idpOf(formPage('https://sso.jumpcloud.com/saml2/wiki', 1))).toEqual({ product: 'jumpcloud', evidence: ['auto-post page https://sso.jumpcloud.com/saml2/wiki'] });
    // PingFederate on the customer's host: the IdP-initiated start redirected to the page that served the form.
    const start = page('s', 'https://sso.acme.test/idp/startSSO.ping?PartnerSpId=sp', 0, { responseStatus: 302, redirectUrl: 'https://sso.acme.test/as/x/resume/as/authorization.ping' });
    const ping = await idpOf(start, formPage('https://sso.acme.test/as/x/resume/as/authorization.ping', 1, { method: 'POST' }));
    expect(ping).toEqual({ product: 'ping', evidence: ['IdP page https://sso.acme.test/idp/startSSO.ping?PartnerSpId=sp'] });
    // Brokered: PingFederate first asked another IdP (its AuthnRequest, a message on another host) before answering.
    const asked = redirectEntry('SAMLRequest', authnRequest({ destination: 'https://acme.okta.com/app/acme_pf/exk1/sso/saml' }), 'https://acme.okta.com/app/acme_pf/exk1/sso/saml', at(0.5));
    const brokered = await analyze([start, asked, formPage('https://sso.acme.test/sp/ACS.saml2', 1, { method: 'POST' }), { ...resp!, responseStatus: 302, redirectUrl: '/home' }], TRUST);
    expect(brokered.flows.at(-1)!.idp).toEqual({ product: 'ping', evidence: ['IdP page https://sso.acme.test/idp/startSSO.ping?PartnerSpId=sp'] });
    // The POST's Origin, when the form page was not captured.
    const withOrigin = await analyze([{ ...resp!, requestHeaders: [{ name: 'Origin', value: 'https://sso.jumpcloud.com' }], responseStatus: 302, redirectUrl: '/home' }], TRUST);
    expect(withOrigin.flows[0]!.idp?.product).toBe('jumpcloud');
    // A page of the product that did not serve this Response says nothing about it.
    expect((await idpOf(page('o', 'https://sso.jumpcloud.com/saml2/other', 1, { responseStatus: 200, responseBody: html('<html><body>JumpCloud</body></html>') })))?.product).toBe('unknown');
  });

  it('the configured IdP entity ID counts as evidence when the capture has none of its own', async () => {
    const r = await analyze([postEntry('SAMLResponse', response({ issuer: 'https://idp.example.test/metadata' }), ACS, at(2))], { ...TRUST, idpEntityId: 'https://sts.windows.net/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/' });
    expect(r.flows[0]!.idp).toEqual({ product: 'entra-id', evidence: ['configured IdP entity ID https://sts.windows.net/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/'] });
  });

  it('logout flows are judged for their product but not for a sign-in outcome', async () => {
    const slo = 'https://example-org.okta.com/app/example-org_app_1/exk8f2a1b3c4d5E6f7g8/slo/saml';
    const logout = redirectEntry('SAMLRequest', buildLogoutRequest({ destination: slo }), slo, at(-2));
    const r = await analyze([{ ...logout, responseStatus: 500 }], TRUST);
    expect(r.flows[0]!.kind).toBe('logout');
    expect(r.flows[0]!.outcome).toBe('unknown');
    expect(r.flows[0]!.idp!.product).toBe('okta');
    expect(rules(r, 0)).not.toContain('idp-refused');
  });

  it("an unsigned logout request the SP sent to Entra ID gets the SP's fix, not Entra ID's signing settings", async () => {
    const logout = redirectEntry('SAMLRequest', buildLogoutRequest({ destination: ENTRA_SSO, issuer: 'https://sp.example.test/metadata' }), ENTRA_SSO, at(-2));
    const r = await analyze([logout], { ...TRUST, spEntityId: 'https://sp.example.test/metadata' });
    expect(r.messages[0]!.direction).toBe('to-idp');
    const f = r.messages[0]!.findings.find((x) => x.rule === 'message-unsigned')!;
    expect(f.severity).toBe('warning');
    expect(f.ownFix).toEqual({ product: 'general', text: expect.stringMatching(/^The SP sent this message, so the SP signs it/) });
    expect(r.summary.verdict?.fix).toMatch(/^The SP sent this message/);
    expect(r.summary.verdict?.fix).not.toMatch(/Entra ID always signs/);
  });
});

describe('an upstream IdP refusing in a federation chain', () => {
  it("Okta passes the user on to Entra ID, which refuses: Entra ID's refusal, explained as the Okta-Entra federation's, not the SP's", async () => {
    const okta = 'https://example-org.okta.com/app/example-org_app_1/exk8f2a1b3c4d5E6f7g8/sso/saml';
    const request = redirectEntry('SAMLRequest', authnRequest({ destination: okta }), okta, at(-3));
    const entra = page('e', 'https://login.microsoftonline.com/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/oauth2/v2.0/authorize?client_id=5b1f', -2, {
      responseStatus: 200,
      responseBody: html("<html><body><p>AADSTS700016: Application with identifier '5b1f0000-0000-0000-0000-000000000000' was not found in the directory 'Contoso'.</p></body></html>"),
    });
    const r = await analyze([{ ...request, responseStatus: 302, redirectUrl: entra.url }, entra], TRUST);
    expect(r.flows[0]!.outcome).toBe('refused-by-idp');
    const f = r.messages[0]!.findings.find((x) => x.rule === 'idp-refused')!;
    expect(f.message).toContain('Microsoft Entra ID refused the sign-in that Okta passed on to it, with AADSTS700016');
    expect(f.message).not.toContain('https://sp.example.test/metadata');
    expect(f.ownFix?.text).toMatch(/federation between Okta and Microsoft Entra ID, not the SP/);
  });
});

describe("pages that only look like they forward or hide", () => {
  const home = (body: string) => page('h', 'https://sp.example.test/home', 3, { responseStatus: 200, responseBody: html(body) });
  it.each([
    ['a login guard in the application page', '<html><head><title>App</title></head><body><script>if(!document.cookie.includes("s=")){window.location.href="/login"}</script></body></html>'],
    ['a data-location attribute', '<html><body><div data-location="/login">Welcome</div></body></html>'],
    ['a no-script fallback refresh', '<html><head><noscript><meta http-equiv="refresh" content="0;url=/signin?nojs=1"></noscript></head><body>App</body></html>'],
  ])('signed in: %s after the redirect is not where the sign-in went', async (_what, body) => {
    const r = await analyze(answered({ responseStatus: 302, redirectUrl: '/home' }, home(body)), TRUST);
    expect(r.flows[0]!.outcome).toBe('signed-in');
  });

  it('refused: a hash-route error, even when the RelayState page is the root', async () => {
    const [request, resp] = cleanFlow();
    const posted = { ...resp!, formFields: [...(resp!.formFields ?? []).filter(([n]) => n !== 'RelayState'), ['RelayState', '/'] as [string, string]] };
    const r = await analyze([request!, { ...posted, responseStatus: 302, redirectUrl: '/#/login?error=saml_user_not_found' }], TRUST);
    expect(r.flows[0]!.outcome).toBe('refused-by-sp');
    expect(r.messages[1]!.findings.find((x) => x.rule === 'sp-refused')!.message).toContain('its error page https://sp.example.test/#/login?error=saml_user_not_found.');
  });

  it('refused: a heading in an element whose class is merely named "hidden" (Tailwind\'s "hidden md:flex") is visible', async () => {
    const body = '<html><head><title>Acme</title></head><body><main class="px-4 hidden md:flex"><h1>Access denied</h1></main></body></html>';
    expect((await analyze(answered({ responseStatus: 200, responseBody: html(body) }), TRUST)).flows[0]!.outcome).toBe('refused-by-sp');
  });
});

describe('the SP answer: routing after the ACS is not the user reaching what they asked for', () => {
  const relayed = (resp: TraceEntry, relay: string) => ({ ...resp, formFields: [...(resp.formFields ?? []).filter(([n]) => n !== 'RelayState'), ['RelayState', relay] as [string, string]] });
  const headed = (id: string, url: string, atSeconds: number, title: string, h1: string, extra: Partial<TraceEntry> = {}) =>
    page(id, url, atSeconds, { responseStatus: 200, responseBody: html(`<html><head><title>${title}</title></head><body><h1>${h1}</h1></body></html>`), ...extra });

  it('refused: the site root (RelayState, or the start page the app sent the user away from) is no deep link, so the page it routes to is read', async () => {
    const [request, resp] = cleanFlow();
    const root = 'https://sp.example.test/';
    const noAccess = headed('n', 'https://sp.example.test/no-access', 4, 'Access denied - Acme Wiki', 'Your account is not provisioned');
    const viaRoot = [{ ...relayed(resp!, root), responseStatus: 302, redirectUrl: root }, page('r', root, 3, { responseStatus: 302, redirectUrl: noAccess.url }), noAccess];
    const r = await analyze([request!, ...viaRoot], TRUST);
    expect(r.flows[0]!.outcome).toBe('refused-by-sp');
    expect(r.messages[1]!.findings.find((x) => x.rule === 'sp-refused')!.message).toContain('headed "Access denied - Acme Wiki');
    // The root the application sent the user away from is no deep link either.
    const sentAway = page('a', root, -4, { responseStatus: 302, redirectUrl: 'https://sp.example.test/saml/login' });
    expect((await analyze([sentAway, request!, ...viaRoot], TRUST)).flows[0]!.outcome).toBe('refused-by-sp');
    // Nor the root with a hash route that is the root: RelayState "/", the ACS's page at "/" headed as a refusal.
    const flash = headed('f', root, 3, "We couldn't sign you in - Acme Wiki", "We couldn't sign you in");
    expect((await analyze([request!, { ...relayed(resp!, '/'), responseStatus: 302, redirectUrl: root }, flash], TRUST)).flows[0]!.outcome).toBe('refused-by-sp');
    // The earlier false alarm stays: a deep link (a path, or a hash route on the root) reached, then titled by its content.
    const deep = 'https://sp.example.test/hc/requests/4521';
    const ticket = headed('t', deep, 3, 'Account locked – Acme Support', 'Account locked');
    expect((await analyze([request!, { ...relayed(resp!, deep), responseStatus: 302, redirectUrl: deep }, ticket], TRUST)).flows[0]!.outcome).toBe('signed-in');
    const hashed = 'https://sp.example.test/#/reports/access-denied';
    const console = headed('c', root, 3, 'Access denied - Reports - Acme Firewall', 'Access denied');
    expect((await analyze([request!, { ...relayed(resp!, hashed), responseStatus: 302, redirectUrl: hashed }, console], TRUST)).flows[0]!.outcome).toBe('signed-in');
  });

  it('refused: a start page that only routes on (302) leads to the SP answer; a record an app page opened is titled by its subject', async () => {
    const [, resp] = cleanFlow({ inResponseTo: undefined });
    const go = (landingUrl: string, to: TraceEntry) =>
      analyze([{ ...relayed(resp!, 'ss:mem:7f3a9c2e'), responseStatus: 302, redirectUrl: landingUrl }, page('l', landingUrl, 3, { responseStatus: 302, redirectUrl: to.url }), to], TRUST);
    const pending = await go('https://sp.example.test/dashboard', headed('p', 'https://sp.example.test/account/pending', 4, 'User not provisioned | Acme Wiki', 'User not provisioned'));
    expect(pending.flows[0]!.outcome).toBe('refused-by-sp');
    expect(pending.messages[0]!.findings.find((x) => x.rule === 'sp-refused')!.message).toContain('headed "User not provisioned | Acme Wiki');
    // The IdP-initiated help desk: the landing page opens the latest ticket, whose subject is "SSO error" (its
    // path ends in the record's id; its title names "#4521"), or an issue key.
    for (const [url, title] of [
      ['https://sp.example.test/agent/tickets/4521', 'SSO error - Ticket #4521 - Acme Helpdesk'],
      ['https://sp.example.test/agent/tickets/4521', 'Access denied - Acme Helpdesk'],
      ['https://sp.example.test/browse/PAY-4821', 'Access denied - Jira'],
      ['https://sp.example.test/agent/inbox', 'Access denied to VPN - Ticket #4521'],
    ] as const) {
      expect((await go('https://sp.example.test/agent/dashboard', headed('t', url, 4, title, 'SSO error'))).flows[0]!.outcome, `${url} ${title}`).toBe('signed-in');
    }
  });

  it('refused: a sign-in route handed an error code made of words, not a credential; or whose page says the refusal', async () => {
    for (const location of ['/login?code=AccountNotProvisioned', '/login?code=SSO_USER_NOT_FOUND_404', '/login?ticket=UserNotFoundInDirectory2']) {
      const r = await analyze(answered({ responseStatus: 302, redirectUrl: location }), TRUST);
      expect(r.flows[0]!.outcome, location).toBe('refused-by-sp');
    }
    // Credentials stay a hand-off: a JWT, a long random code, hex, a CAS ticket.
    for (const location of ['/login?token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.k3Xq9vT2bW8mZ1pR', '/login?code=4%2F0AX4XfWh8sdkfjKJHkjhsd8', '/login?code=0f8e2a7c-4b1d-4e6a-9c3b-2d5f7a9e1b4c']) {
      const shell = page('s', `https://sp.example.test${location}`, 3, { responseStatus: 200, responseBody: html('<html><head><title>Acme</title></head><body><div id="root"></div></body></html>') });
      expect((await analyze(answered({ responseStatus: 302, redirectUrl: location }, shell), TRUST)).flows[0]!.outcome, location).toBe('unknown');
    }
    // A hand-off page that says the refusal in its own words is the SP's answer.
    const url = 'https://sp.example.test/login?code=SplxlOBeZQQYbYS6WxSbIA';
    const says = page('s', url, 3, { responseStatus: 200, responseBody: html('<html><head><title>Sign in - Acme Wiki</title></head><body><h1>Sign in to Acme Wiki</h1><p class="alert">Your account has not been provisioned. Contact your administrator.</p></body></html>') });
    const r = await analyze(answered({ responseStatus: 302, redirectUrl: url }, says), TRUST);
    expect(r.flows[0]!.outcome).toBe('refused-by-sp');
    expect(r.messages[1]!.findings.find((x) => x.rule === 'sp-refused')!.message).toContain('says "Your account has not been provisioned."');
  });

  it("refused: after a hand-off, the page the hand-off page's script went to (its Referer) is the SP's answer", async () => {
    const handOff = 'https://sp.example.test/login?token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.k3Xq9vT2bW8mZ1pR';
    const referer = [{ name: 'Referer', value: handOff }];
    const shell = page('s', handOff, 3, { responseStatus: 200, resourceType: 'document', responseBody: html('<html><head><title>Acme Wiki</title></head><body><div id="root"></div></body></html>') });
    const session = (status: number) =>
      page('x', 'https://sp.example.test/api/session', 4, { method: 'POST', resourceType: 'xhr', responseStatus: status, requestHeaders: referer, responseBody: { text: '{}', mimeType: 'application/json' } });
    const next = (url: string, title: string, h1: string, extra: Partial<TraceEntry> = {}) => headed('n', url, 5, title, h1, { resourceType: 'document', requestHeaders: referer, ...extra });
    const go = (...after: TraceEntry[]) => analyze(answered({ responseStatus: 302, redirectUrl: handOff }, shell, ...after), TRUST);
    const denied = await go(session(401), next('https://sp.example.test/login?error=access_denied', 'Sign in - Acme Wiki', 'Access denied'));
    expect(denied.flows[0]!.outcome).toBe('refused-by-sp');
    expect(denied.messages[1]!.findings.find((x) => x.rule === 'sp-refused')!.message).toContain('login?error=access_denied');
    // Its script going on to the application is the sign-in done.
    expect((await go(session(200), next('https://sp.example.test/home', 'Home - Acme Wiki', 'Welcome'))).flows[0]!.outcome).toBe('signed-in');
    // A page not sent from the hand-off page (typed, another link) says nothing: still a hand-off.
    const typed = next('https://sp.example.test/login?error=access_denied', 'Sign in - Acme Wiki', 'Access denied', { requestHeaders: [] });
    expect((await go(session(401), typed)).flows[0]!.outcome).toBe('unknown');
    // Nor a page after another page of the tab.
    const other = page('o', 'https://news.example.test/', 5, { responseStatus: 200, resourceType: 'document' });
    expect((await go(other, { ...typed, requestHeaders: referer, capturedAt: at(6) })).flows[0]!.outcome).toBe('unknown');
    // The hand-off with nothing after it stays unknown (the session call alone is not read).
    expect((await go(session(200))).flows[0]!.outcome).toBe('unknown');
  });
});
