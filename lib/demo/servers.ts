import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import {
  buildAuthnRequest,
  buildLogoutRequest,
  buildLogoutResponse,
  buildResponse,
  encodePostValue,
  encodeRedirectQuery,
  loadTestKey,
  NAMEID,
  signXml,
} from '../samlgen';
import { esc, page, postForm } from './html';
import { randomId, SCENARIOS, scenario } from './scenarios';
import { attributeValue, decodePostValue, elementText, inflateRedirectValue, rootAttribute } from './xml-peek';

export interface DemoOptions {
  /** SP port; the IdP takes the next one. 0 or absent: any free ports. */
  port?: number;
  /** Stop by itself after this long (tests), so a crashed run leaves no server behind. */
  idleTimeoutMs?: number;
  /** Sees every request either server receives (tests check that none comes from the extension). */
  onRequest?: (req: IncomingMessage, server: 'sp' | 'idp') => void;
  /** The loaded extension's id: the start page then offers its settings to it with one button. */
  extensionId?: string;
}

export interface Demo {
  spUrl: string;
  idpUrl: string;
  /** The start page with the misconfiguration switches. */
  startUrl: string;
  sp: { entityId: string; acsUrl: string; sloUrl: string };
  idp: { entityId: string; ssoUrl: string; sloUrl: string; certificatePem: string; metadataUrl: string };
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const USER = 'alice@example.test';

/**
 * A demo service provider and identity provider on the loopback interface that speak real SAML 2.0:
 * AuthnRequest by HTTP-Redirect (signed query), Response by HTTP-POST (signed with the same lib/samlgen
 * code that signs the test fixtures), and single logout by HTTP-Redirect both ways.
 */
export async function startDemo(opts: DemoOptions = {}): Promise<Demo> {
  const spServer = createServer();
  const idpServer = createServer();
  const spPort = await listen(spServer, opts.port ?? 0);
  const idpPort = await listen(idpServer, opts.port ? spPort + 1 : 0);
  const spUrl = `http://${HOST}:${spPort}`;
  const idpUrl = `http://${HOST}:${idpPort}`;
  const idpKey = loadTestKey('idp');
  const spKey = loadTestKey('sp');
  const sp = { entityId: `${spUrl}/metadata`, acsUrl: `${spUrl}/acs`, sloUrl: `${spUrl}/slo` };
  const idp = {
    entityId: `${idpUrl}/metadata`,
    ssoUrl: `${idpUrl}/sso`,
    sloUrl: `${idpUrl}/slo`,
    certificatePem: idpKey.certificatePem,
    metadataUrl: `${idpUrl}/metadata`,
  };

  // ---- service provider ----
  if (opts.onRequest) {
    const seen = opts.onRequest;
    spServer.on('request', (req) => seen(req, 'sp'));
    idpServer.on('request', (req) => seen(req, 'idp'));
  }
  spServer.on('request', (req, res) =>
    void handle(req, res, async (url) => {
      if (url.pathname === '/') return html(res, startPage(sp, idp, idpUrl, spUrl, opts.extensionId));
      if (url.pathname === '/metadata') return xml(res, spMetadata(sp, spKey.certificateBase64));
      if (url.pathname === '/login') {
        const id = randomId();
        const request = buildAuthnRequest({
          id,
          issueInstant: now(),
          destination: idp.ssoUrl,
          issuer: sp.entityId,
          acsUrl: sp.acsUrl,
          nameIdPolicyFormat: NAMEID.email,
        });
        const query = encodeRedirectQuery(request, { param: 'SAMLRequest', relayState: '/app', key: spKey });
        return redirect(res, `${idp.ssoUrl}?${query}`, [`demo_sp_request=${id}; Path=/; HttpOnly; SameSite=Lax`]);
      }
      if (url.pathname === '/acs' && req.method === 'POST') {
        const form = new URLSearchParams(await body(req));
        const value = form.get('SAMLResponse') ?? '';
        const response = decodePostValue(value);
        const status = attributeValue(response, 'StatusCode', 'Value') ?? '';
        const nameId = elementText(response, 'NameID');
        const ok = status.endsWith(':Success');
        const sessionIndex = attributeValue(response, 'AuthnStatement', 'SessionIndex') ?? '';
        const cookies = ok && nameId ? [`demo_sp_user=${encodeURIComponent(nameId)}|${encodeURIComponent(sessionIndex)}; Path=/; HttpOnly; SameSite=Lax`] : [];
        return html(res, acsPage(ok, status, nameId, form.get('RelayState') ?? undefined), 200, cookies);
      }
      if (url.pathname === '/logout') {
        const [user, session] = (cookie(req, 'demo_sp_user') ?? `${encodeURIComponent(USER)}|`).split('|').map(decodeURIComponent);
        const request = buildLogoutRequest({
          id: randomId(),
          issueInstant: now(),
          destination: idp.sloUrl,
          issuer: sp.entityId,
          nameId: { value: user || USER, format: NAMEID.email },
          ...(session ? { sessionIndex: session } : {}),
        });
        return redirect(res, `${idp.sloUrl}?${encodeRedirectQuery(request, { param: 'SAMLRequest', key: spKey })}`);
      }
      if (url.pathname === '/slo') {
        const response = inflateRedirectValue(url.searchParams.get('SAMLResponse') ?? '');
        const status = attributeValue(response, 'StatusCode', 'Value') ?? '';
        return html(
          res,
          page('Signed out', `<h1>Signed out</h1><p>The IdP answered the LogoutRequest with status <code>${esc(status)}</code>.</p><p><a href="/">Back to the start page</a></p>`),
          200,
          ['demo_sp_user=; Path=/; Max-Age=0'],
        );
      }
      if (url.pathname === '/app') return html(res, page('App', '<h1>The application</h1><p><a href="/">Start page</a></p>'));
      return notFound(res);
    }),
  );

  // ---- identity provider ----
  idpServer.on('request', (req, res) =>
    void handle(req, res, async (url) => {
      if (url.pathname === '/metadata') return xml(res, idpMetadata(idp, idpKey.certificateBase64));
      if (url.pathname === '/configure') {
        const chosen = scenario(url.searchParams.get('scenario'));
        const next = url.searchParams.get('next') ?? `${spUrl}/login`;
        return redirect(res, safeNext(next, spUrl), [`demo_idp_scenario=${chosen.id}; Path=/; SameSite=Lax`]);
      }
      if (url.pathname === '/sso') {
        const request = inflateRedirectValue(url.searchParams.get('SAMLRequest') ?? '');
        const chosen = scenario(cookie(req, 'demo_idp_scenario'));
        return html(res, loginPage(chosen.title, {
          requestId: rootAttribute(request, 'ID') ?? '',
          relayState: url.searchParams.get('RelayState') ?? '',
        }));
      }
      if (url.pathname === '/login' && req.method === 'POST') {
        const form = new URLSearchParams(await body(req));
        const chosen = scenario(cookie(req, 'demo_idp_scenario'));
        const requestId = form.get('requestId') || undefined;
        const answer = chosen.answer({
          now: new Date(),
          idpEntityId: idp.entityId,
          spEntityId: sp.entityId,
          acsUrl: sp.acsUrl,
          user: USER,
          ...(requestId ? { requestId } : {}),
        });
        let response = buildResponse(answer.spec);
        if (answer.sign.length) response = signXml(response, { key: idpKey, targets: answer.sign });
        if (answer.tamper) response = answer.tamper(response);
        return html(res, postForm(sp.acsUrl, { SAMLResponse: encodePostValue(response), RelayState: form.get('relayState') || undefined }, 'Returning to the service provider'));
      }
      if (url.pathname === '/slo') {
        const request = inflateRedirectValue(url.searchParams.get('SAMLRequest') ?? '');
        const response = buildLogoutResponse({
          id: randomId(),
          issueInstant: now(),
          inResponseTo: rootAttribute(request, 'ID') ?? '',
          destination: sp.sloUrl,
          issuer: idp.entityId,
        });
        return redirect(res, `${sp.sloUrl}?${encodeRedirectQuery(response, { param: 'SAMLResponse', key: idpKey })}`);
      }
      return notFound(res);
    }),
  );

  let idle: ReturnType<typeof setTimeout> | undefined;
  const close = async () => {
    if (idle) clearTimeout(idle);
    await Promise.all([stop(spServer), stop(idpServer)]);
  };
  if (opts.idleTimeoutMs) {
    idle = setTimeout(() => void close(), opts.idleTimeoutMs);
    idle.unref();
  }
  return { spUrl, idpUrl, startUrl: `${spUrl}/`, sp, idp, close };
}

// ---- pages ----

/**
 * The button sends the SP's configuration to the extension (allowed for loopback pages by the manifest's
 * externally_connectable); the extension opens its settings page where the person applies or dismisses it.
 */
function applySettingsButton(sp: Demo['sp'], idp: Demo['idp'], extensionId: string | undefined): string {
  const settings = { profile: 'twilio-flex', idpEntityId: idp.entityId, spEntityId: sp.entityId, acsUrl: sp.acsUrl, trustedCertificates: [idp.certificatePem] };
  const json = JSON.stringify({ id: extensionId ?? '', settings }).replace(/</g, '\\u003c');
  return `<p><button type="button" id="apply-settings">Apply these settings in SAML Lens</button> <span id="apply-status" role="status"></span></p>
<script>
(() => {
  const offer = ${json};
  const status = document.getElementById('apply-status');
  document.getElementById('apply-settings').addEventListener('click', () => {
    const runtime = window.chrome && window.chrome.runtime;
    if (!offer.id || !runtime || !runtime.sendMessage) {
      status.textContent = 'SAML Lens cannot be reached from this page (another browser, or the extension was loaded by hand): paste the values below into its Settings.';
      return;
    }
    runtime.sendMessage(offer.id, { type: 'saml-lens:offer-settings', settings: offer.settings }, (reply) => {
      status.textContent = reply && reply.ok ? 'SAML Lens opened its settings: check the values and click Apply.' : 'SAML Lens did not answer: paste the values below into its Settings.';
    });
  });
})();
</script>`;
}

function startPage(sp: Demo['sp'], idp: Demo['idp'], idpUrl: string, spUrl: string, extensionId?: string): string {
  const links = SCENARIOS.map(
    (s) =>
      `<a data-scenario="${esc(s.id)}" href="${esc(`${idpUrl}/configure?scenario=${s.id}&next=${encodeURIComponent(`${spUrl}/login`)}`)}"><b>${esc(s.title)}</b><br>${esc(s.description)}</a>`,
  ).join('');
  return page(
    'SAML Lens demo',
    `<h1>SAML Lens demo: a service provider and an identity provider on 127.0.0.1</h1>
<p>Open DevTools (F12) and choose the <b>SAML</b> panel, then sign in with one of the IdP set-ups below. Each
one runs a real SP-initiated flow: an AuthnRequest by HTTP-Redirect, the IdP's sign-in page, a Response by
HTTP-POST. SAML Lens captures it in the background and says what is wrong.</p>
<h2>Sign in with an IdP that is…</h2><div class="scenarios">${links}</div>
<p><a href="/logout" data-action="logout">Sign out (LogoutRequest / LogoutResponse by HTTP-Redirect)</a></p>
<h2>This SP's configuration (paste into SAML Lens settings to check against it)</h2>
${applySettingsButton(sp, idp, extensionId)}
<dl class="box">
<dt>Profile</dt><dd><code data-config="profile">twilio-flex</code> (this SP reads the bare claims email, full_name and roles, like Twilio Flex)</dd>
<dt>SP entity ID</dt><dd><code data-config="sp-entity-id">${esc(sp.entityId)}</code></dd>
<dt>ACS URL</dt><dd><code data-config="acs-url">${esc(sp.acsUrl)}</code></dd>
<dt>Expected IdP entity ID (Issuer)</dt><dd><code data-config="idp-entity-id">${esc(idp.entityId)}</code></dd>
<dt>IdP signing certificate</dt><dd><textarea rows="8" readonly data-config="idp-certificate">${esc(idp.certificatePem)}</textarea></dd>
<dt>Metadata</dt><dd><a href="${esc(idp.metadataUrl)}">IdP metadata</a> · <a href="/metadata">SP metadata</a></dd>
</dl>
<p>The keys are the repository's test-only keys (test/keys): never trust them anywhere else.</p>`,
  );
}

function loginPage(scenarioTitle: string, fields: { requestId: string; relayState: string }): string {
  return page(
    'Demo IdP: sign in',
    `<h1>Demo identity provider</h1><p>IdP set-up: <b>${esc(scenarioTitle)}</b></p>
<form method="post" action="/login" class="box">
<input type="hidden" name="requestId" value="${esc(fields.requestId)}">
<input type="hidden" name="relayState" value="${esc(fields.relayState)}">
<p>Signing in as <b>${esc(USER)}</b> (no password in the demo).</p>
<button type="submit" id="sign-in">Sign in</button></form>`,
  );
}

function acsPage(ok: boolean, status: string, nameId: string | undefined, relayState: string | undefined): string {
  return page(
    'Demo SP: response received',
    `<h1>The service provider received a SAML Response</h1>
<p class="${ok ? 'ok' : 'fail'}">Status: <code>${esc(status || '(none)')}</code>${nameId ? `, NameID <code>${esc(nameId)}</code>` : ''}</p>
<p>This demo SP does not judge the response: open DevTools → <b>SAML</b> to see what SAML Lens found.</p>
${relayState ? `<p>RelayState: <code>${esc(relayState)}</code></p>` : ''}
<p><a href="/logout" data-action="logout">Sign out</a> · <a href="/">Start page</a></p>`,
  );
}

function spMetadata(sp: Demo['sp'], certBase64: string): string {
  return `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${esc(sp.entityId)}">
<md:SPSSODescriptor AuthnRequestsSigned="true" WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${certBase64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${esc(sp.sloUrl)}"/>
<md:NameIDFormat>${NAMEID.email}</md:NameIDFormat>
<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${esc(sp.acsUrl)}" index="0" isDefault="true"/>
</md:SPSSODescriptor></md:EntityDescriptor>`;
}

function idpMetadata(idp: Demo['idp'], certBase64: string): string {
  return `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${esc(idp.entityId)}">
<md:IDPSSODescriptor WantAuthnRequestsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${certBase64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${esc(idp.sloUrl)}"/>
<md:NameIDFormat>${NAMEID.email}</md:NameIDFormat>
<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${esc(idp.ssoUrl)}"/>
</md:IDPSSODescriptor></md:EntityDescriptor>`;
}

// ---- plumbing ----

function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Only redirect to the demo's own SP (no open redirect, even in a demo). */
function safeNext(next: string, spUrl: string): string {
  return next.startsWith(`${spUrl}/`) ? next : `${spUrl}/login`;
}

/** The extension's own icon, so the browser's favicon request is answered instead of logged as an error. */
const FAVICON = readFileSync(fileURLToPath(new URL('../../public/icon/32.png', import.meta.url)));

async function handle(req: IncomingMessage, res: ServerResponse, route: (url: URL) => Promise<void> | void): Promise<void> {
  try {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? HOST}`);
    if (url.pathname === '/favicon.ico') {
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=86400' });
      res.end(FAVICON);
      return;
    }
    await route(url);
  } catch (error) {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`demo error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function html(res: ServerResponse, text: string, status = 200, cookies: string[] = []): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...(cookies.length ? { 'set-cookie': cookies } : {}) });
  res.end(text);
}

function xml(res: ServerResponse, text: string): void {
  res.writeHead(200, { 'content-type': 'application/samlmetadata+xml; charset=utf-8' });
  res.end(text);
}

function redirect(res: ServerResponse, location: string, cookies: string[] = []): void {
  res.writeHead(302, { location, 'cache-control': 'no-store', ...(cookies.length ? { 'set-cookie': cookies } : {}) });
  res.end();
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function body(req: IncomingMessage, limit = 2_000_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) reject(new Error('request body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('error', onError);
      // A fixed port in use: take any free one rather than fail the demo.
      if (error.code === 'EADDRINUSE' && port !== 0) resolve(listen(server, 0));
      else reject(error);
    };
    server.once('error', onError);
    server.listen(port, HOST, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}
