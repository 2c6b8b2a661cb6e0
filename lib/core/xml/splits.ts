import type { TextSplit } from '../model';
import { NS } from './ns';
import { attr, childrenOf, ELEMENT, firstChild, readText, trimXml } from './nodes';
import { elementPath } from './paths';

/*
 * Comment injection beyond the NameID (CVE-2017-11427 and its siblings): exclusive C14N drops comments, so
 * `admin@example.test<!---->.evil.com` in an AttributeValue or an Issuer keeps the IdP's signature while a
 * reader that takes the first text node sees `admin@example.test`. The view notes every identity-bearing
 * text that comes in pieces; the text-split rule reports them (nameid-comment keeps the NameID).
 */

const A = NS.assertion;
const A1 = NS.saml1Assertion;

function hasElementChild(el: Element): boolean {
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT) return true;
  return false;
}

/**
 * Adds `el`'s split to `into`, if its text comes in pieces. A value with child elements (a structured
 * AttributeValue) has text pieces between its children by nature: only a comment counts there.
 */
function note(el: Element | undefined, into: TextSplit[], attribute?: string): void {
  if (!el) return;
  const t = readText(el);
  if (!t.splitBy || (t.splitBy !== 'comment' && hasElementChild(el))) return;
  const split: TextSplit = { element: el.localName, path: elementPath(el), value: trimXml(t.value), firstPart: trimXml(t.first), splitBy: t.splitBy };
  if (attribute !== undefined) split.attribute = attribute;
  into.push(split);
}

function attributeValues(statementParent: Element, ns: string, nameAttr: string, into: TextSplit[]): void {
  for (const s of childrenOf(statementParent, ns, 'AttributeStatement')) {
    for (const a of childrenOf(s, ns, 'Attribute')) {
      const name = attr(a, nameAttr) ?? '';
      for (const v of childrenOf(a, ns, 'AttributeValue')) note(v, into, name);
    }
  }
}

/** A SAML 2.0 assertion's Issuer, Audiences, AuthnContextClassRef and AttributeValues. */
export function assertionSplits(el: Element): TextSplit[] {
  const into: TextSplit[] = [];
  note(firstChild(el, A, 'Issuer'), into);
  const conditions = firstChild(el, A, 'Conditions');
  for (const r of conditions ? childrenOf(conditions, A, 'AudienceRestriction') : []) for (const a of childrenOf(r, A, 'Audience')) note(a, into);
  for (const s of childrenOf(el, A, 'AuthnStatement')) {
    const context = firstChild(s, A, 'AuthnContext');
    note(context && firstChild(context, A, 'AuthnContextClassRef'), into);
  }
  attributeValues(el, A, 'Name', into);
  return into;
}

/** A SAML 1.x assertion's Audiences and AttributeValues (its Issuer is an XML attribute). */
export function assertion11Splits(el: Element): TextSplit[] {
  const into: TextSplit[] = [];
  const conditions = firstChild(el, A1, 'Conditions');
  for (const r of conditions ? childrenOf(conditions, A1, 'AudienceRestrictionCondition') : []) for (const a of childrenOf(r, A1, 'Audience')) note(a, into);
  attributeValues(el, A1, 'AttributeName', into);
  return into;
}

/** A protocol message's own Issuer, a LogoutRequest's SessionIndexes and an ArtifactResolve's Artifact. */
export function messageSplits(el: Element): TextSplit[] {
  const into: TextSplit[] = [];
  note(firstChild(el, A, 'Issuer'), into);
  for (const s of childrenOf(el, NS.protocol, 'SessionIndex')) note(s, into);
  note(firstChild(el, NS.protocol, 'Artifact'), into);
  return into;
}
