import type { MessageKind, Problem } from '../model';
import { NS, isProtocolRoot } from './ns';
import { elementChildren, firstChild, readText } from './nodes';
import { elementPath } from './paths';

export type Wrapper = 'SOAP 1.1' | 'SOAP 1.2' | 'WS-Trust';

export interface Located {
  /** The element judged as the message; undefined when no SAML element was found. */
  el?: Element;
  kind: MessageKind;
  samlVersion?: string;
  wrapper?: Wrapper;
  problem?: Problem;
}

const SAML_NAMES = new Set(['Response', 'AuthnRequest', 'LogoutRequest', 'LogoutResponse', 'ArtifactResolve', 'ArtifactResponse', 'Assertion', 'EntityDescriptor', 'EntitiesDescriptor']);

/**
 * Finds the SAML element a document carries: the root itself, the message in a SOAP Body (artifact
 * resolution, ECP), or the token of a WS-Trust RequestSecurityTokenResponse (WS-Federation `wresult`).
 * Matching is on namespace URI + local name only: `<saml:Assertion xmlns:saml="urn:evil">` is not SAML.
 */
export function locateMessage(root: Element): Located {
  let el = root;
  let wrapper: Wrapper | undefined;
  if (el.localName === 'Envelope' && (el.namespaceURI === NS.soap11 || el.namespaceURI === NS.soap12)) {
    const soapNs = el.namespaceURI;
    wrapper = soapNs === NS.soap11 ? 'SOAP 1.1' : 'SOAP 1.2';
    const body = firstChild(el, soapNs, 'Body');
    const inner = body && elementChildren(body)[0];
    if (!inner) return notSaml(el, 'a SOAP envelope with no message in its Body', wrapper);
    if (inner.localName === 'Fault' && inner.namespaceURI === soapNs) {
      return notSaml(inner, `a SOAP Fault instead of a SAML message: ${faultText(inner) || 'no reason given'}`, wrapper);
    }
    el = inner;
  }
  const ns = el.namespaceURI ?? '';
  if (ns === NS.wsTrust2005 || ns === NS.wsTrust13) {
    wrapper = 'WS-Trust';
    const rstr = el.localName === 'RequestSecurityTokenResponseCollection' ? firstChild(el, ns, 'RequestSecurityTokenResponse') : el;
    const holder = rstr && rstr.localName === 'RequestSecurityTokenResponse' ? firstChild(rstr, ns, 'RequestedSecurityToken') : undefined;
    const token = holder && elementChildren(holder)[0];
    if (token?.localName === 'Assertion' && token.namespaceURI === NS.assertion) return { el: token, kind: 'Assertion', samlVersion: '2.0', wrapper };
    if (token?.localName === 'Assertion' && token.namespaceURI === NS.saml1Assertion) return { el: token, kind: 'Assertion', samlVersion: '1.1', wrapper };
    return notSaml(token ?? el, token ? `the WS-Trust token is ${describe(token)}, not a SAML assertion` : 'a WS-Trust response without a RequestedSecurityToken', wrapper);
  }
  if (ns === NS.protocol && isProtocolRoot(el.localName)) return { el, kind: el.localName, samlVersion: '2.0', wrapper };
  if (ns === NS.assertion && el.localName === 'Assertion') return { el, kind: 'Assertion', samlVersion: '2.0', wrapper };
  if (ns === NS.saml1Assertion && el.localName === 'Assertion') return { el, kind: 'Assertion', samlVersion: '1.1', wrapper };
  if (ns === NS.metadata && (el.localName === 'EntityDescriptor' || el.localName === 'EntitiesDescriptor')) {
    return { el, kind: 'EntityDescriptor', samlVersion: '2.0', wrapper };
  }
  const hint = SAML_NAMES.has(el.localName)
    ? `: its name looks like SAML, but its namespace is ${ns ? `"${ns}"` : 'missing'}, so it is not a SAML element`
    : '';
  return notSaml(el, `the ${wrapper ? 'message' : 'root element'} is ${describe(el)}, not a SAML 2.0 message${hint}`, wrapper);
}

function notSaml(el: Element, message: string, wrapper: Wrapper | undefined): Located {
  return { kind: 'Unknown', wrapper, problem: { rule: 'not-saml', message, location: elementPath(el) } };
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
