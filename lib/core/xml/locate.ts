import type { MessageKind, Problem } from '../model';
import { NS, isProtocolRoot } from './ns';
import { childrenOf, elementChildren, firstChild, is, readText } from './nodes';
import { elementPath } from './paths';

export type Wrapper = 'SOAP 1.1' | 'SOAP 1.2' | 'WS-Trust';

/** A container that may hold one message or token but holds several. */
export interface Overfull {
  container: 'SOAP Body' | 'ArtifactResponse' | 'RequestSecurityTokenResponse';
  el: Element;
  holds: Element[];
}

export interface Located {
  /** The element judged as the message; undefined when no SAML element was found. */
  el?: Element;
  /** The element this message stands for: `el`, or what was found in its place (for paths and scope). */
  at: Element;
  kind: MessageKind;
  samlVersion?: string;
  wrapper?: Wrapper;
  problem?: Problem;
  /** Containers around (or of) this message that hold more than one message or token. */
  overfull: Overfull[];
}

const SAML_NAMES = new Set(['Response', 'AuthnRequest', 'LogoutRequest', 'LogoutResponse', 'ArtifactResolve', 'ArtifactResponse', 'Assertion', 'EntityDescriptor', 'EntitiesDescriptor']);

/** How many messages a document may carry side by side, and the refusal once one container holds more. */
interface Budget {
  max: number;
  refusal?: Problem;
}

/** True when `el` holds more than the budget allows; the first such container becomes the refusal. */
function crowded(budget: Budget, el: Element, count: number): boolean {
  if (count <= budget.max) return false;
  budget.refusal ??= {
    rule: 'xml-refused',
    message: `refused to judge: <${el.nodeName}> carries ${count} messages or tokens side by side, more than the ${budget.max} SAML Lens judges one by one; no SAML exchange sends that many`,
    location: elementPath(el),
  };
  return true;
}

/**
 * Finds every SAML element a document carries: the root itself, each message in a SOAP Body (artifact
 * resolution, ECP), or each token of a WS-Trust RequestSecurityTokenResponse(Collection) (WS-Federation
 * `wresult`). A genuine message can travel beside a forged one, so none is skipped: a SOAP Body or an RSTR
 * with two gives two, and each is judged on its own. Matching is on namespace URI + local name only:
 * `<saml:Assertion xmlns:saml="urn:evil">` is not SAML. Always returns at least one, or the refusal of a
 * document with more than `max` side by side (each would be a report of its own; none is judged then).
 */
export function locateMessages(root: Element, max: number): Located[] | Problem {
  const budget: Budget = { max };
  const found = locateAll(root, budget);
  if (!budget.refusal && found.length > max) crowded(budget, root, found.length);
  return budget.refusal ?? found;
}

function locateAll(root: Element, budget: Budget): Located[] {
  if (root.localName !== 'Envelope' || (root.namespaceURI !== NS.soap11 && root.namespaceURI !== NS.soap12)) return locateIn(root, undefined, budget);
  const soapNs = root.namespaceURI;
  const wrapper: Wrapper = soapNs === NS.soap11 ? 'SOAP 1.1' : 'SOAP 1.2';
  const body = firstChild(root, soapNs, 'Body');
  const inner = body ? elementChildren(body) : [];
  if (!body || inner.length === 0) return [notSaml(root, 'a SOAP envelope with no message in its Body', wrapper)];
  if (crowded(budget, body, inner.length)) return [];
  // saml-bindings §3.2.3: one SAML request or response per SOAP Body.
  const overfull: Overfull[] = inner.length > 1 ? [{ container: 'SOAP Body', el: body, holds: inner }] : [];
  return inner.flatMap((el) => {
    const found = is(el, soapNs, 'Fault')
      ? [notSaml(el, `a SOAP Fault instead of a SAML message: ${faultText(el) || 'no reason given'}`, wrapper)]
      : locateIn(el, wrapper, budget);
    return found.map((l) => ({ ...l, overfull: [...overfull, ...l.overfull] }));
  });
}

function locateIn(el: Element, wrapper: Wrapper | undefined, budget: Budget): Located[] {
  const ns = el.namespaceURI ?? '';
  if (ns === NS.wsTrust2005 || ns === NS.wsTrust13) return tokens(el, ns, budget);
  if (ns === NS.protocol && isProtocolRoot(el.localName)) {
    return [{ el, at: el, kind: el.localName, samlVersion: '2.0', wrapper, overfull: artifactOverfull(el, budget) }];
  }
  if (ns === NS.assertion && el.localName === 'Assertion') return [found(el, '2.0', wrapper)];
  if (ns === NS.saml1Assertion && el.localName === 'Assertion') return [found(el, '1.1', wrapper)];
  if (ns === NS.metadata && (el.localName === 'EntityDescriptor' || el.localName === 'EntitiesDescriptor')) {
    return [{ el, at: el, kind: 'EntityDescriptor', samlVersion: '2.0', wrapper, overfull: [] }];
  }
  const hint = SAML_NAMES.has(el.localName)
    ? `: its name looks like SAML, but its namespace is ${ns ? `"${ns}"` : 'missing'}, so it is not a SAML element`
    : '';
  return [notSaml(el, `the ${wrapper ? 'message' : 'root element'} is ${describe(el)}, not a SAML 2.0 message${hint}`, wrapper)];
}

/**
 * Every token of a WS-Trust response: each RequestSecurityTokenResponse of a collection returns its own
 * (WS-Trust 1.3 RequestSecurityTokenResponseCollection), and each RSTR carries one in RequestedSecurityToken.
 */
function tokens(el: Element, ns: string, budget: Budget): Located[] {
  const wrapper: Wrapper = 'WS-Trust';
  const rstrs = el.localName === 'RequestSecurityTokenResponseCollection' ? childrenOf(el, ns, 'RequestSecurityTokenResponse') : [el];
  if (rstrs.length === 0 || rstrs[0]!.localName !== 'RequestSecurityTokenResponse') {
    return [notSaml(el, 'a WS-Trust response without a RequestedSecurityToken', wrapper)];
  }
  if (crowded(budget, el, rstrs.length)) return [];
  return rstrs.flatMap((rstr) => {
    const held = childrenOf(rstr, ns, 'RequestedSecurityToken').flatMap(elementChildren);
    if (held.length === 0) return [notSaml(rstr, 'a WS-Trust response without a RequestedSecurityToken', wrapper)];
    if (crowded(budget, rstr, held.length)) return [];
    const overfull: Overfull[] = held.length > 1 ? [{ container: 'RequestSecurityTokenResponse', el: rstr, holds: held }] : [];
    return held.map((token) => {
      const version = is(token, NS.assertion, 'Assertion') ? '2.0' : is(token, NS.saml1Assertion, 'Assertion') ? '1.1' : undefined;
      const l = version ? found(token, version, wrapper) : notSaml(token, `the WS-Trust token is ${describe(token)}, not a SAML assertion`, wrapper);
      return { ...l, overfull };
    });
  });
}

/** saml-core §3.5.2: an ArtifactResponse carries at most one message, after its own Issuer, Signature, Extensions and Status. */
function artifactOverfull(el: Element, budget: Budget): Overfull[] {
  if (el.localName !== 'ArtifactResponse') return [];
  const own = (c: Element) =>
    is(c, NS.assertion, 'Issuer') || is(c, NS.ds, 'Signature') || is(c, NS.protocol, 'Extensions') || is(c, NS.protocol, 'Status');
  const held = elementChildren(el).filter((c) => !own(c));
  if (held.length <= 1 || crowded(budget, el, held.length)) return [];
  return [{ container: 'ArtifactResponse', el, holds: held }];
}

function found(el: Element, samlVersion: string, wrapper: Wrapper | undefined): Located {
  return { el, at: el, kind: 'Assertion', samlVersion, wrapper, overfull: [] };
}

function notSaml(el: Element, message: string, wrapper: Wrapper | undefined): Located {
  return { at: el, kind: 'Unknown', wrapper, problem: { rule: 'not-saml', message, location: elementPath(el) }, overfull: [] };
}

function describe(el: Element): string {
  return `<${el.nodeName}>${el.namespaceURI ? ` in namespace "${el.namespaceURI}"` : ' without a namespace'}`;
}

function faultText(fault: Element): string {
  // SOAP 1.1: faultstring (unqualified); SOAP 1.2: Reason/Text.
  for (let c = fault.firstChild; c; c = c.nextSibling) {
    const e = c as Element;
    if (e.localName === 'faultstring') return readText(e).value.trim();
    if (e.localName === 'Reason') return (e.textContent ?? '').trim();
  }
  return '';
}
