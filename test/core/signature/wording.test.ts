import { describe, expect, it } from 'vitest';
import { verifySignatures } from '../../../lib/core/signature';
import { certName } from '../../../lib/core/signature/describe';
import { buildLogoutRequest, buildResponse, encodeRedirectQuery, loadTestKey, signXml } from '../../../lib/samlgen';
import { parsedOf, redirectOf, trust } from './helpers';

const idp = loadTestKey('idp');
/** The idp key under a subject without a CN, as some IdP consoles issue them. */
const noCn = () => trust('idp').map((t) => ({ ...t, info: { ...t.info, subject: 'O=SAML Lens tests' } }));
const doubled = (text: string) => /\b(\w+)\s+\1\b/i.exec(text)?.[0];

describe('certificate names in reasons and messages', () => {
  it('names a certificate by CN and fingerprint, or by fingerprint alone', () => {
    const info = trust('idp')[0]!.info;
    expect(certName(info)).toBe(`"saml-lens test-only idp key" (SHA-256 ${info.sha256.slice(0, 16)}…)`);
    expect(certName({ ...info, subject: 'O=SAML Lens tests' })).toBe(`(SHA-256 ${info.sha256.slice(0, 16)}…)`);
  });

  it('a trusted certificate without a CN reads once as "certificate" in an XML verdict', async () => {
    const a = await verifySignatures(parsedOf(signXml(buildResponse({}), { key: idp, targets: ['root'] })), { trusted: noCn(), binding: 'HTTP-POST' });
    const reason = a.verdicts[0]!.reason;
    expect(reason).toMatch(/^verified with the trusted certificate \(SHA-256 [0-9A-F]{16}…\) from test key idp$/);
    expect(doubled(reason)).toBeUndefined();
  });

  it('and in a query verdict, an expiry warning and a mismatch message', async () => {
    const { xml, redirect } = redirectOf(encodeRedirectQuery(buildLogoutRequest({ issuer: 'https://idp.example.test/metadata' }), { param: 'SAMLRequest', key: idp }));
    const ok = await verifySignatures(parsedOf(xml), { trusted: noCn(), binding: 'HTTP-Redirect', redirect, at: new Date('2300-01-01T00:00:00Z') });
    const bad = await verifySignatures(parsedOf(xml), { trusted: noCn(), binding: 'HTTP-Redirect', redirect: { ...redirect!, signedOctets: `${redirect!.signedOctets}x` } });
    const texts = [ok.verdicts[0]!.reason, ...ok.problems.map((p) => p.message), ...bad.problems.map((p) => p.message)];
    expect(ok.problems.map((p) => p.rule)).toEqual(['certificate-expired']);
    expect(bad.problems.map((p) => p.rule)).toEqual(['signature-invalid']);
    for (const t of texts) expect(doubled(t), t).toBeUndefined();
  });

  it('a signature algorithm SAML Lens does not implement is named as unsupported, not as a forgery', async () => {
    // RSA-PSS (RFC 6931 §2.3.10): a real algorithm, which SAML Lens does not implement.
    const pss = signXml(buildResponse({}), { key: idp, targets: ['root'] }).replace(/(<ds:SignatureMethod Algorithm=")[^"]+/, '$1http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1');
    const a = await verifySignatures(parsedOf(pss), { trusted: trust('idp'), binding: 'HTTP-POST' });
    expect(a.verdicts[0]!.status).toBe('unchecked');
    expect(a.verdicts[0]!.reason).toContain('sha256-rsa-MGF1 is not one SAML Lens supports');
    expect(a.verdicts[0]!.reason).toContain('cannot be checked here');
  });
});
