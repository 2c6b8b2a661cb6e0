import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import * as samlify from 'samlify';
import { SignedXml } from 'xml-crypto';
import { DOMParser } from '@xmldom/xmldom';
import { loadTestKey } from '../../lib/samlgen';
import { BENCH_IDP, BENCH_SP } from './messages';

const cert = loadTestKey('idp').certificatePem;

/** node-saml's full POST response validation (signatures, conditions, audience). */
export function nodeSamlPeer(): (base64: string) => Promise<unknown> {
  const saml = new SAML({
    callbackUrl: BENCH_SP.acs,
    issuer: BENCH_SP.entityId,
    audience: BENCH_SP.entityId,
    idpCert: cert,
    wantAuthnResponseSigned: true,
    wantAssertionsSigned: true,
    validateInResponseTo: ValidateInResponseTo.never,
    acceptedClockSkewMs: 60_000,
  });
  return (base64) => saml.validatePostResponseAsync({ SAMLResponse: base64 });
}

/** samlify's ServiceProvider.parseLoginResponse (schema validation stubbed out: none is installed). */
export function samlifyPeer(): (base64: string) => Promise<unknown> {
  samlify.setSchemaValidator({ validate: () => Promise.resolve('skipped') });
  const sp = samlify.ServiceProvider({
    entityID: BENCH_SP.entityId,
    assertionConsumerService: [{ Binding: samlify.Constants.namespace.binding.post, Location: BENCH_SP.acs }],
    wantMessageSigned: true,
    wantAssertionsSigned: true,
    clockDrifts: [-60_000, 60_000],
  });
  const idp = samlify.IdentityProvider({
    entityID: BENCH_IDP,
    signingCert: cert,
    singleSignOnService: [{ Binding: samlify.Constants.namespace.binding.redirect, Location: 'https://idp.bench.test/sso' }],
  });
  return (base64) => sp.parseLoginResponse(idp, 'post', { body: { SAMLResponse: base64 } } as never);
}

/** xml-crypto's own checkSignature on each ds:Signature of the document (no SAML semantics at all). */
export function xmlCryptoPeer(): (xml: string) => boolean {
  return (xml) => {
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const signatures = doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature');
    let ok = signatures.length > 0;
    for (let i = 0; i < signatures.length; i++) {
      const sig = new SignedXml({ publicCert: cert });
      sig.loadSignature(signatures[i]!);
      ok = sig.checkSignature(xml) && ok;
    }
    return ok;
  };
}
