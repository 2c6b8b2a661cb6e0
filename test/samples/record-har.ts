// Records test/samples/chromium-playwright.har: Debian Chromium driven by playwright-core's recordHar through
// a tiny loopback SAML flow (SP-initiated, signed HTTP-Redirect AuthnRequest, login form, signed HTTP-POST
// Response). Run: npx tsx test/samples/record-har.ts   (see README.md beside this file)
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { SAMPLE_COOKIES, SAMPLE_PLANTED } from './planted';
import { buildAuthnRequest, buildResponse, encodePostValue, encodeRedirectQuery, loadTestKey, NAMEID, signXml } from '../../lib/samlgen';


const out = fileURLToPath(new URL('./chromium-playwright.har', import.meta.url));

function listen(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => handler(req, res, body));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    resolve({ server, origin: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` });
  }));
}

const page = (title: string, inner: string) => `<!doctype html><html><head><title>${title}</title></head><body>${inner}</body></html>`;

async function main(): Promise<void> {
  const idpKey = loadTestKey('idp');
  const spKey = loadTestKey('sp');
  let spOrigin = '';
  let idpOrigin = '';
  const requestId = `_req${Date.now().toString(16)}`;

  const sp = await listen((req, res, body) => {
    const url = new URL(req.url ?? '/', spOrigin);
    if (url.pathname === '/login') {
      const xml = buildAuthnRequest({ id: requestId, issueInstant: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), destination: `${idpOrigin}/sso`, acsUrl: `${spOrigin}/acs`, issuer: `${spOrigin}/metadata` });
      const query = encodeRedirectQuery(xml, { param: 'SAMLRequest', relayState: `${spOrigin}/app`, key: spKey });
      res.writeHead(302, { Location: `${idpOrigin}/sso?${query}`, 'Set-Cookie': `sp_pending=${SAMPLE_COOKIES.pending}; Path=/; HttpOnly` }).end();
    } else if (url.pathname === '/acs' && req.method === 'POST') {
      const ok = new URLSearchParams(body).has('SAMLResponse');
      res.writeHead(ok ? 302 : 400, { Location: '/app', 'Set-Cookie': `sp_session=${SAMPLE_COOKIES.sp}; Path=/; HttpOnly` }).end();
    } else if (url.pathname === '/app') {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(page('App', '<p id="done">Signed in.</p>'));
    } else res.writeHead(404).end();
  });
  spOrigin = sp.origin;

  const idp = await listen((req, res, body) => {
    const url = new URL(req.url ?? '/', idpOrigin);
    if (url.pathname === '/sso') {
      const relay = url.searchParams.get('RelayState') ?? '';
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(
        page('Sign in', `<form method="post" action="/login"><input name="username"><input name="password" type="password"><input type="hidden" name="RelayState" value="${relay}"><button id="go">Sign in</button></form>`),
      );
    } else if (url.pathname === '/login' && req.method === 'POST') {
      const form = new URLSearchParams(body);
      const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      const xml = signXml(
        buildResponse({
          issueInstant: now,
          inResponseTo: requestId,
          destination: `${spOrigin}/acs`,
          issuer: `${idpOrigin}/metadata`,
          audiences: [`${spOrigin}/metadata`],
          nameId: { value: form.get('username') ?? '', format: NAMEID.email },
          attributes: [
            { name: 'email', values: [form.get('username') ?? ''] },
            { name: 'displayName', values: [SAMPLE_PLANTED.displayName] },
          ],
        }),
        { key: idpKey, targets: ['root', 'assertion'] },
      );
      res.writeHead(200, { 'Content-Type': 'text/html', 'Set-Cookie': `idp_session=${SAMPLE_COOKIES.idp}; Path=/; HttpOnly` }).end(
        page(
          'Continue',
          `<form method="post" action="${spOrigin}/acs"><input type="hidden" name="SAMLResponse" value="${encodePostValue(xml)}"><input type="hidden" name="RelayState" value="${form.get('RelayState') ?? ''}"></form><script>document.forms[0].submit()</script>`,
        ),
      );
    } else res.writeHead(404).end();
  });
  idpOrigin = idp.origin;

  const profile = mkdtempSync(join(tmpdir(), 'saml-lens-har-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    recordHar: { path: out, mode: 'full', content: 'embed' },
  });
  try {
    const tab = context.pages()[0] ?? (await context.newPage());
    await tab.goto(`${spOrigin}/login`);
    await tab.fill('input[name=username]', SAMPLE_PLANTED.username);
    await tab.fill('input[name=password]', SAMPLE_PLANTED.password);
    await Promise.all([tab.waitForURL(`${spOrigin}/app`), tab.click('#go')]);
    await tab.waitForSelector('#done');
  } finally {
    await context.close(); // writes the HAR
    sp.server.close();
    idp.server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(`wrote ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
