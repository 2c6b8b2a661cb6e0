// A HAR of a sign-in among a few hundred other requests, built like Chrome's "Save all as HAR": documents,
// XHR, scripts, images and stylesheets with their `_resourceType`, a redirect chain, cookies and bodies.
import { buildAuthnRequest, buildResponse, encodePostValue, encodeRedirectQuery } from '../../../lib/samlgen';

export const SP = 'https://sp.example.test';
export const IDP = 'https://idp.example.test';
export const CDN = 'https://cdn.example.test';

/** Values planted in the non-SAML requests only (redaction must find them there). */
export const OTHER_SECRETS = {
  cookie: 'cdnSess-9d8c7b6a5f4e3d',
  bearer: 'eyJhbGciOiJIUzI1NiJ9.eyJhcGkiOiJ4In0.c2lnbmF0dXJlLXhocg',
  apiKey: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
  email: 'bob.builder@fabrikam.example',
} as const;

const T0 = Date.parse('2026-01-15T10:00:00.000Z');
const at = (i: number) => new Date(T0 + i * 100).toISOString();

interface Options {
  /** Requests before the sign-in (the app's page load) and after it. */
  before: number;
  after: number;
  /** Chrome names the type; Firefox does not (the reader falls back to the MIME type). */
  resourceType?: boolean;
}

type Kind = 'document' | 'xhr' | 'script' | 'image' | 'stylesheet';
const KINDS: Kind[] = ['xhr', 'script', 'image', 'stylesheet', 'document'];
const MIME: Record<Kind, string> = {
  document: 'text/html; charset=utf-8',
  xhr: 'application/json',
  script: 'application/javascript',
  image: 'image/png',
  stylesheet: 'text/css',
};

function entry(i: number, kind: Kind, method: string, url: string, opts: Options, extra: { status?: number; location?: string; body?: string; postData?: unknown; cookie?: string; authorization?: string } = {}) {
  const status = extra.status ?? 200;
  const headers = [
    ...(extra.cookie ? [{ name: 'Cookie', value: extra.cookie }] : []),
    ...(extra.authorization ? [{ name: 'Authorization', value: extra.authorization }] : []),
  ];
  return {
    startedDateTime: at(i),
    time: 12,
    request: { method, url, httpVersion: 'HTTP/1.1', headers, queryString: [], cookies: [], headersSize: -1, bodySize: 0, ...(extra.postData ? { postData: extra.postData } : {}) },
    response: {
      status,
      statusText: status === 302 ? 'Found' : 'OK',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Content-Type', value: MIME[kind] }, ...(extra.location ? [{ name: 'Location', value: extra.location }] : [])],
      cookies: [],
      content: { size: extra.body?.length ?? 0, mimeType: MIME[kind], ...(extra.body !== undefined ? { text: extra.body } : {}) },
      redirectURL: extra.location ?? '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 10, receive: 2 },
    ...(opts.resourceType === false ? {} : { _resourceType: kind }),
  };
}

function noise(i: number, n: number, opts: Options) {
  const kind = KINDS[n % KINDS.length]!;
  if (kind === 'xhr') {
    return entry(i, kind, 'POST', `${SP}/api/items?page=${n}&key=${OTHER_SECRETS.apiKey}`, opts, {
      authorization: `Bearer ${OTHER_SECRETS.bearer}`,
      postData: { mimeType: 'application/json', text: JSON.stringify({ owner: OTHER_SECRETS.email, page: n }) },
      body: JSON.stringify({ items: [n], owner: OTHER_SECRETS.email }),
    });
  }
  if (kind === 'document') return entry(i, kind, 'GET', `${SP}/page/${n}`, opts, { body: `<html><body>page ${n}</body></html>` });
  return entry(i, kind, 'GET', `${CDN}/asset/${n}.${kind === 'script' ? 'js' : kind === 'image' ? 'png' : 'css'}`, opts, {
    cookie: `cdn=${OTHER_SECRETS.cookie}`,
    ...(kind === 'script' ? { body: `console.log(${n});` } : {}),
  });
}

/** The HAR text and what it holds. */
export function mixedHar(opts: Options): { text: string; total: number; saml: number } {
  const request = encodeRedirectQuery(buildAuthnRequest({}), { param: 'SAMLRequest', relayState: 'home' });
  const response = encodePostValue(buildResponse({ attributes: [{ name: 'email', values: ['ana@example.com'] }] }));
  const entries: unknown[] = [];
  let i = 0;
  for (let n = 0; n < opts.before; n++) entries.push(noise(i++, n, opts));
  // The sign-in: the app redirects to the IdP, the IdP's page posts back, the SP redirects into the app.
  entries.push(entry(i++, 'document', 'GET', `${SP}/login`, opts, { status: 302, location: `${IDP}/sso?${request}` }));
  entries.push(entry(i++, 'document', 'GET', `${IDP}/sso?${request}`, opts, { body: '<html><form>sign in</form></html>' }));
  entries.push(
    entry(i++, 'document', 'POST', `${SP}/acs`, opts, {
      status: 302,
      location: `${SP}/home`,
      postData: { mimeType: 'application/x-www-form-urlencoded', text: `SAMLResponse=${encodeURIComponent(response)}&RelayState=home` },
    }),
  );
  entries.push(entry(i++, 'document', 'GET', `${SP}/home`, opts, { body: '<html><body>Welcome</body></html>' }));
  for (let n = 0; n < opts.after; n++) entries.push(noise(i++, opts.before + n, opts));
  return { text: JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, entries } }), total: entries.length, saml: 2 };
}
