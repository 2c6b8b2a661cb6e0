import type { KnownIdpProduct } from '../product';

/** What the AuthnRequest behind a refusal asked for: the values a cause and a fix name. */
export interface RequestFacts {
  /** The SP's entity ID as it sent it (AuthnRequest Issuer). */
  issuer?: string;
  acsUrl?: string;
  acsIndex?: string;
  protocolBinding?: string;
  nameIdPolicy?: string;
  authnContext: string[];
  forceAuthn?: boolean;
  isPassive?: boolean;
  /** The request carried a signature (HTTP-Redirect query or XML). */
  signed: boolean;
  destination?: string;
  /** The URL it was sent to, without the query. */
  sentTo?: string;
  binding: string;
}

/** A page as the scanners see it. */
export interface PageView {
  url: string;
  status?: number;
  /** The bounded window of the body that is scanned; '' when no body was captured. */
  text: string;
  hasBody: boolean;
  /**
   * That window as a person sees it: scripts, styles, templates and hidden elements removed. A sign-in page carries
   * codes it does not show (help tables in a script, an empty hidden error box), so what the page says is read here.
   * Computed on first use.
   */
  readonly visibleMarkup: string;
  /** The visible markup's text, tags removed and white space collapsed. */
  readonly visible: string;
}

/** One documented refusal: what it means for this request and what to change. */
export interface ErrorCode {
  /** As the IdP shows it: `AADSTS700016`, `MSIS7070`, `app_not_configured_for_user`, ... */
  code: string;
  /** Short name of the failure. */
  title: string;
  cause(r: RequestFacts): string;
  fix(r: RequestFacts): string;
}

/** A recognised refusal page. */
export interface PageHit {
  product: KnownIdpProduct;
  code: ErrorCode;
  /** What the page said beside the code that helps a support case: tenant, Activity ID, correlation ID. */
  details: string[];
}

export interface ErrorPageFamily {
  product: KnownIdpProduct;
  recognise(page: PageView): PageHit | undefined;
}

/** A value for a sentence: quoted, or said to be absent. */
export function quoted(value: string | undefined, absent = '(none)'): string {
  return value ? `"${value}"` : absent;
}
