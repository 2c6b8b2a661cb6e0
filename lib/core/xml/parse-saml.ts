import type { ParsedSaml, Problem, SamlView } from '../model';
import { buildDom } from './build';
import { DEFAULT_XML_LIMITS, type XmlLimits } from './limits';
import { locateMessage, type Located } from './locate';
import { NS } from './ns';
import { attr, firstChild, identifier } from './nodes';
import { elementPath } from './paths';
import { indexDocument, type DocumentIndex } from './walk';
import { assertionView } from './view-assertion';
import { assertion11View } from './view-assertion11';
import { metadataView, pickEntity } from './view-metadata';
import { authnRequestView, encryptedAssertionView, logoutRequestView, statusView } from './view-protocol';
import { signatureInfo } from './view-signature';
import { messageSplits } from './splits';
import { saml1Problems } from './lookalike';

/**
 * Guards, one namespace-aware parse, and the typed SAML view (pipeline steps 2, 3 and the reading half of
 * 10). Never throws: refusals and oddities come back as problems; `parsed` is absent only when there is no
 * trustworthy tree (refused, not well-formed). An unknown root still gives `parsed` (kind 'Unknown') so the
 * user can see what was sent.
 */
export function parseSaml(xml: string, limits: XmlLimits = DEFAULT_XML_LIMITS): { parsed?: ParsedSaml; problems: Problem[] } {
  try {
    const { doc, problem } = buildDom(xml, limits);
    if (!doc) return { problems: problem ? [problem] : [] };
    const problems: Problem[] = [];
    const docRoot = doc.documentElement;
    const index = indexDocument(docRoot, problems);
    if (problems.some((p) => p.rule === 'xml-refused')) return { problems };
    const located = locateMessage(docRoot);
    if (located.problem) problems.push(located.problem);
    if (located.samlVersion === '2.0' && located.el && located.kind !== 'EntityDescriptor') problems.push(...saml1Problems(index.saml1Elements, located.el.localName));
    const view = buildView(docRoot, located, index, problems);
    const parsed: ParsedSaml = { xml, doc, root: located.el ?? docRoot, view, ids: index.ids, duplicateIds: index.duplicateIds };
    return { parsed, problems };
  } catch (e) {
    // A bug of ours must not hide the other messages of a trace: report it like any unreadable input.
    return { problems: [{ rule: 'decode-failed', message: `could not read the XML: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}

function buildView(docRoot: Element, located: Located, index: DocumentIndex, problems: Problem[]): SamlView {
  const el = located.el;
  const view: SamlView = {
    kind: located.kind,
    rootNamespace: docRoot.namespaceURI ?? '',
    rootName: docRoot.localName,
    samlVersion: located.samlVersion,
    assertions: index.assertions.map((a) => {
      const expected = el !== undefined && isExpectedPlace(a, el, located);
      return a.namespaceURI === NS.saml1Assertion ? assertion11View(a, expected) : assertionView(a, expected);
    }),
    encryptedAssertions: index.encryptedAssertions.map(encryptedAssertionView),
    signatures: index.signatures.map(signatureInfo),
  };
  if (located.wrapper) view.wrapper = located.wrapper;
  if (!el) return view;
  if (el !== docRoot) view.messagePath = elementPath(el);

  if (located.kind === 'Assertion') {
    const own = view.assertions.find((a) => a.path === elementPath(el));
    if (own) Object.assign(view, { id: own.id, version: own.version, issueInstant: own.issueInstant, issuer: own.issuer });
    if (located.samlVersion === '2.0') checkIdentity(el, 'Assertion', problems);
    return view;
  }
  if (located.kind === 'EntityDescriptor') {
    const entity = pickEntity(el);
    if (entity) view.metadata = metadataView(entity);
    view.id = attr(el, 'ID');
    return view;
  }
  view.id = attr(el, 'ID');
  view.version = attr(el, 'Version');
  view.issueInstant = attr(el, 'IssueInstant');
  view.destination = attr(el, 'Destination');
  view.inResponseTo = attr(el, 'InResponseTo');
  view.issuer = identifier(firstChild(el, NS.assertion, 'Issuer'));
  const splits = messageSplits(el);
  if (splits.length) view.textSplits = splits;
  checkIdentity(el, el.localName, problems);
  const status = firstChild(el, NS.protocol, 'Status');
  if (status) view.status = statusView(status);
  if (located.kind === 'AuthnRequest') view.request = authnRequestView(el);
  else if (located.kind === 'LogoutRequest') view.logout = logoutRequestView(el);
  else if (located.kind === 'ArtifactResolve') view.artifact = identifier(firstChild(el, NS.protocol, 'Artifact'));
  return view;
}

/**
 * Where an assertion belongs: the direct child of the root Response, of the Response an ArtifactResponse
 * carries, or the message itself (bare assertion, WS-Trust token). Anywhere else (Advice, Extensions,
 * SubjectConfirmationData, ds:Object, a request) is a place wrapping attacks hide assertions.
 */
function isExpectedPlace(assertion: Element, message: Element, located: Located): boolean {
  if (located.kind === 'Assertion') return assertion === message;
  const parent = assertion.parentNode as Element | null;
  if (!parent || assertion.namespaceURI !== NS.assertion) return false;
  if (located.kind === 'Response') return parent === message;
  if (located.kind === 'ArtifactResponse') {
    return parent.localName === 'Response' && parent.namespaceURI === NS.protocol && parent.parentNode === message;
  }
  return false;
}

/** saml-core §3.2.1 / §2.3.3: a message or assertion needs an ID and Version="2.0"; the view is built anyway. */
function checkIdentity(el: Element, name: string, problems: Problem[]): void {
  const missing: string[] = [];
  if (!attr(el, 'ID')) missing.push('no ID attribute');
  const version = attr(el, 'Version');
  if (version === undefined) missing.push('no Version attribute');
  else if (version !== '2.0') missing.push(`Version="${version}" instead of "2.0"`);
  if (missing.length) {
    problems.push({ rule: 'not-saml', message: `the ${name} has ${missing.join(' and ')}, which a SAML 2.0 ${name} must carry`, location: elementPath(el) });
  }
}
