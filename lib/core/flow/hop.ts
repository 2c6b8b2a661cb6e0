import type { SamlView } from '../model';
import { IDP_NAMES, PRODUCT_SIGNS, type KnownIdpProduct } from '../idp';
import type { ResolvedExpectations } from '../profiles';
import { genericProfile } from '../profiles/generic';
import { sameUrl, sentToUrl } from './url';

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
  /** The IdP that received the token. */
  product: KnownIdpProduct;
  name: string;
  host: string;
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
  if (!view || !TOKENS.has(view.kind)) return undefined;
  const sent = sentToUrl(url);
  if (!sent || url.includes('\\') || DOT_SEGMENT.test(sent) || expect.acsUrls.some((e) => sameUrl(sent, e.value))) return undefined;
  if (view.destination ? !sameUrl(view.destination, sent) : binding !== 'WS-Fed') return undefined;
  const host = PLAIN_URL.exec(sent)?.[1];
  if (!host) return undefined;
  const signs = PRODUCT_SIGNS.find((s) => s.hosts.some((h) => h.test(host)) || (s.product === 'adfs' && s.endpoints.some((e) => e.test(sent))));
  return signs ? { product: signs.product, name: IDP_NAMES[signs.product], host } : undefined;
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
