import { describe, expect, it } from 'vitest';
import { SignedXml } from 'xml-crypto';
import { verifySignatures } from '../../../lib/core/signature';
import { ALG, loadTestKey } from '../../../lib/samlgen';
import { errorsOf, parsedOf, statusOf, trust } from './helpers';

const A1 = 'urn:oasis:names:tc:SAML:1.0:assertion';
const PATH = '/RequestSecurityTokenResponse/RequestedSecurityToken/Assertion';

const assertion = `<saml:Assertion xmlns:saml="${A1}" MajorVersion="1" MinorVersion="1" AssertionID="_a11" Issuer="http://adfs.example.test/adfs/services/trust" IssueInstant="2026-01-15T10:00:00Z"><saml:Conditions NotBefore="2026-01-15T09:55:00Z" NotOnOrAfter="2026-01-15T11:00:00Z"><saml:AudienceRestrictionCondition><saml:Audience>urn:federation:sp</saml:Audience></saml:AudienceRestrictionCondition></saml:Conditions><saml:AuthenticationStatement AuthenticationMethod="urn:oasis:names:tc:SAML:1.0:am:password" AuthenticationInstant="2026-01-15T09:59:00Z"><saml:Subject><saml:NameIdentifier>carol@example.test</saml:NameIdentifier></saml:Subject></saml:AuthenticationStatement></saml:Assertion>`;

/** AD FS signs a WS-Federation SAML 1.1 token with a Reference to its AssertionID, signature last. */
function signed11(): string {
  const key = loadTestKey('idp');
  const sig = new SignedXml({ privateKey: key.privateKeyPem, publicCert: key.certificatePem, signatureAlgorithm: ALG['rsa-sha256'], canonicalizationAlgorithm: ALG.excC14n, idAttribute: 'AssertionID' });
  sig.addReference({ xpath: '/*', digestAlgorithm: ALG.sha256, transforms: [ALG.enveloped, ALG.excC14n] });
  sig.computeSignature(assertion, { prefix: 'ds' });
  return sig.getSignedXml();
}

const rstr = (token: string) =>
  `<t:RequestSecurityTokenResponse xmlns:t="http://schemas.xmlsoap.org/ws/2005/02/trust"><t:RequestedSecurityToken>${token}</t:RequestedSecurityToken></t:RequestSecurityTokenResponse>`;

describe('WS-Federation SAML 1.1 token signatures (Reference to AssertionID)', () => {
  it('a genuine signed token verifies', async () => {
    const a = await verifySignatures(parsedOf(rstr(signed11())), { trusted: trust('idp'), binding: 'WS-Fed' });
    expect(statusOf(a)).toEqual({ [PATH]: 'valid' });
    expect(errorsOf(a)).toEqual([]);
  });

  it('an edited token does not', async () => {
    const a = await verifySignatures(parsedOf(rstr(signed11().replace('carol@', 'admin@'))), { trusted: trust('idp'), binding: 'WS-Fed' });
    expect(statusOf(a)).toEqual({ [PATH]: 'invalid' });
    expect(errorsOf(a)).toContain('signature-invalid');
  });
});
