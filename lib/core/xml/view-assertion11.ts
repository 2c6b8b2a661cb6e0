import type { AssertionView, AttributeView, NameIdView, SubjectConfirmationView } from '../model';
import { NS } from './ns';
import { attr, childrenOf, deepText, elementChildren, firstChild, identifier, readText, trimXml } from './nodes';
import { elementPath } from './paths';
import { assertion11Splits } from './splits';

const A1 = NS.saml1Assertion;

/**
 * A SAML 1.1 assertion (as AD FS and Entra put in WS-Federation tokens), mapped onto the SAML 2.0 shape so
 * that the same rules read it: AssertionID -> id, Issuer attribute -> issuer, NameIdentifier -> nameId,
 * AudienceRestrictionCondition -> audiences, AttributeName / AttributeNamespace -> name / nameFormat,
 * AuthenticationMethod -> authnContextClassRef.
 */
export function assertion11View(el: Element, expectedPlace: boolean): AssertionView {
  const major = attr(el, 'MajorVersion');
  const minor = attr(el, 'MinorVersion');
  const statements = elementChildren(el).filter((c) => c.namespaceURI === A1 && c.localName.endsWith('Statement'));
  let nameId: NameIdView | undefined;
  const confirmations: SubjectConfirmationView[] = [];
  for (const s of statements) {
    const subject = firstChild(s, A1, 'Subject');
    if (!subject) continue;
    const ni = firstChild(subject, A1, 'NameIdentifier');
    if (ni && !nameId) nameId = nameIdentifierView(ni);
    for (const sc of childrenOf(subject, A1, 'SubjectConfirmation')) {
      for (const m of childrenOf(sc, A1, 'ConfirmationMethod')) {
        confirmations.push({ method: identifier(m), path: elementPath(sc) });
      }
    }
  }
  const conditions = firstChild(el, A1, 'Conditions');
  const authn = firstChild(el, A1, 'AuthenticationStatement');
  const view: AssertionView = {
    id: attr(el, 'AssertionID'),
    version: major !== undefined ? `${major}.${minor ?? '0'}` : undefined,
    issueInstant: attr(el, 'IssueInstant'),
    issuer: attr(el, 'Issuer')?.trim(),
    path: elementPath(el),
    expectedPlace,
    nameId,
    encryptedNameId: false,
    confirmations,
    conditions: conditions && {
      notBefore: attr(conditions, 'NotBefore'),
      notOnOrAfter: attr(conditions, 'NotOnOrAfter'),
      audiences: audienceLists(conditions).flat(),
      audienceRestrictions: audienceLists(conditions),
      oneTimeUse: !!firstChild(conditions, A1, 'DoNotCacheCondition'),
      path: elementPath(conditions),
    },
    authn: authn && {
      authnInstant: attr(authn, 'AuthenticationInstant'),
      authnContextClassRef: attr(authn, 'AuthenticationMethod'),
      path: elementPath(authn),
    },
    attributes: childrenOf(el, A1, 'AttributeStatement').flatMap((s) => childrenOf(s, A1, 'Attribute').map(attribute11View)),
  };
  const splits = assertion11Splits(el);
  if (splits.length) view.textSplits = splits;
  return view;
}

/** The audiences of each AudienceRestrictionCondition: every one of them must hold (SAML 1.1 core, Conditions and AudienceRestrictionCondition). */
function audienceLists(conditions: Element): string[][] {
  return childrenOf(conditions, A1, 'AudienceRestrictionCondition').map((r) => childrenOf(r, A1, 'Audience').map((a) => identifier(a) ?? ''));
}

function nameIdentifierView(el: Element): NameIdView {
  const text = readText(el);
  const view: NameIdView = {
    value: trimXml(text.value),
    format: attr(el, 'Format'),
    nameQualifier: attr(el, 'NameQualifier'),
    path: elementPath(el),
  };
  if (text.splitBy) view.splitBy = text.splitBy;
  return view;
}

function attribute11View(el: Element): AttributeView {
  return {
    name: attr(el, 'AttributeName') ?? '',
    nameFormat: attr(el, 'AttributeNamespace'),
    values: childrenOf(el, A1, 'AttributeValue').map(deepText),
    path: elementPath(el),
  };
}
