// Encrypted assertions for the signature tests, built from the test keys: the SP key opens them.
import { createCipheriv, constants, publicEncrypt, randomBytes } from 'node:crypto';
import { buildResponse, loadTestKey, signXml } from '../../../lib/samlgen';

const sp = loadTestKey('sp');
const idp = loadTestKey('idp');
const ASSERTION = /<saml:Assertion[\s\S]*<\/saml:Assertion>/;

/** AES-128-CBC with XML Encryption's padding: random filler bytes, only the last byte counts. */
export function encryptWithXmlEncPadding(plain: string): string {
  const key = randomBytes(16);
  const iv = randomBytes(16);
  const data = Buffer.from(plain, 'utf8');
  const padLength = 16 - (data.length % 16);
  const padding = Buffer.concat([randomBytes(padLength - 1).map((b) => (b === padLength ? b ^ 0xff : b)), Buffer.from([padLength])]);
  const cipher = createCipheriv('aes-128-cbc', key, iv).setAutoPadding(false);
  const ct = Buffer.concat([iv, cipher.update(Buffer.concat([data, padding])), cipher.final()]);
  const wrapped = publicEncrypt({ key: sp.certificatePem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, key);
  return (
    `<xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" Type="http://www.w3.org/2001/04/xmlenc#Element">` +
    `<xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>` +
    `<ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><xenc:EncryptedKey><xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"/>` +
    `<xenc:CipherData><xenc:CipherValue>${wrapped.toString('base64')}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo>` +
    `<xenc:CipherData><xenc:CipherValue>${ct.toString('base64')}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData>`
  );
}

export async function encryptedResponse(encrypt: (assertion: string) => Promise<string> | string): Promise<string> {
  const assertionSigned = signXml(buildResponse({ nameId: { value: 'bob@example.test' } }), { key: idp, targets: ['assertion'] });
  const assertion = ASSERTION.exec(assertionSigned)![0];
  const enc = await encrypt(assertion);
  const xml = assertionSigned.replace(ASSERTION, `<saml:EncryptedAssertion>${enc}</saml:EncryptedAssertion>`);
  return signXml(xml, { key: idp, targets: ['root'] });
}
