// Issue 17, class 3: each message of a document with several is verified on its own; a sibling's signature
// never counts for it, and a sibling's encrypted assertion is opened in its own message.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../lib/core/analyze';
import { verifySignatures } from '../../../lib/core/signature';
import { parseSamlMessages } from '../../../lib/core/xml';
import type { ParsedSaml } from '../../../lib/core/model';
import { buildResponse, loadTestKey, signXml } from '../../../lib/samlgen';
import { errorsOf, statusOf, trust } from './helpers';
import { encryptedResponse, encryptWithXmlEncPadding } from './encrypt';
import { rstr, signed11, token11, WST_2005 } from '../../fixtures/forgeries/wstrust';

const idp = loadTestKey('idp');
const sp = loadTestKey('sp');
const bare = (xml: string) => xml.replace(/^<\?xml[^>]*\?>/, '');
const soap = (...messages: string[]) => `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${messages.map(bare).join('')}</soap:Body></soap:Envelope>`;
const genuine = () => signXml(buildResponse({ id: '_g', assertionId: '_g-a' }), { key: idp, targets: ['assertion'] });

function parts(xml: string): ParsedSaml[] {
  return parseSamlMessages(xml).map((m) => {
    if (!m.parsed) throw new Error(JSON.stringify(m.problems));
    return m.parsed;
  });
}

const verify = (p: ParsedSaml, spPrivateKeyPem?: string) => verifySignatures(p, { trusted: trust('idp'), binding: 'SOAP', spPrivateKeyPem });

describe('a SOAP Body carrying a genuine and a forged Response', () => {
  it('verifies the genuine one, and finds no signature in the forged one', async () => {
    const [one, two] = parts(soap(genuine(), buildResponse({ id: '_f', assertionId: '_f-a', nameId: { value: 'admin@example.test' } })));
    const a = await verify(one!);
    expect(statusOf(a)).toEqual({ '/Envelope/Body/Response[1]/Assertion': 'valid' });
    expect(errorsOf(a)).toEqual([]);
    const b = await verify(two!);
    expect(b.verdicts).toEqual([]);
    expect(b.problems).toEqual([]);
  });

  it('refuses a copied signature in the forged one without touching the genuine one', async () => {
    const copy = genuine().replace('_g-a"', '_f-a"').replace('ID="_g"', 'ID="_f"').replace('alice@example.test', 'admin@example.test');
    const [one, two] = parts(soap(genuine(), copy));
    expect(statusOf(await verify(one!))).toEqual({ '/Envelope/Body/Response[1]/Assertion': 'valid' });
    const b = await verify(two!);
    expect(statusOf(b)).toEqual({ '/Envelope/Body/Response[2]/Assertion': 'unchecked' });
    expect(errorsOf(b)).toContain('signature-wrapping');
  });
});

describe('decrypting one message of several', () => {
  it('opens the encrypted assertion of the message judged, not of the first', async () => {
    const enc = await encryptedResponse((assertion) => encryptWithXmlEncPadding(assertion));
    const [, second] = parts(soap(genuine(), enc));
    const a = await verify(second!, sp.privateKeyPem);
    expect(a.decrypted?.view.messagePath).toBe('/Envelope/Body/Response[2]');
    expect(a.decrypted?.view.assertions.map((x) => x.nameId?.value)).toEqual(['bob@example.test']);
  });
});

describe('an assertion in a wrapper outside every message slot', () => {
  it('is wrapping: a SOAP Header or a sibling of RequestedSecurityToken holds no message anyone judges', async () => {
    const genuine = rstr(WST_2005, signed11(token11('_genuine', 'alice@example.test')));
    const forged = token11('_forged', 'admin@example.test');
    const beside = genuine.replace('<t:RequestedSecurityToken>', `${forged}<t:RequestedSecurityToken>`);
    const header = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>${forged}</s:Header><s:Body>${genuine}</s:Body></s:Envelope>`;
    for (const xml of [beside, header]) {
      const { report } = await analyzeText(xml, { trustedCertificates: [loadTestKey('idp').certificatePem] });
      const wrapping = report.messages.flatMap((m) => m.findings).filter((f) => f.rule === 'signature-wrapping');
      expect(wrapping.map((f) => f.message).join(' ')).toMatch(/outside the message this document carries/);
      expect(report.summary.errors).toBeGreaterThan(0);
    }
    // The genuine token alone: nothing outside, no wrapping.
    const { report } = await analyzeText(genuine, { trustedCertificates: [loadTestKey('idp').certificatePem] });
    expect(report.messages.flatMap((m) => m.findings).filter((f) => f.rule === 'signature-wrapping')).toEqual([]);
  });
});
