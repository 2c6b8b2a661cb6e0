import { describe, expect, it } from 'vitest';
import { loadTestKey } from '../../../lib/samlgen';
import { parseMetadata, parseSaml } from '../../../lib/core/xml';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const idpCert = loadTestKey('idp').certificateBase64;
const nextCert = loadTestKey('idp-next').certificateBase64;
const spCert = loadTestKey('sp').certificateBase64;
const wrap = (b64: string) => b64.replace(/.{64}/g, '$&\n          ');

/** Shaped like the federation metadata Entra ID publishes: signed, a WS-Fed RoleDescriptor first, two signing keys. */
const entra = `<?xml version="1.0" encoding="utf-8"?><EntityDescriptor ID="_e1" entityID="https://sts.windows.net/0000-tenant/" xmlns="${MD}">
  <Signature xmlns="${DS}"><SignedInfo><Reference URI="#_e1"/></SignedInfo><KeyInfo><X509Data><X509Certificate>${idpCert}</X509Certificate></X509Data></KeyInfo></Signature>
  <RoleDescriptor xsi:type="fed:SecurityTokenServiceType" protocolSupportEnumeration="http://docs.oasis-open.org/wsfed/federation/200706" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:fed="http://docs.oasis-open.org/wsfed/federation/200706">
    <KeyDescriptor use="signing"><KeyInfo xmlns="${DS}"><X509Data><X509Certificate>MIIWSFEDONLY</X509Certificate></X509Data></KeyInfo></KeyDescriptor>
  </RoleDescriptor>
  <IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <KeyDescriptor use="signing"><KeyInfo xmlns="${DS}"><X509Data><X509Certificate>
          ${wrap(idpCert)}
    </X509Certificate></X509Data></KeyInfo></KeyDescriptor>
    <KeyDescriptor use="signing"><KeyInfo xmlns="${DS}"><X509Data><X509Certificate>${nextCert}</X509Certificate></X509Data></KeyInfo></KeyDescriptor>
    <SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://login.microsoftonline.com/0000-tenant/saml2"/>
    <NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</NameIDFormat>
    <NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</NameIDFormat>
    <SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://login.microsoftonline.com/0000-tenant/saml2"/>
    <SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://login.microsoftonline.com/0000-tenant/saml2"/>
  </IDPSSODescriptor>
</EntityDescriptor>`;

const sp = `<md:EntityDescriptor xmlns:md="${MD}" xmlns:ds="${DS}" entityID="https://iam.twilio.com/v1/Accounts/AC00000000000000000000000000000000/saml2/metadata">
  <md:SPSSODescriptor AuthnRequestsSigned="false" WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${spCert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sp.example.test/slo"/>
    <md:NameIDFormat> urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress </md:NameIDFormat>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://iam.twilio.com/v1/Accounts/AC00000000000000000000000000000000/saml2" index="0" isDefault="true"/>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact" Location="https://sp.example.test/acs-art" index="1"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>`;

describe('parseMetadata', () => {
  it('reads IdP metadata shaped like Entra ID: SAML role only, both signing certificates, endpoints', () => {
    const { metadata, problems } = parseMetadata(entra);
    expect(problems).toEqual([]);
    expect(metadata).toEqual({
      entityId: 'https://sts.windows.net/0000-tenant/',
      role: 'idp',
      ssoServices: [
        { binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', location: 'https://login.microsoftonline.com/0000-tenant/saml2' },
        { binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', location: 'https://login.microsoftonline.com/0000-tenant/saml2' },
      ],
      sloServices: [{ binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', location: 'https://login.microsoftonline.com/0000-tenant/saml2' }],
      acsServices: [],
      artifactResolutionServices: [],
      signingCertificates: [idpCert, nextCert],
      encryptionCertificates: [],
      nameIdFormats: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress', 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'],
      wantAuthnRequestsSigned: undefined,
      wantAssertionsSigned: undefined,
      authnRequestsSigned: undefined,
      requestedAttributes: [],
    });
  });

  it('reads SP metadata: ACS endpoints with index and default, a key without use serves both', () => {
    const { metadata, problems } = parseMetadata(sp);
    expect(problems).toEqual([]);
    expect(metadata).toMatchObject({
      role: 'sp',
      acsServices: [
        { binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', location: 'https://iam.twilio.com/v1/Accounts/AC00000000000000000000000000000000/saml2', index: 0, isDefault: true },
        { binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact', location: 'https://sp.example.test/acs-art', index: 1 },
      ],
      sloServices: [{ binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', location: 'https://sp.example.test/slo' }],
      signingCertificates: [spCert],
      encryptionCertificates: [spCert],
      nameIdFormats: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
      wantAssertionsSigned: true,
      authnRequestsSigned: false,
    });
  });

  it('reads the RequestedAttributes of the default AttributeConsumingService, isRequired only when "true"', () => {
    const acs = (index: number, isDefault: string, attrs: string) =>
      `<md:AttributeConsumingService index="${index}"${isDefault}><md:ServiceName xml:lang="en">HR</md:ServiceName>${attrs}</md:AttributeConsumingService>`;
    const withServices = sp.replace(
      '</md:SPSSODescriptor>',
      acs(1, '', '<md:RequestedAttribute Name="ignored" isRequired="true"/>') +
        acs(2, ' isDefault="true"', [
          '<md:RequestedAttribute Name="urn:oid:0.9.2342.19200300.100.1.3" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri" FriendlyName="mail" isRequired="true"/>',
          '<md:RequestedAttribute Name=" employeeType " isRequired="1"/>',
          '<md:RequestedAttribute Name="department"/>',
          '<md:RequestedAttribute FriendlyName="no name" isRequired="true"/>',
        ].join('')) +
        '</md:SPSSODescriptor>',
    );
    const { metadata, problems } = parseMetadata(withServices);
    expect(problems).toEqual([]);
    expect(metadata?.requestedAttributes).toEqual([
      { name: 'urn:oid:0.9.2342.19200300.100.1.3', nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri', friendlyName: 'mail', isRequired: true },
      { name: 'employeeType', isRequired: true },
      { name: 'department', isRequired: false },
    ]);
    expect(parseMetadata(sp).metadata?.requestedAttributes).toEqual([]);
  });

  it('takes the IdP out of an EntitiesDescriptor aggregate, even when an SP comes first', () => {
    const agg = `<md:EntitiesDescriptor xmlns:md="${MD}">${sp.replace(` xmlns:md="${MD}"`, '')}<md:EntitiesDescriptor>${entra.replace(/^<\?xml[^>]*\?>/, '')}</md:EntitiesDescriptor></md:EntitiesDescriptor>`;
    const { metadata, problems } = parseMetadata(agg);
    expect(problems).toEqual([]);
    expect(metadata?.entityId).toBe('https://sts.windows.net/0000-tenant/');
  });

  it('refuses a document that is not metadata and says what it is', () => {
    const r = parseMetadata(`<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1" Version="2.0"/>`);
    expect(r.metadata).toBeUndefined();
    expect(r.problems).toEqual([{ rule: 'not-saml', message: expect.stringContaining('<samlp:Response> in namespace "urn:oasis:names:tc:SAML:2.0:protocol", not SAML 2.0 metadata'), location: '/Response' }]);
  });

  it('reports broken XML instead of throwing', () => {
    expect(parseMetadata('<md:EntityDescriptor').problems.map((p) => p.rule)).toEqual(['decode-failed']);
  });

  it('gives parseSaml the same metadata view, with the metadata signature listed', () => {
    const { parsed, problems } = parseSaml(entra);
    expect(problems).toEqual([]);
    expect(parsed?.view.kind).toBe('EntityDescriptor');
    expect(parsed?.view.metadata?.signingCertificates).toEqual([idpCert, nextCert]);
    expect(parsed?.view.signatures.map((s) => [s.path, s.parentId, s.keyInfoCertificates])).toEqual([['/EntityDescriptor/Signature', '_e1', [idpCert]]]);
  });
});
