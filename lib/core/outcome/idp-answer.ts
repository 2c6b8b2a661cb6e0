// How the IdP answered an AuthnRequest that got no Response: its error page, an HTTP error, a redirect to
// an error URL, or only its sign-in pages (the user stopped there).
import type { ExtractedMessage, Problem, SamlView, TraceEntry } from '../model';
import { IDP_NAMES } from '../idp/product';
import { pageView, recognisePage, type PageHit } from '../idp/error-pages';
import { clueFromEndpoint } from '../idp/recognise';
import { formDecode } from '../binding/urlencoded';
import { requestFacts, shortUrl } from './facts';
import type { Step } from './follow';

export interface IdpAnswer {
  /** The refusal finding for the AuthnRequest, when the capture shows one. */
  refusal?: Problem;
  /** The recognised error page. */
  hit?: PageHit;
  /** The IdP answered at all (a status or a page was captured): without a Response the user stopped there. */
  answered: boolean;
}

const ERROR_URL = /(?:^|[/?&#._=-])(?:error|errors|err|fault)(?:$|[/?&#._=-])/i;

function pathAndQuery(url: string): string {
  return url.replace(/^https?:\/\/[^/?#]+/i, '');
}

/**
 * What an error URL itself says: its error and error_description parameters (the OAuth error pair many IdPs put on
 * their error page's URL, Auth0's /error?error=...&error_description=...), quoted as the IdP's own words.
 */
function errorParams(url: string): string | undefined {
  const query = /\?([^#]*)/.exec(url)?.[1];
  if (!query) return undefined;
  const get = (name: string) => {
    const part = query.split('&').find((p) => p.startsWith(`${name}=`));
    const value = part ? formDecode(part.slice(name.length + 1)).trim() : '';
    return value ? (value.length > 200 ? `${value.slice(0, 197)}…` : value) : undefined;
  };
  const error = get('error');
  const description = get('error_description');
  return error && description ? `${error}: ${description}` : (error ?? description);
}

function statusText(e: TraceEntry): string {
  return e.responseStatus !== undefined ? ` (HTTP ${e.responseStatus})` : '';
}

/** The finding for a recognised error page, with the request's own values in the cause and fix. */
function hitProblem(hit: PageHit, page: TraceEntry, entry: TraceEntry, message: ExtractedMessage, view: SamlView | undefined, location: string): Problem {
  const facts = requestFacts(entry, message, view);
  const name = IDP_NAMES[hit.product];
  // The AuthnRequest went to another product, which sent the user on to this one (Okta routing to Entra ID):
  // the page is about that product's own registration here, and the SP's values explain nothing.
  const sentTo = clueFromEndpoint(entry.url, 'sent to')?.product;
  if (sentTo && sentTo !== hit.product) {
    const broker = IDP_NAMES[sentTo];
    const details = hit.details.length ? ` Page details: ${hit.details.join('; ')}.` : '';
    const fix = `Fix the federation between ${broker} and ${name}, not the SP: in ${name}, the application that stands for ${broker} (the identifier the page names), and in ${broker}, the identity provider set up for ${name}.`;
    return {
      rule: 'idp-refused',
      message: `${name} refused the sign-in that ${broker} passed on to it, with ${hit.code.code} (${hit.code.title}) on ${shortUrl(page.url)}${statusText(page)}. The SP's AuthnRequest went to ${broker}, which federates to ${name}: what the page names is ${broker}'s own registration in ${name}, not this SP's. ${fix}${details}`,
      location,
      ownFix: { product: hit.product, text: fix },
    };
  }
  const details = hit.details.length ? ` Page details: ${hit.details.join('; ')}.` : '';
  const fix = hit.code.fix(facts);
  return {
    rule: 'idp-refused',
    message: `${name} refused this AuthnRequest with ${hit.code.code} (${hit.code.title}) on ${shortUrl(page.url)}${statusText(page)}. ${hit.code.cause(facts)} Fix: ${fix}${details}`,
    location,
    // The verdict names this code's steps, not the rule's general advice to read the finding.
    ownFix: { product: hit.product, text: fix },
  };
}

/**
 * Reads the pages after one capture of an AuthnRequest (the capture itself first). `noResponse` says the flow
 * got no Response: only then can a failed page be the end of the sign-in.
 */
export function judgeIdpAnswer(
  entry: TraceEntry,
  message: ExtractedMessage,
  view: SamlView | undefined,
  steps: Step[],
  idpName: string,
): IdpAnswer {
  const location = view ? (view.messagePath ?? `/${view.rootName}`) : '';
  const pages = [entry, ...steps.map((s) => s.entry)];
  for (const page of pages) {
    const hit = recognisePage(pageView(page.url, page.responseStatus, page.responseBody));
    if (hit) return { hit, refusal: hitProblem(hit, page, entry, message, view, location), answered: true };
  }
  const answered = pages.some((p) => p.responseStatus !== undefined || p.responseBody !== undefined);
  const failed = pages.find((p) => p.responseStatus !== undefined && p.responseStatus >= 400);
  // Its error URL, reached by a redirect or by its own page's script (a URL that page named), never a page the user went to.
  const errorRedirect = steps.find((s) => (s.redirected || s.navigated) && ERROR_URL.test(pathAndQuery(s.entry.url)))?.entry;
  const bad = failed ?? errorRedirect;
  if (!bad) return { answered, ...unreadEnd(pages, idpName, location) };
  const why = failed ? `answered ${shortUrl(failed.url)} with HTTP ${failed.responseStatus}` : `sent the browser to its error page ${shortUrl(bad.url)}`;
  const said = errorParams(bad.url);
  const body = said
    ? ` Its error URL says: "${said}".`
    : bad.responseBody
    ? ' Its page was captured but is not one SAML Lens recognises; read it in the HTTP view.'
    : ' The page itself was not captured (save the HAR "with content", or open the SAML panel in DevTools before signing in) so its message cannot be read.';
  return {
    answered: true,
    refusal: {
      rule: 'idp-refused',
      message: `${idpName} ${why} and no Response followed: the IdP refused this AuthnRequest.${body}`,
      ...(location ? { location } : {}),
    },
  };
}

/**
 * The IdP answered with a page whose content was not captured, and nothing followed: the user may have stopped
 * there, or the page was an error. Said as information, so the capture can be made again with the page in it.
 */
function unreadEnd(pages: TraceEntry[], idpName: string, location: string): { refusal?: Problem } {
  const last = pages[pages.length - 1];
  if (!last || last.responseBody || last.responseStatus === undefined || last.responseStatus >= 300) return {};
  return {
    refusal: {
      rule: 'idp-refused',
      severity: 'info',
      message: `No Response followed: ${idpName} answered with its page ${shortUrl(last.url)} (HTTP ${last.responseStatus}) and the capture shows nothing after it. Either the sign-in stopped there, or that page was an error; its content was not captured (save the HAR with content, or keep the SAML panel open in DevTools while signing in), so SAML Lens cannot tell which.`,
      ...(location ? { location } : {}),
    },
  };
}
