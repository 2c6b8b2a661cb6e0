import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import type { MessageReport, Report } from '../../../lib/core/model';
import { verifySignatures } from '../../../lib/core/signature';
import { findingFix } from '../../../lib/core/verdict';
import { reportMarkdown } from '../../../lib/core/trace';
import { buildAuthnRequest, buildLogoutRequest, buildLogoutResponse, loadTestKey, signXml, type TestKey } from '../../../lib/samlgen';
import { authnRequest, IDP_ENTITY, postEntry, redirectEntry, SP_ENTITY, SSO } from '../rules/build';
import { errorsOf, parsedOf, statusOf, trust } from './helpers';

const idp = loadTestKey('idp');
const sp = loadTestKey('sp');
const rogue = loadTestKey('rogue');
const SLO = 'https://idp.example.test/slo';
const SP_SLO = 'https://sp.example.test/slo';

const spMetadata = (cert: TestKey) => `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${SP_ENTITY}">
  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${cert.certificateBase64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sp.example.test/acs" index="0"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>`;

const viaRedirect = (key: TestKey, issuer = SP_ENTITY, url = SLO) => redirectEntry('SAMLRequest', buildLogoutRequest({ issuer }), url, undefined, { sign: true, key });
const viaXml = (key: TestKey, issuer = SP_ENTITY, url = SLO) => postEntry('SAMLRequest', signXml(buildLogoutRequest({ issuer }), { key, targets: ['root'] }), url);

const logout = (r: Report): MessageReport => r.messages.find((m) => m.kind === 'LogoutRequest')!;
const signatureFindings = (m: MessageReport) => m.findings.filter((f) => f.rule.startsWith('signature-')).map((f) => [f.rule, f.severity]);
const TRUST_IDP = { trustedCertificates: [idp.certificatePem], idpEntityId: IDP_ENTITY };

describe('who signed a logout message', () => {
  for (const [binding, entry] of [['HTTP-Redirect', viaRedirect], ['XML (POST)', viaXml]] as const) {
    describe(binding, () => {
      it('signed by the SP, SP entity ID configured: never checked against the IdP certificate, no signature error', async () => {
        const m = logout(await analyze([entry(sp)], { ...TRUST_IDP, spEntityId: SP_ENTITY }));
        expect(m.direction).toBe('to-idp');
        expect(m.signatures.map((s) => s.status)).toEqual([binding === 'HTTP-Redirect' ? 'unchecked' : 'untrusted']);
        expect(m.signatures[0]!.reason).toContain("SP's certificate is not configured");
        expect(signatureFindings(m)).toEqual([['signature-untrusted', 'info']]);
      });

      it('signed by the SP, SP entity ID known from an AuthnRequest in the trace: the same', async () => {
        const r = await analyze([redirectEntry('SAMLRequest', authnRequest(), SSO), entry(sp)], TRUST_IDP);
        expect(signatureFindings(logout(r))).toEqual([['signature-untrusted', 'info']]);
      });

      it('signed by the SP, SP metadata with its signing certificate: valid', async () => {
        const m = logout(await analyze([entry(sp)], { ...TRUST_IDP, spMetadataXml: spMetadata(sp) }));
        expect(m.signatures.map((s) => s.status)).toEqual(['valid']);
        expect(m.signatures[0]!.reason).toMatch(/verified with the SP's certificate "saml-lens test-only sp key" \(SHA-256 [0-9A-F]{16}…\) from SP metadata/);
        expect(signatureFindings(m)).toEqual([]);
      });

      it('signed by the IdP key while claiming to be the SP: not valid (the IdP certificate is not the SP key)', async () => {
        const m = logout(await analyze([entry(idp)], { ...TRUST_IDP, spMetadataXml: spMetadata(sp) }));
        expect(m.signatures[0]!.status).not.toBe('valid');
        expect(signatureFindings(m).length).toBe(1);
      });

      it('signed by rogue claiming to be the IdP: still an error', async () => {
        const m = logout(await analyze([entry(rogue, IDP_ENTITY, SP_SLO)], { ...TRUST_IDP, spEntityId: SP_ENTITY }));
        expect(m.direction).toBe('to-sp');
        expect(m.signatures[0]!.status).toBe(binding === 'HTTP-Redirect' ? 'invalid' : 'untrusted');
        expect(signatureFindings(m)).toEqual([[binding === 'HTTP-Redirect' ? 'signature-invalid' : 'signature-untrusted', 'error']]);
      });

      it('signed by the IdP as the IdP: valid, as before', async () => {
        const m = logout(await analyze([entry(idp, IDP_ENTITY, SP_SLO)], { ...TRUST_IDP, spEntityId: SP_ENTITY }));
        expect(m.signatures.map((s) => s.status)).toEqual(['valid']);
        expect(signatureFindings(m)).toEqual([]);
      });
    });
  }

  for (const [binding, entry] of [['HTTP-Redirect', viaRedirect], ['XML (POST)', viaXml]] as const) {
    it(`an SP's ${binding} signature SAML Lens could not check is fixed with the SP metadata, not in the IdP's console`, async () => {
      const r = await analyze([entry(sp)], { ...TRUST_IDP, spEntityId: SP_ENTITY });
      const m = logout(r);
      const finding = m.findings.find((f) => f.rule === 'signature-untrusted')!;
      for (const idpProduct of ['okta', 'entra-id', 'unknown'] as const) {
        const fix = findingFix(finding, idpProduct)!;
        expect(fix.first.product).toBe('general');
        expect(fix.first.text).toMatch(/SP's own signature.*Import SP metadata.*--sp-metadata/);
        expect(fix.others).toEqual([]);
      }
      // The ticket report shows that fix, and none of the rule's steps about the IdP's signing certificate.
      const md = reportMarkdown(r, { profile: 'none' });
      expect(md).toContain('--sp-metadata');
      expect(md).not.toContain('SAML Signing Certificates');
    });
  }

  it('an SP-signed LogoutResponse is judged with the SP key too', async () => {
    const xml = signXml(buildLogoutResponse({ issuer: SP_ENTITY }), { key: sp, targets: ['root'] });
    const r = await analyze([postEntry('SAMLResponse', xml, SLO)], { ...TRUST_IDP, spEntityId: SP_ENTITY });
    expect(r.messages[0]!.signatures.map((s) => s.status)).toEqual(['untrusted']);
    expect(signatureFindings(r.messages[0]!)).toEqual([['signature-untrusted', 'info']]);
  });
});

describe('VerifyOptions.signer', () => {
  const spSigned = () => parsedOf(signXml(buildLogoutRequest({ issuer: SP_ENTITY }), { key: sp, targets: ['root'] }));

  it("'sp' checks against the SP certificates given as trusted", async () => {
    const a = await verifySignatures(spSigned(), { trusted: trust('sp'), binding: 'HTTP-POST', signer: 'sp' });
    expect(statusOf(a)).toEqual({ '/LogoutRequest': 'valid' });
  });

  it("'sp' with another SP certificate known: untrusted warning naming both, not valid", async () => {
    const a = await verifySignatures(spSigned(), { trusted: trust('rogue'), binding: 'HTTP-POST', signer: 'sp' });
    expect(statusOf(a)).toEqual({ '/LogoutRequest': 'untrusted' });
    expect(a.problems.map((p) => [p.rule, p.severity])).toEqual([['signature-untrusted', 'warning']]);
    expect(a.problems[0]!.message).toContain(trust('rogue')[0]!.info.sha256.slice(0, 16));
  });

  it("'sp' still treats an edited message as an error", async () => {
    const xml = signXml(buildLogoutRequest({ issuer: SP_ENTITY }), { key: sp, targets: ['root'] });
    const a = await verifySignatures(parsedOf(xml.replace('</samlp:LogoutRequest>', '<samlp:SessionIndex>x</samlp:SessionIndex></samlp:LogoutRequest>')), {
      trusted: trust('sp'),
      binding: 'HTTP-POST',
      signer: 'sp',
    });
    expect(errorsOf(a)).toEqual(['signature-invalid']);
  });

  it('default: an AuthnRequest is never valid by the IdP certificate passed as trusted', async () => {
    const a = await verifySignatures(parsedOf(signXml(buildAuthnRequest(), { key: idp, targets: ['root'] })), { trusted: trust('idp'), binding: 'HTTP-POST' });
    expect(statusOf(a)).toEqual({ '/AuthnRequest': 'untrusted' });
    expect(a.problems.map((p) => [p.rule, p.severity])).toEqual([['signature-untrusted', 'info']]);
  });

  it("default: a LogoutRequest is the IdP's, as before", async () => {
    const a = await verifySignatures(spSigned(), { trusted: trust('idp'), binding: 'HTTP-POST' });
    expect(errorsOf(a)).toEqual(['signature-untrusted']);
  });
});
