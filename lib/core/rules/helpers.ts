import type { SamlView, TextSplitKind } from '../model';
import type { RuleContext } from './context';

export const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
export const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

/** What splits a text, as a message says it. */
export const SPLIT_BY: Record<TextSplitKind, string> = {
  comment: 'an XML comment',
  cdata: 'a CDATA section',
  'several-text-nodes': 'several text pieces',
};

/** A Response whose status is Success (or absent, which saml-core does not allow but some tools omit). */
export function isSuccessResponse(view: SamlView | undefined): boolean {
  return view?.kind === 'Response' && (!view.status?.code || view.status.code.trim() === SUCCESS);
}

/** Attribute or claim names written as a URI or URN rather than a bare word. */
export function isUriName(name: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(name.trim());
}

/** `http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress` -> `emailaddress`; URNs stay whole. */
export function lastSegment(name: string): string {
  const n = name.trim();
  if (/^urn:/i.test(n)) return n;
  return n.replace(/[/#]+$/, '').split(/[/#]/).pop() ?? n;
}

export function isEmail(value: string): boolean {
  return /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/.test(value.trim());
}

/** The same entity ID: SPs compare these literally, only surrounding whitespace is forgiven. */
export function sameId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.trim() === b.trim();
}

/** Lists a few values for a message, saying how many more there were (`total`, when only the first are given). */
export function listSome(values: string[], max = 3, total = values.length): string {
  const shown = values.slice(0, max).map((v) => `"${v}"`).join(', ');
  return total > max ? `${shown} and ${total - max} more` : shown;
}

/**
 * When only the Assertion is signed, anyone who holds the response can change the envelope; findings about
 * envelope fields say so, because "it matches" proves less there.
 */
export function envelopeNote(ctx: RuleContext): string {
  return ctx.view?.kind === 'Response' && !ctx.signed.root && ctx.signed.identity
    ? ' (the Response envelope is not signed, so this value is not protected by any signature)'
    : '';
}
