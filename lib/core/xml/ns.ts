/** Namespace URIs the SAML view recognises. Elements are matched on namespace + local name, never on prefix. */
export const NS = {
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  metadata: 'urn:oasis:names:tc:SAML:2.0:metadata',
  saml1Assertion: 'urn:oasis:names:tc:SAML:1.0:assertion',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xenc: 'http://www.w3.org/2001/04/xmlenc#',
  soap11: 'http://schemas.xmlsoap.org/soap/envelope/',
  soap12: 'http://www.w3.org/2003/05/soap-envelope',
  wsTrust2005: 'http://schemas.xmlsoap.org/ws/2005/02/trust',
  wsTrust13: 'http://docs.oasis-open.org/ws-sx/ws-trust/200512',
  xmlns: 'http://www.w3.org/2000/xmlns/',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

/** SAML 2.0 protocol messages that may be the root of a decoded message. */
export const PROTOCOL_ROOTS = [
  'Response',
  'AuthnRequest',
  'LogoutRequest',
  'LogoutResponse',
  'ArtifactResolve',
  'ArtifactResponse',
] as const;
export type ProtocolRoot = (typeof PROTOCOL_ROOTS)[number];

export function isProtocolRoot(name: string): name is ProtocolRoot {
  return (PROTOCOL_ROOTS as readonly string[]).includes(name);
}
