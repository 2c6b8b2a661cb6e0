// Error pages of IdPs: which refusal a captured page shows, read from a bounded window of its body.
import type { ResponseBody } from '../../model';
import { plain, visibleMarkup } from '../../http/page-text';
import { adfsPages } from './adfs';
import { entraPages } from './entra';
import { googlePages } from './google';
import { keycloakPages } from './keycloak';
import { oktaPages } from './okta';
import { pingPages } from './ping';
import { shibbolethPages } from './shibboleth';
import { simplesamlphpPages } from './simplesamlphp';
import type { ErrorPageFamily, PageHit, PageView } from './types';

export type { ErrorCode, PageHit, PageView, RequestFacts } from './types';
export { ENTRA_CODES } from './entra';

/** Codes sit near the top of an error page: its first million characters (what a trace keeps of a body) are scanned. */
export const SCAN_CHARS = 1_000_000;

const FAMILIES: ErrorPageFamily[] = [entraPages, oktaPages, adfsPages, googlePages, keycloakPages, shibbolethPages, pingPages, simplesamlphpPages];

/**
 * The part of a body that is scanned: bounded whatever the body's size, so a huge page costs the same as a big
 * one. A slice, not a copy: regular expressions run fastest on it.
 */
export function scanWindow(text: string): string {
  return text.length <= SCAN_CHARS ? text : text.slice(0, SCAN_CHARS);
}

/** A page that carries a SAML message to post on is the IdP's success, not an error page. */
const POSTS_SAML = /name\s*=\s*["']?(?:SAMLResponse|SAMLRequest|wresult)\b/i;

function postsSaml(text: string): boolean {
  // A plain search first: the regular expression only where one of the names occurs at all.
  return (text.includes('SAMLResponse') || text.includes('SAMLRequest') || text.includes('wresult')) && POSTS_SAML.test(text);
}

export function pageView(url: string, status: number | undefined, body: ResponseBody | undefined): PageView {
  const text = body ? scanWindow(body.text) : '';
  let markup: string | undefined;
  let words: string | undefined;
  return {
    url,
    ...(status !== undefined ? { status } : {}),
    text,
    hasBody: !!body,
    get visibleMarkup() {
      return (markup ??= visibleMarkup(text));
    },
    get visible() {
      return (words ??= plain(this.visibleMarkup));
    },
  };
}

/** The refusal a page shows, or undefined: an unknown page is simply not a finding. Never throws. */
export function recognisePage(page: PageView): PageHit | undefined {
  if (page.hasBody && postsSaml(page.text)) return undefined;
  for (const family of FAMILIES) {
    try {
      const hit = family.recognise(page);
      if (hit) return hit;
    } catch {
      // One family's trouble with a strange page must not hide another's recognition.
    }
  }
  return undefined;
}
