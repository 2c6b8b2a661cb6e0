import type { ParsedSaml, Problem, SamlView, SiblingsView } from '../model';
import { buildDom } from './build';
import { DEFAULT_XML_LIMITS, MAX_MESSAGES, type XmlLimits } from './limits';
import { locateMessages, type Located } from './locate';
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

/** One message of a parsed document: its parse (absent when the document was refused) and its problems. */
export interface ParsedMessage {
  parsed?: ParsedSaml;
  problems: Problem[];
}

/**
 * Guards, one namespace-aware parse, and the typed SAML view (pipeline steps 2, 3 and the reading half of
 * 10) of every message the document carries: one for a plain message, one per message of a SOAP Body and
 * one per token of a WS-Trust response. Never throws and never returns an empty list: refusals and oddities
 * come back as problems; `parsed` is absent only when there is no trustworthy tree (refused, not
 * well-formed). An unknown root still gives `parsed` (kind 'Unknown') so the user can see what was sent.
 */
export function parseSamlMessages(xml: string, limits: XmlLimits = DEFAULT_XML_LIMITS): ParsedMessage[] {
  try {
    const { doc, problem } = buildDom(xml, limits);
    if (!doc) return [{ problems: problem ? [problem] : [] }];
    const documentProblems: Problem[] = [];
    const docRoot = doc.documentElement;
    const index = indexDocument(docRoot, documentProblems);
    if (documentProblems.some((p) => p.rule === 'xml-refused')) return [{ problems: documentProblems }];
    const all = locateMessages(docRoot, limits.maxMessages ?? MAX_MESSAGES);
    if (!Array.isArray(all)) return [{ problems: [...documentProblems, all] }];
    const roots = new Set(all.map((l) => l.at));
    return all.map((located) => {
      const problems = [...documentProblems];
      if (located.problem) problems.push(located.problem);
      if (located.samlVersion === '2.0' && located.el && located.kind !== 'EntityDescriptor') problems.push(...saml1Problems(index.saml1Elements, located.el.localName));
      const view = buildView(docRoot, located, all.length > 1 ? scoped(index, roots, located.at) : index, problems);
      if (all.length > 1 || located.overfull.length > 0) view.siblings = siblingsView(all, located);
      const root = located.el ?? (all.length > 1 ? located.at : docRoot);
      const parsed: ParsedSaml = { xml, doc, root, view, ids: index.ids, duplicateIds: index.duplicateIds };
      return { parsed, problems };
    });
  } catch (e) {
    // A bug of ours must not hide the other messages of a trace: report it like any unreadable input.
    return [{ problems: [{ rule: 'decode-failed', message: `could not read the XML: ${e instanceof Error ? e.message : String(e)}` }] }];
  }
}

/** The first (usually the only) message of a document; see parseSamlMessages for every one. */
export function parseSaml(xml: string, limits: XmlLimits = DEFAULT_XML_LIMITS): ParsedMessage {
  return parseSamlMessages(xml, limits)[0]!;
}

/** What lies inside a sibling message is that message's own: its assertions and signatures never count for this one. */
function scoped(index: DocumentIndex, roots: Set<Element>, own: Element): DocumentIndex {
  // Messages never nest, so the nearest message root above an element is the one it belongs to.
  const mine = (el: Element): boolean => {
    for (let n: Node | null = el; n; n = n.parentNode) if (roots.has(n as Element)) return n === own;
    return true;
  };
  return {
    ...index,
    assertions: index.assertions.filter(mine),
    encryptedAssertions: index.encryptedAssertions.filter(mine),
    signatures: index.signatures.filter(mine),
  };
}

function siblingsView(all: Located[], located: Located): SiblingsView {
  return {
    messages: all.map((l) => elementPath(l.at)),
    overfull: located.overfull.map((o) => ({ container: o.container, path: elementPath(o.el), holds: o.holds.map(elementPath) })),
  };
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
  if (located.at !== docRoot) view.messagePath = elementPath(located.at);
  if (!el) return view;

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
