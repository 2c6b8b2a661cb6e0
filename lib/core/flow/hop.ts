import type { SamlView } from '../model';
import { IDP_NAMES, PRODUCT_SIGNS, type KnownIdpProduct } from '../idp';
import type { ResolvedExpectations } from '../profiles';
import { genericProfile } from '../profiles/generic';
import { sameUrl, sentMatches, sentToUrl } from './url';

/*
 * A federation hop: a token delivered to an IdP's own host, not to the SP. With a federated domain, AD FS or
 * Okta posts a SAML 1.1 token to Entra ID (login.microsoftonline.com/login.srf); Okta, Auth0 or OneLogin can
 * themselves be the relying party of an upstream IdP. That IdP, not the SP the user configured, is the token's
 * audience, and the upstream IdP, not the configured one, signed it: judging it by the SP's settings gives an
 * "audience mismatch" whose fix would break the login. The hosts are those that serve only one product's pages
 * (idp/signs.ts, each with its source); AD FS on-premises is known by its passive endpoint, where it also takes
 * tokens from its claims providers.
 */

export interface Hop {
  /** The IdP that received the token, or sent the request; undefined when only the capture shows it is one. */
  product?: KnownIdpProduct;
  name: string;
  host: string;
  /** A token delivered to the IdP, or the IdP's own AuthnRequest to the upstream IdP that token answers. */
  role: 'token' | 'request';
}

const TOKENS = new Set<SamlView['kind']>(['Response', 'Assertion']);
// Only a URL whose host a browser reads the same way: no user info, backslash or dot segment that would move
// the request to another host or path than the text seems to name.
const PLAIN_URL = /^https?:\/\/([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)(?::\d{1,5})?(?:[/?#]|$)/;
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?:[/?#]|$)/i;

/**
 * The IdP a Response or token was delivered to, when it went to one and not to a configured ACS URL. A SAML 2.0
 * Response counts only when its own Destination names that URL (an IdP signs it for where it posts it, and an
 * SP refuses a Destination other than its ACS); a token without one only through WS-Federation.
 */
export function federationHop(url: string, view: SamlView | undefined, binding: string, expect: ResolvedExpectations): Hop | undefined {
  if (!view || !TOKENS.has(view.kind) || forTheSp(view, expect)) return undefined;
  const sent = sentToUrl(url);
  if (!sent || url.includes('\\') || DOT_SEGMENT.test(sent) || onSpHost(sent, expect)) return undefined;
  // A Destination with a query (Auth0's /login/callback?connection=...) names the URL it was posted to with that query.
  if (view.destination ? !sentMatches(view.destination, sent, url) : binding !== 'WS-Fed') return undefined;
  const host = PLAIN_URL.exec(sent)?.[1];
  const product = host ? hostedProduct(host, sent) : undefined;
  return product && host ? { product, name: IDP_NAMES[product], host, role: 'token' } : undefined;
}

/** The product whose own host (or, for AD FS, whose passive endpoint) `sent` is on. */
function hostedProduct(host: string, sent: string): KnownIdpProduct | undefined {
  const name = host.split(':')[0]!;
  return PRODUCT_SIGNS.find((s) => s.hosts.some((h) => h.test(name)) || (s.product === 'adfs' && s.endpoints.some((e) => e.test(sent))))?.product;
}

const same = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a.trim() === b.trim();

/** A token whose Audience names the configured SP is the SP's, wherever it was posted. */
function forTheSp(view: SamlView, expect: ResolvedExpectations): boolean {
  const sp = expect.spEntityId?.value;
  return !!sp && view.assertions.some((a) => (a.conditions?.audiences ?? []).some((x) => same(x, sp)));
}

/** Posted to a configured ACS URL, or to the host of one or of the SP's entity ID: the SP's own ground. */
function onSpHost(sent: string, expect: ResolvedExpectations): boolean {
  if (expect.acsUrls.some((e) => sameUrl(sent, e.value))) return true;
  const host = hostPort(sent);
  const spHosts = [...expect.acsUrls.map((e) => e.value), expect.spEntityId?.value ?? ''].map(hostPort);
  return host !== undefined && spHosts.includes(host);
}

export interface HopCandidate {
  url: string;
  view?: SamlView;
  binding: string;
}

const hostPort = (url: string) => (PLAIN_URL.test(url) ? /^https?:\/\/([^/?#]+)/i.exec(url)![1]!.toLowerCase() : undefined);

/**
 * Every message's hop, if any. Beyond the hosts of hosted IdPs, the capture itself shows a hop to a self-hosted
 * or custom-domain IdP (Keycloak brokering AD FS, an Okta org on its own domain): with the SP's entity ID known,
 * a Response that answers an AuthnRequest another entity issued, posted (with its Destination saying so) to a
 * host the SP's own AuthnRequests went to, is that IdP's token from its upstream IdP; the AuthnRequest it answers
 * is the IdP's own, not the SP's.
 */
export function traceHops(messages: HopCandidate[], expect: ResolvedExpectations): Array<Hop | undefined> {
  const hops = messages.map((m) => federationHop(m.url, m.view, m.binding, expect));
  // The SP: its configured entity ID, or else the Issuer of an AuthnRequest asking for a configured ACS URL.
  const sp =
    expect.spEntityId?.value ??
    messages.find((m) => m.view?.kind === 'AuthnRequest' && expect.acsUrls.some((a) => m.view!.request?.assertionConsumerServiceUrl !== undefined && sameUrl(m.view!.request.assertionConsumerServiceUrl, a.value)))?.view?.issuer;
  if (!sp) return hops;
  // An AuthnRequest may be seen more than once (AD FS's sign-in form posts it back with the credentials).
  const requests = new Map<string, number[]>();
  const idpHosts = new Set((expect.idpMetadata?.ssoServices ?? []).map((e) => hostPort(e.location)).filter((h) => h !== undefined));
  messages.forEach((m, i) => {
    if (m.view?.kind !== 'AuthnRequest' || !m.view.id) return;
    requests.set(m.view.id, [...(requests.get(m.view.id) ?? []), i]);
    const host = same(m.view.issuer, sp) ? hostPort(m.url) : undefined;
    if (host) idpHosts.add(host);
  });
  messages.forEach((m, i) => {
    const view = m.view;
    const r = view?.kind === 'Response' && view.inResponseTo ? requests.get(view.inResponseTo) : undefined;
    if (!r || r.some((j) => same(messages[j]!.view?.issuer, sp))) return;
    const known = hops[i];
    if (known) {
      for (const j of r) hops[j] ??= { ...known, role: 'request' };
      return;
    }
    const sent = sentToUrl(m.url);
    const host = sent ? hostPort(sent) : undefined;
    if (!sent || !host || !idpHosts.has(host) || DOT_SEGMENT.test(sent) || !view!.destination || !sentMatches(view!.destination, sent, m.url)) return;
    // The SP's own ground, a token for the SP, or one from the configured IdP (a second app on its host).
    if (onSpHost(sent, expect) || forTheSp(view!, expect) || same(view!.issuer, expect.idpEntityId?.value)) return;
    const product = hostedProduct(host, sent);
    const named = product ? { product, name: IDP_NAMES[product] } : { name: 'the IdP' };
    hops[i] = { ...named, host, role: 'token' };
    for (const j of r) hops[j] ??= { ...named, host, role: 'request' };
  });
  return hops;
}

/**
 * What a hop is judged by: nothing of the SP's (entity ID, ACS URLs, metadata, profile) and not the configured
 * IdP's entity ID; the trusted certificates stay, so a token from that IdP still verifies, but one signed by
 * another key is the upstream IdP's, not a forgery the configuration can show (analyze.ts softens it).
 */
export function hopExpectations(expect: ResolvedExpectations): ResolvedExpectations {
  return {
    ...expect,
    profile: genericProfile(),
    spEntityId: undefined,
    acsUrls: [],
    spMetadata: undefined,
    nameIdFormats: undefined,
    spWantsAssertionsSigned: false,
    spEncryptionCertificates: undefined,
    idpEntityId: undefined,
    problems: [],
  };
}
