// Where a captured exchange sent the browser next, and whether it was a page: what ties the HTTP exchanges
// around a SAML message together (redirect chains, the IdP's pages).
import type { HttpHeader, TraceEntry } from '../model';
import { requestTypeOf } from './request-type';

export function hostOf(url: string): string | undefined {
  return /^https?:\/\/([^/?#]+)/i.exec(url.trim())?.[1]?.toLowerCase();
}

/** A Location header resolved against the URL that answered it (no URL parser: the core stays platform-free). */
export function resolveLocation(location: string, base: string): string {
  const loc = location.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(loc)) return loc;
  const m = /^(https?:)\/\/([^/?#]*)([^?#]*)/i.exec(base);
  if (!m) return loc;
  if (loc.startsWith('//')) return `${m[1]}${loc}`;
  if (loc.startsWith('/')) return `${m[1]}//${m[2]}${loc}`;
  if (loc.startsWith('?')) return `${m[1]}//${m[2]}${m[3]}${loc}`;
  const dir = (m[3] ?? '/').replace(/[^/]*$/, '');
  return `${m[1]}//${m[2]}${dir || '/'}${loc}`;
}

export function withoutFragment(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

/** A header's value by its lower-case name. */
export function header(headers: HttpHeader[], name: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === name)?.value;
}

// A page that only forwards the browser: a meta refresh (within a few seconds), or a short page whose script
// assigns the location unconditionally. An SP's ACS may answer the posted Response with one instead of a 302;
// only the answer to a POST is read so (an application page's login guard, `if (!session) location = '/login'`,
// is not where the sign-in went), and never a <noscript> fallback.
const META_REFRESH = /<meta\b[^>]{0,200}http-equiv\s*=\s*["']?refresh["']?[^>]{0,200}content\s*=\s*["']\s*([0-5])(?:\.\d+)?\s*[;,]\s*url\s*=\s*['"]?([^"'>\s]{1,2000})/i;
const SCRIPT_REDIRECT = /(?<![\w.$-])(?:(?:window|document|self|top)\.)?location(?:\.href)?\s*=\s*["']([^"'\s]{1,2000})["']|(?<![\w$-])(?:(?:window|document|self|top)\.)?location\.(?:replace|assign)\(\s*["']([^"'\s]{1,2000})["']\s*\)/;
const FORWARDING_PAGE_MAX = 4096;

function forwardedTo(e: TraceEntry): string | undefined {
  const body = e.responseBody;
  if (e.method !== 'POST' || !body || e.responseStatus === undefined || e.responseStatus >= 300 || !/html/i.test(body.mimeType ?? '')) return undefined;
  const head = body.text.slice(0, 20_000).replace(/<noscript\b[\s\S]*?(?:<\/noscript\s*>|$)/gi, ' ');
  const meta = META_REFRESH.exec(head)?.[2];
  if (meta) return meta.replace(/&amp;/g, '&');
  if (body.text.length > FORWARDING_PAGE_MAX) return undefined;
  const script = SCRIPT_REDIRECT.exec(body.text);
  // A conditional assignment is a guard, not where this page goes.
  if (!script || /\bif\s*\(/.test(body.text.slice(0, script.index))) return undefined;
  return script[1] ?? script[2];
}

function location(e: TraceEntry): string | undefined {
  const status = e.responseStatus;
  return e.redirectUrl ?? (status !== undefined && status >= 300 && status < 400 ? header(e.responseHeaders, 'location') : forwardedTo(e));
}

/** Where this exchange sent the browser next, absolute and with its fragment (a hash route); undefined when it did not redirect. */
export function redirectLocation(e: TraceEntry): string | undefined {
  const to = location(e);
  return to ? resolveLocation(to, e.url) : undefined;
}

/** Where this exchange sent the browser next, absolute and without fragment; undefined when it did not redirect. */
export function redirectTarget(e: TraceEntry): string | undefined {
  const to = redirectLocation(e);
  return to ? withoutFragment(to) : undefined;
}

/**
 * The route of a hash-routed application's URL (`/#/login?error=saml_user_not_found` gives
 * `/login?error=saml_user_not_found`): the page the browser shows is decided there, not by the path.
 */
export function hashRoute(url: string): string | undefined {
  const hash = url.indexOf('#');
  return hash < 0 ? undefined : /^#!?(\/[^#]*)$/.exec(url.slice(hash))?.[1];
}

/**
 * A page (HTML, an error page, a redirect), not a script, image or API call. An error answered as JSON or an
 * image (an IdP's "no session yet" 404 from its sign-in page's script) is not a page the user was shown.
 */
export function isPageLike(status: number | undefined, contentType: string | undefined, hasBody: boolean): boolean {
  if (status !== undefined && status >= 300 && status < 400) return true;
  const type = (contentType ?? '').toLowerCase();
  if (type) return type.includes('html');
  return hasBody || (status !== undefined && status >= 400);
}

// What a page loads beside itself: never the page a user is shown, whatever it answers (a missing favicon is a
// 404 with an HTML body on many servers).
const ASSET = /\.(?:ico|png|gif|jpe?g|svg|webp|css|js|mjs|map|woff2?|ttf)$/i;

/** A page the user was shown: the capture's own type when it names one (DevTools, webRequest), else the answer's. */
export function entryIsPageLike(e: TraceEntry): boolean {
  if (e.resourceType) return requestTypeOf(e) === 'document';
  if (ASSET.test(withoutFragment(e.url).split('?')[0]!)) return false;
  return isPageLike(e.responseStatus, e.responseBody?.mimeType ?? header(e.responseHeaders, 'content-type'), !!e.responseBody);
}

// An IdP's page often sends the browser on by script (location.assign, or a URL its script fetched as JSON, such as
// Entra ID's FederationRedirectUrl for a federated domain) rather than by a redirect: the URLs a page or its script's
// answer names are where it may go next. Bounded: the top of the body, a cap on URLs.
const ANNOUNCED_SCAN = 200_000;
const MAX_ANNOUNCED = 200;
const ABSOLUTE_URL = /https?:\/\/[^\s"'<>\\()`]{1,2000}/g;

/** Absolute http(s) URLs named in a body, JSON (\/, \u0026) and HTML (&amp;) escapes undone, without fragments. */
export function announcedUrls(text: string): string[] {
  const head = text.slice(0, ANNOUNCED_SCAN).replace(/\\\//g, '/').replace(/\\u0026/gi, '&').replace(/&amp;/g, '&');
  const out: string[] = [];
  for (const m of head.matchAll(ABSOLUTE_URL)) {
    out.push(withoutFragment(m[0].replace(/[.,;]+$/, '')));
    if (out.length >= MAX_ANNOUNCED) break;
  }
  return out;
}

/** The page that sent the browser to this request (its Referer), without fragment. */
export function refererUrl(e: TraceEntry): string | undefined {
  const referer = header(e.requestHeaders, 'referer');
  return referer ? withoutFragment(referer) : undefined;
}

/** The host of the page the browser came from (Referer), when the capture has the header. */
export function refererHost(e: TraceEntry): string | undefined {
  const referer = refererUrl(e);
  return referer ? hostOf(referer) : undefined;
}
