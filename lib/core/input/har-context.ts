// Which HAR entries without a SAML message are kept anyway: the navigation that follows a SAML entry (its
// redirect chain, the pages on the same host), so the flows' outcomes can read the IdP's error page or the
// SP's answer. Bounded per SAML entry, and cheap on the entries it looks at (URL, status, content type).
import type { TraceEntry } from '../model';
import { announcedUrls, hostOf, isPageLike, redirectTarget, resolveLocation, withoutFragment } from '../http/navigation';
import { isRecord, str } from './fields';

/** Kept after one SAML entry, and how many later entries are looked at: a sign-in is a dozen hops. */
const MAX_KEPT = 24;
const MAX_LOOKED_AT = 400;

export class HarContext {
  private expected = new Set<string>();
  private hosts = new Set<string>();
  /** URLs the navigation's pages and their scripts' answers named: where a page may send the browser by script. */
  private announced = new Set<string>();
  private kept = 0;
  private looked = MAX_LOOKED_AT;

  /** A kept SAML entry: follow the navigation it starts. */
  start(entry: TraceEntry): void {
    this.expected.clear();
    this.hosts.clear();
    this.announced.clear();
    this.kept = 0;
    this.looked = 0;
    this.keep(entry);
  }

  /** Whether a raw HAR entry without a SAML message continues that navigation. */
  wants(raw: unknown): boolean {
    if (this.kept >= MAX_KEPT || this.looked >= MAX_LOOKED_AT) return false;
    this.looked += 1;
    const request = isRecord(raw) ? raw.request : undefined;
    const url = isRecord(request) ? str(request.url) : undefined;
    if (!url) return false;
    if (this.expected.has(withoutFragment(url))) return true;
    const response = isRecord(raw) && isRecord(raw.response) ? raw.response : undefined;
    const status = typeof response?.status === 'number' ? response.status : undefined;
    const content = response && isRecord(response.content) ? response.content : undefined;
    const resourceType = isRecord(raw) ? str(raw._resourceType) : undefined;
    const text = typeof content?.text === 'string' ? content.text : '';
    const page = resourceType === 'document' || isPageLike(status, str(content?.mimeType), text !== '');
    if (page && this.announced.has(withoutFragment(url))) return true;
    const host = hostOf(url);
    if (!host || !this.hosts.has(host)) return false;
    // A script's answer on the navigation's host (Entra ID's GetCredentialType JSON) is not kept, but its URLs are.
    if (!page && text && str(content?.encoding) !== 'base64') for (const u of announcedUrls(text)) this.announced.add(u);
    return page;
  }

  /** An entry was kept: its redirect continues the chain, its host is the navigation's. */
  keep(entry: TraceEntry): void {
    this.kept += 1;
    const url = withoutFragment(entry.url);
    this.expected.delete(url);
    const host = hostOf(url);
    if (host) this.hosts.add(host);
    const next = redirectTarget(entry);
    if (next) this.expected.add(next);
    if (entry.responseBody) {
      this.announced.clear();
      for (const u of announcedUrls(entry.responseBody.text)) this.announced.add(u);
    }
  }
}

/**
 * The URLs of the requests that may carry a SAML message, so that the redirect leading to one (the app's
 * /login answering 302 to the IdP) is kept even when the file's other requests are past their limit.
 */
export function samlUrls(rawEntries: readonly unknown[], maySaml: (raw: unknown) => boolean): Set<string> {
  const urls = new Set<string>();
  for (const raw of rawEntries) {
    const request = isRecord(raw) ? raw.request : undefined;
    const url = isRecord(request) ? str(request.url) : undefined;
    if (url && maySaml(raw)) urls.add(withoutFragment(url));
  }
  return urls;
}

/** Whether a raw HAR entry redirects to one of `targets`. */
export function redirectsTo(raw: unknown, targets: ReadonlySet<string>): boolean {
  if (!isRecord(raw) || !isRecord(raw.request) || !isRecord(raw.response)) return false;
  const url = str(raw.request.url);
  const response = raw.response;
  const headers = Array.isArray(response.headers) ? response.headers : [];
  const header = headers.find((h) => isRecord(h) && typeof h.name === 'string' && h.name.toLowerCase() === 'location');
  const location = str(response.redirectURL) || (isRecord(header) ? str(header.value) : undefined);
  return !!url && !!location && targets.has(withoutFragment(resolveLocation(location, url)));
}
