// The SP's answer to the posted Response: the ACS request's own status and page, and where its redirects led.
import type { Finding, Problem, ResponseBody, TraceEntry } from '../model';
import { formDecode, percentDecode } from '../binding/urlencoded';
import { shortUrl } from './facts';
import { hashRoute, hostOf, redirectLocation, resolveLocation, withoutFragment } from '../http/navigation';
import type { Followed } from './follow';
import { likelyCauses } from './causes';
import { plain, visibleMarkup } from '../http/page-text';

export interface SpAnswer {
  /** true: the SP refused; false: it let the user in; undefined: the capture does not say. */
  refused?: boolean;
  refusal?: Problem;
}

// Where the SP finally sent the browser after the ACS, named like this, is its way of saying no: a last path
// segment that is an error page (/error, /error.html, /access-denied) or ties the error to signing in
// (/saml_error, /login-failed, /auth/failed), a query parameter named error, a sign-in parameter valued like one
// (?saml=failed, ?sso_status=error), or a result-like parameter valued as a sign-in error (?result=saml_error).
// An application's own pages and filters say nothing: /-/error_tracking, /acme/web/errors, /jobs/failed,
// ?status=failed, ?event_type=login_failed, ?authorization=failed.
// Plural "errors" names a list of them (an error tracker's /auth-errors dashboard), not this sign-in's failure.
const ERROR_WORD = '(?:error|err|fail|failed|failure|denied|forbidden|unauthori[sz]ed|access[-_]?denied)';
const SIGN_IN_WORD = '(?:saml|sso|login|logon|signin|sign[-_]?in|auth|authn|authentication)';
const ERROR_PAGE = /^(?:error|access[-_]?denied|unauthori[sz]ed|forbidden)(?:\.[a-z]{2,5})?$/i;
const SIGN_IN_ERROR_SEGMENT = new RegExp(`^(?:[a-z0-9]+[-_])*${SIGN_IN_WORD}[-_]${ERROR_WORD}(?:\\.[a-z]{2,5})?$`, 'i');
const BARE_ERROR = new RegExp(`^${ERROR_WORD}(?:\\.[a-z]{2,5})?$`, 'i');
const SIGN_IN_SEGMENT = new RegExp(`^${SIGN_IN_WORD}$`, 'i');
const ERROR_PARAM = /^(?:error|err|error_?code|error_?description)$/i;
const RESULT_PARAM = /^(?:result|status|reason|code|msg|message|state|outcome)$/i;
const ERROR_VALUE = new RegExp(`^${ERROR_WORD}$`, 'i');
const SIGN_IN_ERROR_VALUE = new RegExp(`^${SIGN_IN_WORD}[-_]?${ERROR_WORD}$`, 'i');

/** A parameter about signing in: its name's first word (split at - and _) is a sign-in word (not var-login_result). */
const signInParam = (name: string) => SIGN_IN_SEGMENT.test(name.split(/[-_]/)[0] ?? '');

// A page's headline says no only when one of its parts (title and heading, split at " - ", " | ", ": "...) is
// a refusal as a whole. On the ACS's own answer any error headline counts ("Error", "An error occurred"). After
// a redirect the page is usually the application the user asked for, whose titles are its content ("Error:
// Request failed" in an error tracker, a "Failed" build, "Failed login attempts report"): there only a part that
// ties the refusal to signing in counts ("Sign-in failed", "SSO error", "Access denied", "We could not sign you in").
const SIGN_IN = '(?:saml|sso|single sign-on|log ?in|logon|sign[- ]?in|authentication|access)';
const SIGNED_REFUSALS = [
  `(?:an?\\s+)?(?:${SIGN_IN}\\s+){1,2}(?:error|failed|failure|denied|forbidden)`,
  `(?:error|failure|failed)\\s*(?:during|while|on)?\\s*${SIGN_IN}`,
  `(?:access\\s+)?(?:denied|forbidden)`,
  `unauthori[sz]ed(?:\\s+access)?`,
  `(?:we\\s+)?(?:could\\s*not|couldn't|can't|cannot|unable\\s+to)\\s+(?:sign|log)\\s+(?:you\\s+)?(?:in|on)`,
  // The SP not knowing or not admitting the user the IdP vouched for: "User not provisioned", "Account not
  // found", "Your account is not allowed to access this workspace".
  `(?:(?:your|this|the)\\s+)?(?:user|account)(?:\\s+account)?\\s+(?:(?:is|was|has)\\s+)?(?:not\\s+(?:been\\s+)?(?:found|provisioned|allowed|authori[sz]ed|permitted|enabled|active|assigned|registered)|disabled|inactive|locked|suspended|does\\s*n[o']t\\s+exist|unknown)(?:\\s+(?:to|for|in|on)\\s+[^.!]{1,80})?`,
  `no\\s+(?:such\\s+)?(?:user|account)(?:\\s+(?:was\\s+)?found)?(?:\\s+(?:for|matching|with)\\s+[^.!]{1,80})?`,
  // The same refusals in the languages SaaS sign-in pages most often come in (German, French, Spanish,
  // Italian, Portuguese, Dutch).
  '(?:zugriff|zugang)\\s+verweigert|anmeldung\\s+fehlgeschlagen|acc\\u00e8s\\s+(?:refus\\u00e9|interdit)|\\u00e9chec\\s+de\\s+(?:la\\s+)?connexion',
  'acceso\\s+denegado|error\\s+de\\s+inicio\\s+de\\s+sesi\\u00f3n|accesso\\s+negato|acesso\\s+negado|toegang\\s+geweigerd',
];
const ANY_REFUSALS = [
  ...SIGNED_REFUSALS,
  `(?:error|failed|failure)(?:\\s+\\d{3})?`,
  `(?:an?\\s+)?error\\s+(?:has\\s+)?occurred`,
  `something\\s+went\\s+wrong`,
];
const whole = (alternatives: string[]) => new RegExp(alternatives.map((alt) => `^(?:${alt})[.!]?$`).join('|'), 'i');
const REFUSAL_AFTER_REDIRECT = whole(SIGNED_REFUSALS);
const REFUSAL_AT_ACS = whole(ANY_REFUSALS);

function refusalHeadline(headline: string, atAcs: boolean): boolean {
  const refusal = atAcs ? REFUSAL_AT_ACS : REFUSAL_AFTER_REDIRECT;
  return headline.split(/\s+[-\u2013\u2014|\u00b7:]\s+|:\s+/).some((part) => refusal.test(part.trim()));
}

// The SP's own sign-in machinery, between the ACS and the page it lets the user in on: a path segment that is, or
// starts, a sign-in word (/auth/callback, /api/login, /saml2/..., /sso_finish), not /authors.
const SIGN_IN_ROUTE_SEGMENT = new RegExp(`^${SIGN_IN_WORD}(?:\\d|[-_.]|$)`, 'i');
const onSignInRoute = (url: string) => pathAndQuery(withoutFragment(url)).split('?')[0]!.split('/').some((x) => SIGN_IN_ROUTE_SEGMENT.test(percentDecode(x)));

const LOGIN_PAGE = /\/(?:login|log-in|signin|sign-in|sign_in|logon)(?:\.[a-z]{2,5})?\/?(?:[?#]|$)/i;

// A page that shows one record of the application (/agent/tickets/4521, /browse/PAY-4821, a UUID, "Ticket #4521"
// in its title) is content: its title is the record's subject ("SSO error - Ticket #4521"). A refusal page is about
// the user, not about a record, and is a fixed route (/no-access, /account/pending).
const RECORD_SEGMENT = /^(?:\d+|[A-Z][A-Z0-9]*-\d+|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})$/i;
function recordPage(url: string, headline: string): boolean {
  const segments = pathAndQuery(withoutFragment(url)).split('?')[0]!.split('/').filter(Boolean);
  return RECORD_SEGMENT.test(percentDecode(segments[segments.length - 1] ?? '')) || /#\d+\b/.test(headline);
}

/**
 * A specific page the user asked for, a deep link: a path beyond the site's root, or a hash route. Reaching the
 * root (or the start page an empty or opaque RelayState leaves the user on) says nothing about the sign-in: it is
 * where the SP sends everyone, refused users too.
 */
function deepLink(url: string): boolean {
  const path = pathAndQuery(withoutFragment(url)).split('?')[0]!;
  return (path !== '' && path !== '/') || (hashRoute(url) ?? '/') !== '/';
}

// A sign-in route that receives a one-time credential from the ACS (/auth/login?token=eyJ..., an OAuth-style
// ?code=..., a CAS-style ?ticket=ST-...) is the sign-in handing over to the application, which trades it for its
// session in the page's own script or next request: not the user sent back to sign in. Only a value shaped like a
// credential counts: a JWT, a CAS ticket, hex (a UUID), or a long random string. A code made of words
// (/login?code=USER_NOT_FOUND, AccountNotProvisioned, SSO_USER_NOT_FOUND_404) is the SP naming an error, so the
// redirect stays a bounce.
const HANDOFF_NAME = /^(?:token|code|ticket|jwt)$/i;
const JWT = /^eyJ[\w-]*\.[\w-]*(?:\.[\w-]*)?$/;
const CAS_TICKET = /^(?:ST|PT|PGT|TGT)-\d+-[\w.-]{6,}$/;
const HEX = /^[0-9a-f]{16,}$|^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i;
/**
 * Random, not words: split into runs of one kind (a capitalised or lower-case word, capitals, digits), a random
 * string's runs are a character or two long on average, a code's are words.
 */
function random(value: string): boolean {
  const runs = value.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g) ?? [];
  const letters = runs.reduce((n, r) => n + r.length, 0);
  return value.length >= 20 && runs.length > 0 && letters / runs.length < 3;
}
const credential = (value: string) =>
  /^[\w.~+/=-]+$/.test(value) && !/error|fail|denied|invalid|expired/i.test(value) && (JWT.test(value) || CAS_TICKET.test(value) || HEX.test(value) || random(value));

function handsOffCredential(url: string): boolean {
  const query = withoutFragment(url).split('?')[1] ?? '';
  return query.split('&').some((pair) => {
    const [name = '', value = ''] = pair.split('=').map(formDecode);
    // The name's last word: token, id_token, sso-token, loginToken, authCode.
    const word = name.split(/[-_]|(?<=[a-z])(?=[A-Z])/).pop() ?? '';
    return HANDOFF_NAME.test(word) && credential(value);
  });
}

/** A sign-in page handed a one-time credential by the redirects: its own script carries the sign-in on. */
export const isHandOff = (url: string) => LOGIN_PAGE.test(url) && handsOffCredential(url);

/**
 * What names a URL (or a hash route) as an error page, one key per signal: the error page's last path segments,
 * or an error parameter with its value. Keys compare across URLs, so a signal that was already in the URL the
 * user asked for can be told from one the SP added.
 */
function errorSignals(url: string): string[] {
  const [path = '', query = ''] = pathAndQuery(url).split('#')[0]!.split('?');
  const segments = path.split('/').filter(Boolean).map(percentDecode);
  const last = segments[segments.length - 1] ?? '';
  const before = segments[segments.length - 2] ?? '';
  const out: string[] = [];
  const named = ERROR_PAGE.test(last) || SIGN_IN_ERROR_SEGMENT.test(last) || (BARE_ERROR.test(last) && SIGN_IN_SEGMENT.test(before));
  // An error page per status code: /error/403.
  if (named || (/^[45]\d\d$/.test(last) && ERROR_PAGE.test(before))) out.push(`path ${before}/${last}`.toLowerCase());
  for (const pair of query.split('&')) {
    const [name = '', value = ''] = pair.split('=').map(formDecode);
    const error =
      ERROR_PARAM.test(name) ||
      (RESULT_PARAM.test(name) && SIGN_IN_ERROR_VALUE.test(value)) ||
      // ?saml=failed, and a flag named as a sign-in error: ?sso_error=1.
      (signInParam(name) && (ERROR_VALUE.test(value) || (SIGN_IN_ERROR_VALUE.test(name) && !/^(?:|0|false|no|none)$/i.test(value))));
    if (error) out.push(`query ${name}=${value}`.toLowerCase());
  }
  return out;
}

// English words only: elsewhere the status and the URL carry the signal.
const ERROR_WORDS = /\b(?:error|failed|failure|denied|invalid|unauthori[sz]ed|forbidden|not allowed|could not|unable to)\b/i;

function pathAndQuery(url: string): string {
  return url.replace(/^https?:\/\/[^/?#]+/i, '');
}

/** The SP's own words on a page: its headline (title, first heading) and the first sentence that names an error. */
export interface SpWords {
  headline?: string;
  /** Headline and sentence, for quoting. */
  text?: string;
}

export function spWords(body: ResponseBody | undefined): SpWords {
  if (!body) return {};
  // An SP's error page is small; its words are at the top.
  const html = visibleMarkup(body.text.slice(0, 200_000));
  const title = /<title\b[^>]{0,500}>([\s\S]{0,500}?)<\/title>/i.exec(html)?.[1];
  const heading = /<h[1-3]\b[^>]{0,500}>([\s\S]{0,1000}?)<\/h[1-3]>/i.exec(html)?.[1];
  const heads = [...new Set([title, heading].map((h) => (h ? plain(h) : '')).filter(Boolean))];
  const inBody = /<body\b[^>]{0,1000}>([\s\S]*)/i.exec(html)?.[1] ?? html;
  let rest = plain(inBody.slice(0, 50_000));
  for (const h of heads) if (rest.startsWith(h)) rest = rest.slice(h.length).trim();
  const sentence = rest.split(/(?<=[.!?])\s+/).find((x) => ERROR_WORDS.test(x) && !heads.includes(x));
  const headline = heads.join(' — ') || undefined;
  const joined = [...heads, ...(sentence ? [sentence] : [])].join(' — ');
  const text = joined ? (joined.length > 300 ? `${joined.slice(0, 297)}…` : joined) : undefined;
  return { ...(headline ? { headline } : {}), ...(text ? { text } : {}) };
}

/** The first sentence of a page that is a refusal tied to signing in as a whole ("Your account has not been provisioned."). */
function refusalSentence(body: ResponseBody | undefined): string | undefined {
  if (!body) return undefined;
  const html = visibleMarkup(body.text.slice(0, 200_000));
  const inBody = /<body\b[^>]{0,1000}>([\s\S]*)/i.exec(html)?.[1] ?? html;
  // Block by block, so a heading does not run into the paragraph under it.
  const blocks = inBody.slice(0, 20_000).split(/<\/?(?:p|div|h[1-6]|li|br|section|main|article|header|footer|td|th|form|dd|dt|blockquote)\b[^<>]{0,500}>/i);
  const sentences = blocks.flatMap((b) => plain(b).split(/(?<=[.!?])\s+/)).filter(Boolean).slice(0, 40);
  return sentences.find((x) => REFUSAL_AFTER_REDIRECT.test(x.trim()));
}

/**
 * Judges what the SP did with a successful Response posted to it. `findings` are the Response's own: the
 * refusal names those most likely to have caused it.
 */
export function judgeSpAnswer(
  acs: TraceEntry,
  followed: Followed,
  findings: Finding[],
  location: string | undefined,
  loopedToAuthnRequest: boolean,
  askedFor: ReadonlySet<string> = new Set(),
): SpAnswer {
  if (acs.responseStatus === undefined) return {};
  // The redirects, and the page a hand-off page's script went to (follow's `handedOver`).
  const steps = followed.steps.filter((s) => s.redirected || s.navigated);
  const chain = steps.map((s) => s.entry);
  const last = chain[chain.length - 1] ?? acs;
  let why: string | undefined;
  if (acs.responseStatus >= 400) why = `its ACS ${shortUrl(acs.url)} answered HTTP ${acs.responseStatus}`;
  const failedHop = chain.find((e) => e.responseStatus !== undefined && e.responseStatus >= 400);
  if (!why && failedHop) why = `the page it redirected to, ${shortUrl(failedHop.url)}, answered HTTP ${failedHop.responseStatus}`;
  // Where the ACS and its redirects finally sent the browser, whether or not that request was captured: a hop on
  // the way (an application's own /login?action=samlLogin that creates its session) is not an answer.
  const locations: string[] = [];
  for (const [i, hop] of [acs, ...chain].entries()) {
    if (i > 0 && steps[i - 1]!.navigated) locations.push(hop.url);
    const to = redirectLocation(hop);
    if (to) locations.push(to);
  }
  const targets = locations.map(withoutFragment);
  const final = targets[targets.length - 1];
  // What the user asked for: the page the application sent them away from to sign in, and the page the RelayState
  // named (a deep link: /d/abc/login-failed?orgId=1, /#/reports/access-denied).
  const relay = acs.formFields?.find(([n]) => n === 'RelayState')?.[1];
  const relayUrl = relay && /^(?:https?:\/\/|\/(?!\/))/i.test(relay) ? resolveLocation(relay, acs.url) : undefined;
  const relayPage = relayUrl && withoutFragment(relayUrl);
  const relayDeep = !!relayUrl && deepLink(relayUrl);
  const isAsked = (url: string) => ((askedFor.has(url) && deepLink(url)) || (relayDeep && url === relayPage)) && !LOGIN_PAGE.test(url);
  // Once the redirects pass through a page the user asked for, the SP let them in: the hops after it on the same
  // site are the application's own (a help desk adding its locale: /hc/requests/4521 to /hc/en-us/requests/4521),
  // and what their pages are titled is content. An error or sign-in URL after it still says no: a deep link that
  // bounces to /login did not find the session the ACS was to make (a cookie not kept).
  const reached = targets.findIndex(isAsked);
  const passedAsked = reached >= 0 && hostOf(final!) === hostOf(targets[reached]!);
  // Error words the user's own request carried (?auth_result=failed on a security dashboard, a hash route named
  // #/reports/access-denied) are not the SP's answer; only those the SP added are.
  const askedSignals = new Set([...askedFor, ...(relayPage ? [relayPage] : [])].flatMap(errorSignals));
  const relayRoute = relayUrl && hashRoute(relayUrl);
  const askedRouteSignals = new Set(relayRoute ? errorSignals(relayRoute) : []);
  // A hash-routed app's error route (/#/login?error=...) says no even on the page the user asked for (RelayState /).
  // The browser keeps a fragment through redirects whose Location has none, so the last route given is the one shown.
  const routed = locations.filter((l) => hashRoute(l) !== undefined).pop();
  const route = routed && hashRoute(routed);
  const routeIsError = route !== undefined && errorSignals(route).some((x) => !askedRouteSignals.has(x));
  const finalIsError = final !== undefined && (errorSignals(final).some((x) => !askedSignals.has(x)) || routeIsError);
  const handOff = final !== undefined && !finalIsError && isHandOff(final);
  const errorTarget = final && (finalIsError || (LOGIN_PAGE.test(final) && !handOff)) ? final : undefined;
  if (!why && errorTarget) {
    // Quoted as the browser showed it: with the hash route, which is the page a hash-routed app renders.
    const shown = routed ? `${errorTarget}${routed.slice(routed.indexOf('#'))}` : errorTarget;
    why = `it redirected to its ${finalIsError ? 'error' : 'sign-in'} page ${shortUrl(shown)}`;
  }
  if (!why && loopedToAuthnRequest) why = 'it sent the browser straight back to the IdP with a new AuthnRequest (it did not keep the session)';
  const errorHop = errorTarget ? chain.find((e) => e.url === errorTarget) : undefined;
  const words = spWords((failedHop ?? errorHop ?? last).responseBody ?? acs.responseBody);
  const text = words.text;
  // Only the headline of the page that is the SP's answer to the login counts as a refusal: the ACS's own page,
  // or where the ACS sent the browser, through its own sign-in hops (/auth/callback, /api/login?action=samlLogin) or
  // an application page that only routes on (a start page answering 302 to /account/pending), when that is not a
  // page the user asked for. Where an application page routed a user to one of its records (a dashboard opening the
  // latest ticket, /agent/tickets/4521), the page's title is that record's subject: "SSO error - Ticket #4521".
  // An application page may say "error" anywhere in its text.
  const headline = words.headline;
  const viaSignIn = last === acs || chain.slice(0, -1).every((e) => onSignInRoute(e.url));
  const answerPage = viaSignIn || (headline !== undefined && !recordPage(last.url, headline));
  if (!why && !passedAsked && answerPage && headline && (last.responseStatus ?? 0) < 300 && refusalHeadline(headline, last === acs)) {
    why = `the page it showed after the ACS is headed "${headline}"`;
  }
  // A hand-off page that says a refusal in its own words ("Your account has not been provisioned.") is the SP's answer.
  const said = handOff && !why ? refusalSentence(last.responseBody) : undefined;
  if (said) why = `the sign-in page it handed the credential to says "${said}"`;
  // The application trades the credential for its session after the captured redirects: what it made of it is not
  // in them.
  if (!why && handOff) return {};
  if (!why) return { refused: false };
  const causes = likelyCauses(findings);
  const cause = causes.length
    ? ` Most likely because of ${causes.join('; then ')}.`
    : " No finding on this Response explains it: the SP's own log names the reason (a certificate, entity ID or ACS it expects differently, or a user it does not know).";
  return {
    refused: true,
    refusal: {
      rule: 'sp-refused',
      message: `The SP refused this Response: ${why}.${cause}${text ? ` The SP said: "${text}".` : ''}`,
      ...(location ? { location } : {}),
    },
  };
}
