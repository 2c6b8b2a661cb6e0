import type { AssertionView, AttributeView, AuthnStatementView, ConditionsView, NameIdView, SubjectConfirmationView } from '../model';
import { NS } from './ns';
import { attr, childrenOf, deepText, firstChild, identifier, readText, trimXml } from './nodes';
import { elementPath } from './paths';
import { assertionSplits } from './splits';

const A = NS.assertion;

/** A SAML 2.0 `saml:Assertion` (saml-core §2.3.3), read from the namespace-aware tree only. */
export function assertionView(el: Element, expectedPlace: boolean): AssertionView {
  const subject = firstChild(el, A, 'Subject');
  const nameIdEl = subject && firstChild(subject, A, 'NameID');
  const conditions = firstChild(el, A, 'Conditions');
  const authn = firstChild(el, A, 'AuthnStatement');
  const view: AssertionView = {
    id: attr(el, 'ID'),
    version: attr(el, 'Version'),
    issueInstant: attr(el, 'IssueInstant'),
    issuer: identifier(firstChild(el, A, 'Issuer')),
    path: elementPath(el),
    expectedPlace,
    nameId: nameIdEl && nameIdView(nameIdEl),
    encryptedNameId: !!subject && !!firstChild(subject, A, 'EncryptedID'),
    confirmations: subject ? childrenOf(subject, A, 'SubjectConfirmation').map(confirmationView) : [],
    conditions: conditions && conditionsView(conditions),
    authn: authn && authnView(authn),
    attributes: childrenOf(el, A, 'AttributeStatement').flatMap((s) => childrenOf(s, A, 'Attribute').map(attributeView)),
  };
  const splits = assertionSplits(el);
  if (splits.length) view.textSplits = splits;
  return view;
}

/** NameID (saml-core §2.2.3). The value is trimmed like every identifier; see nodes.identifier. */
export function nameIdView(el: Element): NameIdView {
  const text = readText(el);
  const view: NameIdView = {
    value: trimXml(text.value),
    format: attr(el, 'Format'),
    nameQualifier: attr(el, 'NameQualifier'),
    spNameQualifier: attr(el, 'SPNameQualifier'),
    path: elementPath(el),
  };
  if (text.splitBy) view.splitBy = text.splitBy;
  return view;
}

function confirmationView(el: Element): SubjectConfirmationView {
  const data = firstChild(el, A, 'SubjectConfirmationData');
  return {
    method: attr(el, 'Method'),
    recipient: data && attr(data, 'Recipient'),
    notBefore: data && attr(data, 'NotBefore'),
    notOnOrAfter: data && attr(data, 'NotOnOrAfter'),
    inResponseTo: data && attr(data, 'InResponseTo'),
    address: data && attr(data, 'Address'),
    path: elementPath(el),
  };
}

function conditionsView(el: Element): ConditionsView {
  const restrictions = childrenOf(el, A, 'AudienceRestriction').map((r) => childrenOf(r, A, 'Audience').map((a) => identifier(a) ?? ''));
  return {
    notBefore: attr(el, 'NotBefore'),
    notOnOrAfter: attr(el, 'NotOnOrAfter'),
    audiences: restrictions.flat(),
    audienceRestrictions: restrictions,
    oneTimeUse: !!firstChild(el, A, 'OneTimeUse'),
    path: elementPath(el),
  };
}

function authnView(el: Element): AuthnStatementView {
  const context = firstChild(el, A, 'AuthnContext');
  return {
    authnInstant: attr(el, 'AuthnInstant'),
    sessionIndex: attr(el, 'SessionIndex'),
    sessionNotOnOrAfter: attr(el, 'SessionNotOnOrAfter'),
    authnContextClassRef: identifier(context && firstChild(context, A, 'AuthnContextClassRef')),
    path: elementPath(el),
  };
}

/** Attribute values are kept exactly (not trimmed): they are data, shown and compared as sent. */
function attributeView(el: Element): AttributeView {
  return {
    name: attr(el, 'Name') ?? '',
    nameFormat: attr(el, 'NameFormat'),
    friendlyName: attr(el, 'FriendlyName'),
    values: childrenOf(el, A, 'AttributeValue').map(deepText),
    path: elementPath(el),
  };
}
