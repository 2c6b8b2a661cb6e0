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

function header(headers: HttpHeader[], name: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === name)?.value;
}

/** Where this exchange sent the browser next, absolute and without fragment; undefined when it did not redirect. */
export function redirectTarget(e: TraceEntry): string | undefined {
  const status = e.responseStatus;
  const location = e.redirectUrl ?? (status !== undefined && status >= 300 && status < 400 ? header(e.responseHeaders, 'location') : undefined);
  return location ? withoutFragment(resolveLocation(location, e.url)) : undefined;
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
