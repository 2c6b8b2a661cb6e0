import type { MessageReport, SamlView, SignatureVerdict } from '../model';
import { clueFromEndpoint, clueFromEntityId } from '../idp/recognise';

interface LogoutMessage {
  view?: SamlView;
  /** Where the message was sent (the request's URL). */
  url?: string;
  signatures: SignatureVerdict[];
  direction: MessageReport['direction'];
}

/**
 * Logout messages name no role: when neither Issuer is a known entity ID, the pair itself can tell. If one side
 * of a LogoutRequest/LogoutResponse pair verified with the trusted IdP certificate, its Issuer is the IdP, so
 * the other side, with a different Issuer, was sent by the SP. Returns, by message index, the directions learnt.
 */
export function logoutSendersFromPairs(messages: LogoutMessage[]): Map<number, MessageReport['direction']> {
  const learnt = new Map<number, MessageReport['direction']>();
  const requestById = new Map<string, number>();
  messages.forEach((m, i) => {
    if (m.view?.kind === 'LogoutRequest' && m.view.id) requestById.set(m.view.id, i);
  });
  messages.forEach((m, i) => {
    if (m.view?.kind !== 'LogoutResponse' || !m.view.inResponseTo) return;
    const r = requestById.get(m.view.inResponseTo);
    if (r === undefined) return;
    const request = messages[r]!;
    if (!request.view?.issuer || !m.view.issuer || request.view.issuer === m.view.issuer) return;
    const fromIdp = (x: LogoutMessage) => x.signatures.some((s) => s.status === 'valid');
    if (request.direction === 'unknown' && fromIdp(m) && !fromIdp(request)) {
      learnt.set(r, 'to-idp');
      if (m.direction === 'unknown') learnt.set(i, 'to-sp');
    } else if (m.direction === 'unknown' && fromIdp(request) && !fromIdp(m)) {
      learnt.set(i, 'to-idp');
      if (request.direction === 'unknown') learnt.set(r, 'to-sp');
    }
  });
  return learnt;
}

/**
 * A logout message whose Issuer is the Issuer of a message that verified with the trusted IdP certificate
 * names the IdP as its sender: the IdP's key is the one that must verify it, and a signature that fails is not
 * an SP key. Returns, by message index, the messages still of unknown direction that this shows were sent to the SP.
 */
export function logoutSendersFromIssuers(messages: LogoutMessage[]): Map<number, MessageReport['direction']> {
  const idpIssuers = new Set<string>();
  for (const m of messages) {
    // What the SP sends is checked with the SP's certificates: a valid signature there names the SP.
    if (m.direction === 'to-idp' || m.view?.kind === 'AuthnRequest' || !m.view?.issuer) continue;
    if (m.signatures.some((s) => s.status === 'valid')) idpIssuers.add(m.view.issuer);
  }
  const learnt = new Map<number, MessageReport['direction']>();
  messages.forEach((m, i) => {
    const kind = m.view?.kind;
    if (m.direction !== 'unknown' || (kind !== 'LogoutRequest' && kind !== 'LogoutResponse')) return;
    if (m.view?.issuer && idpIssuers.has(m.view.issuer)) learnt.set(i, 'to-sp');
  });
  return learnt;
}

/**
 * A logout message still of unknown direction that names a hosted IdP product: sent to the product's endpoint
 * or host (Okta's /slo/saml, AD FS's /adfs/ls/), the SP sent it to the IdP; else issued under a product's own
 * entity ID (http://www.okta.com/..., https://sts.windows.net/...), the IdP sent it to the SP. Where it went is
 * asked first: a product can be the SP too (Okta federating to AD FS sends under an okta.com entity ID).
 */
export function logoutSendersFromProducts(messages: LogoutMessage[]): Map<number, MessageReport['direction']> {
  const learnt = new Map<number, MessageReport['direction']>();
  messages.forEach((m, i) => {
    const kind = m.view?.kind;
    if (m.direction !== 'unknown' || (kind !== 'LogoutRequest' && kind !== 'LogoutResponse')) return;
    if (clueFromEndpoint(m.url, 'sent to') || clueFromEndpoint(m.view?.destination, 'Destination')) learnt.set(i, 'to-idp');
    else if (clueFromEntityId(m.view?.issuer, 'Issuer')) learnt.set(i, 'to-sp');
  });
  return learnt;
}
