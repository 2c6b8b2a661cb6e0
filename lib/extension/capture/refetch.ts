/**
 * DevTools (and back/forward navigation) fetch a redirect URL a second time. A GET carrying a SAML
 * parameter is a one-time message, so the same URL again within a short time is the same message seen
 * twice, not a new one; POSTs are never dropped (a re-POSTed response is a replay worth seeing).
 */
const SAML_QUERY = /[?&](SAMLRequest|SAMLResponse|SAMLart)=/;

export class RefetchFilter {
  private readonly seen = new Map<string, number>();

  constructor(private readonly windowMs = 120_000) {}

  /** True when this request repeats a SAML GET seen within the window; records it otherwise. */
  isRefetch(method: string, url: string, timeStamp: number): boolean {
    if (method.toUpperCase() !== 'GET' || !SAML_QUERY.test(url)) return false;
    this.prune(timeStamp);
    const before = this.seen.get(url);
    if (before !== undefined && timeStamp - before < this.windowMs) return true;
    this.seen.set(url, timeStamp);
    return false;
  }

  private prune(now: number): void {
    if (this.seen.size < 256) return;
    for (const [url, at] of this.seen) if (now - at >= this.windowMs) this.seen.delete(url);
  }
}

/**
 * With DevTools open, Chromium repeats requests it shows in the Network panel (form posts included) as
 * cache-only loads: resource type "other", same tab, ending in net::ERR_CACHE_MISS without reaching the
 * server. They are not traffic; keeping them would show every SAML POST twice.
 */
export function isDevtoolsRefetch(hop: { type?: string; error?: string; statusCode?: number }): boolean {
  return hop.type === 'other' && hop.statusCode === undefined && hop.error === 'net::ERR_CACHE_MISS';
}
