import type { MessageReport, SamlView, SignatureVerdict } from '../model';

interface LogoutMessage {
  view?: SamlView;
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
