import { createPublicKey, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';
import { buildResponse, loadTestKey, signXml } from '../../lib/samlgen';
import { tempFiles } from './run-cli';

const { file } = tempFiles('saml-lens-anchors-');
const idp = loadTestKey('idp');
const x509 = new X509Certificate(idp.certificatePem);

async function run(...argv: string[]): Promise<{ code: number; out: string; doc?: { messages: Array<{ signatures: Array<{ status: string; reason: string }>; findings: Array<{ rule: string; severity: string }> }> } }> {
  let out = '';
  const code = await main(argv, (s) => {
    out += s;
  });
  let doc;
  try {
    doc = JSON.parse(out);
  } catch {
    doc = undefined;
  }
  return { code, out, doc };
}

const message = () => file('response.xml', signXml(buildResponse({}), { key: idp, targets: ['root', 'assertion'] }));

describe('trust anchors on the command line', () => {
  it('--idp-cert-fingerprint SHA256:…: the certificate in the message has it, so the signatures are valid', async () => {
    const { code, doc } = await run('check', message(), '--idp-cert-fingerprint', `SHA256:${x509.fingerprint256}`, '--json');
    const sigs = doc!.messages[0]!.signatures;
    expect(sigs.map((s) => s.status)).toEqual(['valid', 'valid']);
    expect(sigs[0]!.reason).toMatch(/whose SHA-256 fingerprint you trust/);
    expect(code).toBe(0);
  });

  it('--idp-cert-fingerprint with a SHA-1 fingerprint: valid, with a certificate-fingerprint-sha1 warning', async () => {
    const { doc } = await run('check', message(), '--idp-cert-fingerprint', x509.fingerprint, '--json');
    expect(doc!.messages[0]!.signatures.map((s) => s.status)).toEqual(['valid', 'valid']);
    expect(doc!.messages[0]!.findings).toContainEqual(expect.objectContaining({ rule: 'certificate-fingerprint-sha1', severity: 'warning' }));
  });

  it('--idp-cert-fingerprint of another certificate: not valid, an error', async () => {
    const rogue = new X509Certificate(loadTestKey('rogue').certificatePem);
    const { code, doc } = await run('check', message(), '--idp-cert-fingerprint', `SHA256:${rogue.fingerprint256}`, '--json');
    expect(doc!.messages[0]!.signatures.map((s) => s.status)).toEqual(['untrusted', 'untrusted']);
    expect(code).toBe(1);
  });

  it('--idp-cert-fingerprint that is no fingerprint is a usage error', async () => {
    const { code } = await run('check', message(), '--idp-cert-fingerprint', 'SHA256:not-hex', '--json');
    expect(code).toBe(2);
  });

  it.each([
    ['PUBLIC KEY', 'spki'],
    ['RSA PUBLIC KEY', 'pkcs1'],
  ] as const)('--idp-cert with a PEM %s: valid', async (_label, type) => {
    const pem = file(`idp-${type}.pem`, createPublicKey(idp.certificatePem).export({ type, format: 'pem' }) as string);
    const { code, doc } = await run('check', message(), '--idp-cert', pem, '--json');
    expect(doc!.messages[0]!.signatures.map((s) => s.status)).toEqual(['valid', 'valid']);
    expect(code).toBe(0);
  });
});
