// A trace's saved settings are its maker's (issue 17, class 8): listed, applied only on request, and even then
// the user's own trust flags replace the file's.
import { describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';
import { loadTestKey } from '../../lib/samlgen';
import { rogueMetadata, rogueTrace } from '../fixtures/forgeries/c08-trust-from-input';
import { tempFiles } from './run-cli';

const temp = tempFiles('saml-lens-saved-');
const idpCert = temp.file('idp.pem', loadTestKey('idp').certificatePem);
const spMetadata = temp.file('sp.xml', '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://sp.example.test/metadata"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sp.example.test/acs" index="0"/></md:SPSSODescriptor></md:EntityDescriptor>');

interface Json {
  findings: Array<{ rule: string; severity: string; message: string }>;
  messages: Array<{ signatures: Array<{ status: string; reason: string }>; findings: Array<{ rule: string }> }>;
}

async function check(settings: Record<string, unknown>, ...flags: string[]): Promise<{ code: number; report: Json }> {
  const file = temp.file(`t${Math.random().toString(36).slice(2)}.json`, rogueTrace(settings));
  let out = '';
  const code = await main(['check', file, '--json', ...flags], (s) => (out += s));
  return { code, report: JSON.parse(out) as Json };
}

const statuses = (r: Json) => r.messages.flatMap((m) => m.signatures.map((s) => s.status));
const note = (r: Json) => r.findings.find((f) => f.rule === 'saved-settings');

describe('saved settings of a trace', () => {
  it('are listed, not applied, by default', async () => {
    const { code, report } = await check({ idpMetadataXml: rogueMetadata(), acsUrl: 'https://elsewhere.example.test/acs' });
    expect(code).toBe(0);
    expect(statuses(report)).toEqual(['untrusted', 'untrusted']);
    expect(note(report)).toMatchObject({ severity: 'info', message: expect.stringMatching(/IdP metadata \(with its signing certificates\), ACS URL "https:\/\/elsewhere\.example\.test\/acs".*not applied.*--use-saved-settings/) });
    // Not applied means not compared against either.
    expect(report.messages.flatMap((m) => m.findings.map((f) => f.rule))).not.toContain('destination-mismatch');
    const applied = await check({ acsUrl: 'https://elsewhere.example.test/acs' }, '--use-saved-settings');
    expect(applied.report.messages.flatMap((m) => m.findings.map((f) => f.rule))).toContain('destination-mismatch');
  });

  it('apply on request, trust included, and say so', async () => {
    const { code, report } = await check({ idpMetadataXml: rogueMetadata() }, '--use-saved-settings');
    expect(code).toBe(0);
    expect(statuses(report)).toEqual(['valid', 'valid']);
    expect(report.messages[0]?.signatures[0]?.reason).toMatch(/from IdP metadata/);
    expect(note(report)?.message).toMatch(/were applied, as asked/);
  });

  it('give way to the trust flags even when applied: --idp-cert replaces the saved certificates and metadata', async () => {
    const { code, report } = await check({ idpMetadataXml: rogueMetadata(), trustedCertificates: [loadTestKey('rogue').certificatePem] }, '--use-saved-settings', '--idp-cert', idpCert);
    expect(code).toBe(1);
    expect(statuses(report)).toEqual(['untrusted', 'untrusted']);
  });

  it('keep the saved IdP trust when only the SP side is given on the command line', async () => {
    const { report } = await check({ idpMetadataXml: rogueMetadata() }, '--use-saved-settings', '--sp-metadata', spMetadata);
    expect(statuses(report)).toEqual(['valid', 'valid']);
  });

  it('add no note when the file saved none', async () => {
    const { report } = await check({});
    expect(note(report)).toBeUndefined();
  });
});
