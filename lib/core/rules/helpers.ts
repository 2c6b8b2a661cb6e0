import type { SamlView, TextSplitKind } from '../model';
import type { RuleContext } from './context';
import { trimXml } from '../xml/nodes';

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

/**
 * The same entity ID: SPs compare these literally, only surrounding XML whitespace is forgiven (not a no-break
 * space, which String.prototype.trim would also remove and an SP keeps).
 */
export function sameId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && trimXml(a) === trimXml(b);
}

/** Characters nobody sees in a value: spaces other than the ASCII one, zero-width ones, direction marks, a BOM. */
const INVISIBLE = /^[\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]$/u;

function codePoint(c: string): string {
  const hex = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return INVISIBLE.test(c) ? `an invisible ${hex}` : `"${c}" (${hex}, not the ASCII letter it may look like)`;
}

/**
 * Why two values that print alike differ, when that is the reason: the first difference is a character outside
 * printable ASCII (a no-break or zero-width space, a Cyrillic "а" for a Latin "a"), usually pasted from a web
 * page or a document into the IdP's or the SP's settings. Empty otherwise.
 */
export function unseenDifference(actual: string, expected: string): string {
  const a = [...trimXml(actual)];
  const e = [...trimXml(expected)];
  let i = 0;
  while (i < a.length && i < e.length && a[i] === e[i]) i++;
  const got = a[i];
  const want = e[i];
  const plain = (c: string | undefined) => c === undefined || /^[\x20-\x7e]$/.test(c);
  if (plain(got) && plain(want)) return '';
  const where = `character ${i + 1}`;
  const retype = ' Such characters usually come from a value copied out of a web page or a document, or from a look-alike name: type it again where it was pasted.';
  if (!plain(got)) return ` They look alike but differ at ${where}: the message has ${codePoint(got!)}${want === undefined ? ' at the end' : ` where "${want}" is expected`}.${retype}`;
  return ` They look alike but differ at ${where}: the expected value has ${codePoint(want!)}${got === undefined ? ' at the end' : ` where the message has "${got}"`}.${retype}`;
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
