// Small XML edits for building bad messages. Edits that must survive signing are made before signXml.
import { createHash, randomBytes } from 'node:crypto';
import { buildAssertion, buildResponse, signXml } from '../../../../lib/samlgen';
import { ACS, IDP_ENTITY, SP_ENTITY, T0, idpKey } from '../build';

export const ENCRYPTED_ASSERTION =
  '<saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" Type="http://www.w3.org/2001/04/xmlenc#Element">' +
  '<xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes256-cbc"/>' +
  '<ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><xenc:EncryptedKey><xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"/>' +
  '<xenc:CipherData><xenc:CipherValue>QUFBQQ==</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo>' +
  '<xenc:CipherData><xenc:CipherValue>QUFBQUFBQUFBQUFBQUFBQQ==</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData></saml:EncryptedAssertion>';

/** A root-signed Response whose only assertion is an (undecryptable) EncryptedAssertion. */
export function encryptedResponse(): string {
  const xml = buildResponse({ issueInstant: T0, inResponseTo: '_req1', destination: ACS, issuer: IDP_ENTITY, includeAssertion: false });
  return signXml(xml.replace('</samlp:Status>', `</samlp:Status>${ENCRYPTED_ASSERTION}`), { key: idpKey, targets: ['root'] });
}

/** A root-signed Response carrying two assertions. */
export function twoAssertions(): string {
  const xml = buildResponse({ issueInstant: T0, inResponseTo: '_req1', destination: ACS, issuer: IDP_ENTITY, audiences: [SP_ENTITY] });
  const second = buildAssertion({ issueInstant: T0, assertionId: '_second', issuer: IDP_ENTITY, audiences: [SP_ENTITY], destination: ACS, inResponseTo: '_req1', nameId: { value: 'mallory@example.test' } });
  return signXml(xml.replace('</samlp:Response>', `${second}</samlp:Response>`), { key: idpKey, targets: ['root'] });
}

/** XSW: a forged, unsigned copy of the signed assertion (same ID, other user) placed before it. */
export function wrapped(signed: string): string {
  const start = signed.indexOf('<saml:Assertion');
  const end = signed.indexOf('</saml:Assertion>') + '</saml:Assertion>'.length;
  const original = signed.slice(start, end);
  const forged = original.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '').replace('alice@example.test', 'mallory@evil.test');
  return signed.slice(0, start) + forged + signed.slice(start);
}

/** Removes the Assertion's own Issuer (the second Issuer of a Response). */
export function withoutAssertionIssuer(xml: string): string {
  const start = xml.indexOf('<saml:Issuer>', xml.indexOf('<saml:Assertion'));
  const end = xml.indexOf('</saml:Issuer>', start) + '</saml:Issuer>'.length;
  return xml.slice(0, start) + xml.slice(end);
}

/** An HTTP-Artifact SAMLart value (type 0x0004) whose SourceID is SHA-1 of `entityId`. */
export function artifactFor(entityId: string): string {
  const bytes = Buffer.concat([Buffer.from([0, 4, 0, 0]), createHash('sha1').update(entityId).digest(), randomBytes(20)]);
  return bytes.toString('base64');
}

/** A SOAP 1.1 envelope whose Body carries `messages` (SAML's SOAP binding puts one there). */
export function soapBody(...messages: string[]): string {
  const bare = messages.map((m) => m.replace(/^<\?xml[^>]*\?>/, '')).join('');
  return `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${bare}</soap:Body></soap:Envelope>`;
}
