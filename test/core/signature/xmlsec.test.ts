import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SignedXml } from 'xml-crypto';
import { verifySignatures } from '../../../lib/core/signature';
import { ALG, buildResponse, loadTestKey } from '../../../lib/samlgen';
import { parsedOf, readFixture, statusOf, trust } from './helpers';

const hasXmlsec = spawnSync('xmlsec1', ['--version']).status === 0;
const certFile = fileURLToPath(new URL('../../keys/idp.cert.pem', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'saml-lens-xmlsec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const XPATH: Record<string, string> = {
  '/Response': "/*/*[local-name()='Signature']",
  '/Response/Assertion': "/*/*[local-name()='Assertion']/*[local-name()='Signature']",
  '/Response/Assertion/Advice/Assertion': "/*/*[local-name()='Assertion']/*[local-name()='Advice']/*[local-name()='Assertion']/*[local-name()='Signature']",
};

/** xmlsec1's verdict on one signature, with the idp certificate as the only key. */
function xmlsecValid(xml: string, target: string): boolean {
  const file = join(dir, `m${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  try {
    execFileSync('xmlsec1', ['--verify', '--pubkey-cert-pem', certFile, '--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:protocol:Response', '--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:assertion:Assertion', '--node-xpath', XPATH[target]!, file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Signs like other IdP stacks do, to exercise canonicalisation corners. */
function sign(xml: string, xpath: string, opts: { c14n?: string; prefixes?: string; issuerXPath: string }): string {
  const idp = loadTestKey('idp');
  const c14n = opts.c14n ?? ALG.excC14n;
  const sig = new SignedXml({ privateKey: idp.privateKeyPem, publicCert: idp.certificatePem, signatureAlgorithm: ALG['rsa-sha256'], canonicalizationAlgorithm: c14n });
  sig.addReference({ xpath, digestAlgorithm: ALG.sha256, transforms: [ALG.enveloped, c14n], inclusiveNamespacesPrefixList: opts.prefixes ? opts.prefixes.split(' ') : undefined });
  sig.computeSignature(xml, { prefix: 'ds', location: { reference: opts.issuerXPath, action: 'after' } });
  return sig.getSignedXml();
}

const ASSERTION_XPATH = "/*/*[local-name(.)='Assertion']";
const ASSERTION_ISSUER = "/*/*[local-name(.)='Assertion']/*[local-name(.)='Issuer']";
const attrs = [{ name: 'role', values: ['a', 'b'] }];
const cases: Array<{ name: string; xml: () => string; targets: string[] }> = [
  ...['genuine-both-signed.xml', 'genuine-both-signed-sha1.xml', 'tampered-after-signing.xml', 'rogue-signed.xml', 'genuine-rollover-idp-next.xml', 'attack-nameid-comment.xml', 'attack-nameid-pi.xml'].map(
    (file) => ({ name: file, xml: () => readFixture(file), targets: file.includes('nameid') ? ['/Response/Assertion'] : ['/Response', '/Response/Assertion'] }),
  ),
  ...['genuine-advice-signed.xml', 'attack-advice-signature-broken.xml'].map((file) => ({
    name: file,
    xml: () => readFixture(file),
    targets: ['/Response', '/Response/Assertion', '/Response/Assertion/Advice/Assertion'],
  })),
  {
    name: 'InclusiveNamespaces PrefixList naming a prefix declared on the Response only',
    xml: () =>
      sign(
        buildResponse({ attributes: attrs })
          .replace('<samlp:Response ', '<samlp:Response xmlns:xs="http://www.w3.org/2001/XMLSchema" ')
          .replace(/ xmlns:xs="http:\/\/www.w3.org\/2001\/XMLSchema" xmlns:xsi/g, ' xmlns:xsi'),
        ASSERTION_XPATH,
        { prefixes: 'xs', issuerXPath: ASSERTION_ISSUER },
      ),
    targets: ['/Response/Assertion'],
  },
  {
    name: 'inclusive C14N 1.0 with namespaces inherited from the Response',
    xml: () => sign(buildResponse({ attributes: attrs }).replace('<samlp:Response ', '<samlp:Response xmlns:extra="urn:x:extra" '), ASSERTION_XPATH, { c14n: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315', issuerXPath: ASSERTION_ISSUER }),
    targets: ['/Response/Assertion'],
  },
  {
    name: 'default namespaces, unqualified child element, CR and entities in text',
    xml: () =>
      sign(
        buildResponse({ attributes: [{ name: 'note', values: ['a & b < c > "d"\t'] }] })
          .replace('</saml:AttributeStatement>', '<saml:Attribute Name="x"><saml:AttributeValue><plain xmlns="">text&#13;line</plain></saml:AttributeValue></saml:Attribute></saml:AttributeStatement>'),
        ASSERTION_XPATH,
        { issuerXPath: ASSERTION_ISSUER },
      ),
    targets: ['/Response/Assertion'],
  },
];

describe.skipIf(!hasXmlsec)('cross-check with xmlsec1 (idp certificate only)', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const xml = c.xml();
      const ours = statusOf(await verifySignatures(parsedOf(xml), { trusted: trust('idp'), binding: 'HTTP-POST' }));
      for (const target of c.targets) expect(ours[target] === 'valid', `${target}: ours ${ours[target]}`).toBe(xmlsecValid(xml, target));
    });
  }
});

describe('canonicalisation corners (without xmlsec1 too)', () => {
  for (const c of cases.slice(-3)) {
    it(`${c.name} verifies`, async () => {
      const ours = statusOf(await verifySignatures(parsedOf(c.xml()), { trusted: trust('idp'), binding: 'HTTP-POST' }));
      for (const target of c.targets) expect(ours[target]).toBe('valid');
    });
  }
  it.skipIf(hasXmlsec)('xmlsec1 is absent: the cross-check above is skipped (apt-get install xmlsec1 to run it)', () => {
    expect(hasXmlsec).toBe(false);
  });
});
