// The HTTP exchanges that follow a SAML message in the same browser tab: the redirect chain it started and,
// on the IdP's side, the pages the user went through there. Bounded in entries, steps and time.
import type { TraceEntry } from '../model';
import { clueFromEndpoint } from '../idp/recognise';
import { announcedUrls, entryIsPageLike, header, hostOf, redirectTarget, refererHost, refererUrl, withoutFragment } from '../http/navigation';

export interface Step {
  entry: TraceEntry;
  /** Index in the trace's entries. */
  position: number;
  /** Reached by following a redirect (Location), not only by being on the same host. */
  redirected: boolean;
  /**
   * Reached because the IdP's page sent the browser there by script: a URL the page or its script's answer named
   * (location.assign, Entra ID's FederationRedirectUrl), or the next page of the tab, on another IdP product's
   * endpoint, with the IdP's page as its Referer. On the SP's side: the next page of the tab with a hand-off page
   * (see `handedOver`) as its Referer, where that page's script went once it had traded the credential.
   */
  navigated?: boolean;
}

export interface Followed {
  steps: Step[];
  /** A redirect of the chain led to another SAML message (position), e.g. the SP sending the browser back to the IdP. */
  loopedTo?: number;
}

/** How far to look: a sign-in rarely has more than a dozen hops and takes minutes, not hours. */
export const MAX_LOOKAHEAD = 400;
const MAX_STEPS = 24;
const MAX_MINUTES = 30;

function millis(e: TraceEntry): number | undefined {
  const t = e.capturedAt ? Date.parse(e.capturedAt) : NaN;
  return Number.isNaN(t) ? undefined : t;
}

/**
 * The exchanges after `entries[from]` that belong to its navigation, up to the next SAML message: the redirect
 * chain from it (each Location matched to a later request of that URL) and, with `sameHost`, the pages on the
 * hosts of the chain. Entries of another tab are skipped when both tabs are known.
 */
/** How far back to look for the page that sent the user to sign in. */
const MAX_LOOKBACK = 200;

/**
 * The pages the application sent the browser away from before the flow began at `entries[before]` (a page
 * request answered with a redirect or 401): what the user asked for. After the sign-in, being sent back to one
 * of them is the SP letting the user in, whatever that page is called (a dashboard named "SSO errors").
 */
export function pagesSentAway(entries: TraceEntry[], before: number): Set<string> {
  const out = new Set<string>();
  for (let pos = Math.max(0, before - MAX_LOOKBACK); pos < before; pos++) {
    const e = entries[pos]!;
    const status = e.responseStatus;
    if (status === undefined || !entryIsPageLike(e) || !((status >= 300 && status < 400) || status === 401)) continue;
    // Not the sign-in start itself (it sends an AuthnRequest): coming back there is no sign of being let in.
    if (/[?&]SAML(?:Request|art)=/.test(redirectTarget(e) ?? '')) continue;
    out.add(withoutFragment(e.url));
  }
  return out;
}

/** The page asks the browser to send no Referer from it (Referrer-Policy header or meta tag: no-referrer). */
function withholdsReferer(e: TraceEntry): boolean {
  const policy = header(e.responseHeaders, 'referrer-policy') ?? '';
  if (/(^|,)\s*no-referrer\s*($|,)/i.test(policy)) return true;
  return /<meta[^>]+name=["']?referrer["']?[^>]+content=["']?no-referrer["'\s>]/i.test(e.responseBody?.text.slice(0, 20_000) ?? '');
}

/**
 * `handedOver` names the pages whose own script carries the navigation on (an SP's sign-in route handed a one-time
 * credential, which trades it for a session and then goes where the application sends the user): the tab's next
 * page with such a page as its Referer is followed as where that page sent the browser, the same way as an IdP's page.
 */
export function follow(
  entries: TraceEntry[],
  isMessage: (position: number) => boolean,
  from: number,
  sameHost: boolean,
  handedOver?: (url: string) => boolean,
): Followed {
  const start = entries[from];
  if (!start) return { steps: [] };
  const startTime = millis(start);
  const expected = new Set<string>();
  const hosts = new Set<string>();
  const first = redirectTarget(start);
  if (first) expected.add(first);
  const startHost = hostOf(start.url);
  if (startHost) hosts.add(startHost);
  const steps: Step[] = [];
  // What the flow's current page (and what its script fetched) named, and whether the tab's last page was the flow's:
  // only the next page the tab shows can be where that page sent it.
  const announced = new Set<string>();
  let lastPageOurs = true;
  const listen = (e: TraceEntry) => {
    if (e.responseBody) for (const u of announcedUrls(e.responseBody.text)) announced.add(u);
  };
  // The capture records Referers: a page without one was not reached from another (see `typed`).
  const startHasReferer = refererHost(start) !== undefined;
  const end = Math.min(entries.length, from + 1 + MAX_LOOKAHEAD);
  for (let pos = from + 1; pos < end && steps.length < MAX_STEPS; pos++) {
    const e = entries[pos]!;
    if (start.tabId !== undefined && e.tabId !== undefined && e.tabId !== start.tabId) continue;
    const t = millis(e);
    if (startTime !== undefined && t !== undefined && t - startTime > MAX_MINUTES * 60_000) break;
    const url = withoutFragment(e.url);
    const chained = expected.has(url);
    if (isMessage(pos)) return chained ? { steps, loopedTo: pos } : { steps };
    const host = hostOf(url);
    const onHosts = !!host && hosts.has(host);
    const page = entryIsPageLike(e);
    // The IdP's script asking its own host where to go next (a JSON answer) is no page, but names the next one.
    if (sameHost && onHosts && !page) listen(e);
    // A named URL elsewhere (a help article, the SP's privacy page the IdP shows) is a link the user may follow;
    // only the IdP's own hosts or another IdP product's endpoint are where its script sends a sign-in on.
    const named = sameHost && page && lastPageOurs && announced.has(url) && (onHosts || !!clueFromEndpoint(url, 'page'));
    // Without the named URL in the capture, the Referer ties a page of another IdP product (AD FS behind Entra ID) to it;
    // any other site the user went on to from the IdP's page is not the sign-in's.
    const from = refererHost(e);
    const referred = sameHost && page && lastPageOurs && !onHosts && !!from && hosts.has(from) && !!clueFromEndpoint(url, 'page');
    // The page a hand-off page's script went to: the tab's next page, sent from that very page.
    const shown = steps.length ? steps[steps.length - 1]!.entry : start;
    const handed =
      !!handedOver && page && lastPageOurs && entryIsPageLike(shown) && (shown.responseStatus ?? 0) < 300 && handedOver(shown.url) && refererUrl(e) === withoutFragment(shown.url);
    const navigated = !chained && (named || referred || handed);
    // A page on the IdP's host that no redirect, script or link led to (a GET without Referer, in a capture that
    // records them, from a page that does not withhold them) is an address the user typed: not the IdP's answer.
    const typed = !chained && !navigated && page && e.method === 'GET' && !from && startHasReferer && !withholdsReferer(shown);
    if (!chained && !navigated && (!(sameHost && onHosts && page) || typed)) {
      if (page) lastPageOurs = false;
      continue;
    }
    if (chained) expected.delete(url);
    steps.push({ entry: e, position: pos, redirected: chained, ...(navigated ? { navigated: true } : {}) });
    lastPageOurs = true;
    if (sameHost && page) {
      announced.clear();
      listen(e);
    }
    const next = redirectTarget(e);
    if (next) expected.add(next);
    if ((chained || navigated) && host) hosts.add(host);
  }
  return { steps };
}
