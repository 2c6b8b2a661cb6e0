import type { AuthnRequestView, EncryptedAssertionView, LogoutRequestView, StatusView } from '../model';
import { NS } from './ns';
import { attr, boolAttr, childrenOf, descendants, firstChild, identifier, readText } from './nodes';
import { elementPath } from './paths';
import { nameIdView } from './view-assertion';

const P = NS.protocol;
const A = NS.assertion;

/** samlp:Status with its nested StatusCode chain (saml-core §3.2.2.2). */
export function statusView(status: Element): StatusView {
  const top = firstChild(status, P, 'StatusCode');
  const subCodes: string[] = [];
  for (let c = top && firstChild(top, P, 'StatusCode'); c; c = firstChild(c, P, 'StatusCode')) {
    subCodes.push(attr(c, 'Value') ?? '');
  }
  const message = firstChild(status, P, 'StatusMessage');
  return {
    code: top && attr(top, 'Value'),
    subCodes,
    message: message && readText(message).value.trim(),
    path: elementPath(status),
  };
}

export function authnRequestView(el: Element): AuthnRequestView {
  const policy = firstChild(el, P, 'NameIDPolicy');
  const requested = firstChild(el, P, 'RequestedAuthnContext');
  return {
    assertionConsumerServiceUrl: attr(el, 'AssertionConsumerServiceURL'),
    assertionConsumerServiceIndex: attr(el, 'AssertionConsumerServiceIndex'),
    protocolBinding: attr(el, 'ProtocolBinding'),
    nameIdPolicyFormat: policy && attr(policy, 'Format'),
    allowCreate: policy && boolAttr(policy, 'AllowCreate'),
    forceAuthn: boolAttr(el, 'ForceAuthn'),
    isPassive: boolAttr(el, 'IsPassive'),
    requestedAuthnContext: requested
      ? [...childrenOf(requested, A, 'AuthnContextClassRef'), ...childrenOf(requested, A, 'AuthnContextDeclRef')].map(
          (r) => identifier(r) ?? '',
        )
      : [],
  };
}

export function logoutRequestView(el: Element): LogoutRequestView {
  const nameId = firstChild(el, A, 'NameID');
  return {
    nameId: nameId && nameIdView(nameId),
    sessionIndexes: childrenOf(el, P, 'SessionIndex').map((s) => identifier(s) ?? ''),
    reason: attr(el, 'Reason'),
    notOnOrAfter: attr(el, 'NotOnOrAfter'),
  };
}

/** saml:EncryptedAssertion: the data algorithm of its EncryptedData, the key transport of its EncryptedKey. */
export function encryptedAssertionView(el: Element): EncryptedAssertionView {
  const data = firstChild(el, NS.xenc, 'EncryptedData');
  const method = (e: Element | undefined) => {
    const m = e && firstChild(e, NS.xenc, 'EncryptionMethod');
    return m && attr(m, 'Algorithm');
  };
  // The EncryptedKey sits in EncryptedData/KeyInfo or beside EncryptedData (saml-core §6.2): take the first anywhere.
  const key = descendants(el, NS.xenc, 'EncryptedKey')[0];
  return { path: elementPath(el), dataAlgorithm: method(data), keyAlgorithm: method(key) };
}
