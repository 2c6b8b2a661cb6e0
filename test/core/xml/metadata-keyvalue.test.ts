import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../lib/core/analyze';
import { parseCertificates, rsaKeyValuePem } from '../../../lib/core/signature';
import { parseMetadata } from '../../../lib/core/xml';
import { buildResponse, loadTestKey, signXml } from '../../../lib/samlgen';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const idp = loadTestKey('idp');
const jwk = createPublicKey(idp.certificatePem).export({ format: 'jwk' }) as { n: string; e: string };
const b64 = (url: string) => Buffer.from(url, 'base64url').toString('base64');

/** IdP metadata whose signing KeyDescriptor holds only an RSAKeyValue (xmldsig-core §4.4.2.2), no certificate. */
const metadata = `<EntityDescriptor xmlns="${MD}" entityID="https://idp.example.test/metadata"><IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
  <KeyDescriptor use="signing"><KeyInfo xmlns="${DS}"><KeyValue><RSAKeyValue><Modulus>
    ${b64(jwk.n).replace(/.{64}/g, '$&\n    ')}
  </Modulus><Exponent>${b64(jwk.e)}</Exponent></RSAKeyValue></KeyValue></KeyInfo></KeyDescriptor>
  <SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.test/sso"/>
</IDPSSODescriptor></EntityDescriptor>`;

describe('metadata signing keys given as ds:RSAKeyValue', () => {
  it('are read from the KeyDescriptor (whitespace in the base64 dropped)', () => {
    const { metadata: md } = parseMetadata(metadata);
    expect(md?.signingCertificates).toEqual([]);
    expect(md?.signingKeyValues).toEqual([{ modulus: b64(jwk.n), exponent: b64(jwk.e) }]);
  });

  it('become the same public key the certificate holds', () => {
    const pem = rsaKeyValuePem(b64(jwk.n), b64(jwk.e))!;
    expect(createPublicKey(pem).export({ format: 'jwk' })).toEqual(createPublicKey(idp.certificatePem).export({ format: 'jwk' }));
    expect(parseCertificates(pem, 'IdP metadata').certs[0]?.kind).toBe('public-key');
  });

  it('verify a Response when the metadata is imported (--idp-metadata)', async () => {
    const xml = signXml(buildResponse({}), { key: idp, targets: ['root', 'assertion'] });
    const { report } = await analyzeText(xml, { idpMetadataXml: metadata });
    expect(report.messages[0]!.signatures.map((s) => s.status)).toEqual(['valid', 'valid']);
    expect(report.messages[0]!.signatures[0]!.reason).toMatch(/trusted public key .* from IdP metadata/);
  });
});
