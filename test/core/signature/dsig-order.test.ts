import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifySignatures } from '../../../lib/core/signature';
import { buildResponse, loadTestKey, signXml } from '../../../lib/samlgen';
import { errorsOf, parsedOf, trust } from './helpers';
import { hasXmlsec, IDP_CERT } from './xmlsec1';

// A signature whose children are out of XML Signature's order still verifies arithmetically (the enveloped
// transform drops the whole Signature from the digest), but libxmlsec1 refuses it: SAML Lens must not call it valid.
const signed = () => signXml(buildResponse({}), { key: loadTestKey('idp'), targets: ['assertion'] });
const dir = mkdtempSync(join(tmpdir(), 'saml-lens-dsig-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const keyInfo = (xml: string) => /<ds:KeyInfo>[\s\S]*?<\/ds:KeyInfo>/.exec(xml)![0];
const sv = (xml: string) => /<ds:SignatureValue>[\s\S]*?<\/ds:SignatureValue>/.exec(xml)![0];

const CASES: Array<[string, (xml: string) => string]> = [
  ['KeyInfo before SignatureValue', (x) => x.replace(keyInfo(x), '').replace(sv(x), `${keyInfo(x)}${sv(x)}`)],
  ['an element of another namespace after KeyInfo', (x) => x.replace('</ds:KeyInfo>', '</ds:KeyInfo><foo xmlns="urn:x"/>')],
  ['a saml:Issuer before SignedInfo', (x) => x.replace('<ds:SignedInfo>', '<saml:Issuer>https://evil.example</saml:Issuer><ds:SignedInfo>')],
  ['a second KeyInfo', (x) => x.replace('</ds:KeyInfo>', `</ds:KeyInfo>${keyInfo(x)}`)],
  ['SignatureMethod before CanonicalizationMethod', (x) => x.replace(/(<ds:CanonicalizationMethod [^>]*\/>)(<ds:SignatureMethod [^>]*\/>)/, '$2$1')],
  ['DigestMethod before Transforms', (x) => x.replace(/(<ds:Transforms>[\s\S]*?<\/ds:Transforms>)(<ds:DigestMethod [^>]*\/>)/, '$2$1')],
];

async function verdict(xml: string) {
  const a = await verifySignatures(parsedOf(xml), { trusted: trust('idp'), binding: 'HTTP-POST' });
  return { v: a.verdicts.find((x) => x.target === '/Response/Assertion')!, errors: errorsOf(a) };
}

function xmlsecVerifies(xml: string): boolean {
  const file = join(dir, `m${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  try {
    execFileSync('xmlsec1', ['--verify', '--pubkey-cert-pem', IDP_CERT, '--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:assertion:Assertion', file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('XML Signature order: SignedInfo, SignatureValue, optional KeyInfo; nothing else in between', () => {
  it('the genuine signature is valid (the cases below differ only in where the children sit)', async () => {
    const { v, errors } = await verdict(signed());
    expect(v.status).toBe('valid');
    expect(errors).toEqual([]);
  });

  it.each(CASES)('%s: refused as signature-wrapping, the misplaced child named', async (_name, mutate) => {
    const xml = mutate(signed());
    expect(xml).not.toBe(signed());
    const { v, errors } = await verdict(xml);
    expect(v.status).not.toBe('valid');
    expect(errors).toContain('signature-wrapping');
    expect(v.reason).toMatch(/is out of place in ds:(Signature|SignedInfo|Reference)/);
  });

  it.skipIf(!hasXmlsec)('xmlsec1 verifies the genuine signature and refuses every reordered one (the oracle agrees)', () => {
    expect(xmlsecVerifies(signed())).toBe(true);
    for (const [name, mutate] of CASES) expect([name, xmlsecVerifies(mutate(signed()))]).toEqual([name, false]);
  });
});
