// Assertions in the Advice of a signed assertion are legitimate (saml-core §2.6.3): no error end to end.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../lib/core/analyze';
import { loadTestKey } from '../../../lib/samlgen';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/signatures/${name}`, import.meta.url), 'utf8');
const trusted = { trustedCertificates: [loadTestKey('idp').certificatePem] };

async function errors(name: string): Promise<string[]> {
  const { report } = await analyzeText(fixture(name), trusted);
  return report.messages.flatMap((m) => m.findings.filter((f) => f.severity === 'error').map((f) => f.rule));
}

describe('Advice assertions', () => {
  for (const name of ['genuine-advice-unsigned.xml', 'genuine-advice-signed.xml', 'genuine-advice-response-signed.xml']) {
    it(`${name}: covered by the signature, so neither wrapping nor "more than one assertion"`, async () => {
      expect(await errors(name)).toEqual([]);
    });
  }

  it('an Advice no signature covers is still wrapping, and a forged Advice breaks the signature', async () => {
    expect(await errors('attack-advice-uncovered.xml')).toContain('signature-wrapping');
    expect(await errors('attack-advice-injected.xml')).toContain('signature-invalid');
  });
});
