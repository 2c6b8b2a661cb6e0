import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractMessages } from '../../../lib/core/binding';
import type { ParsedSaml, RedirectSignature, SignatureAnalysis } from '../../../lib/core/model';
import { parseCertificates, verifySignatures, type TrustedCertificate } from '../../../lib/core/signature';
import { parseSaml } from '../../../lib/core/xml';
import { loadTestKey, type TestKeyName } from '../../../lib/samlgen';
import type { Fixture } from '../../fixtures/attacks';

export const fixturesDir = fileURLToPath(new URL('../../fixtures/signatures/', import.meta.url));

export function trust(...names: TestKeyName[]): TrustedCertificate[] {
  return names.flatMap((n) => parseCertificates(loadTestKey(n).certificatePem, `test key ${n}`).certs);
}

export function parsedOf(xml: string): ParsedSaml {
  const { parsed, problems } = parseSaml(xml);
  if (!parsed) throw new Error(`parseSaml refused: ${problems.map((p) => p.rule).join(', ')}`);
  return parsed;
}

/** A Redirect query as the DECODE helper hands it over: XML plus the raw signed octets. */
export function redirectOf(query: string): { xml: string; redirect?: RedirectSignature } {
  const [m] = extractMessages({ id: 'q', source: 'pasted', method: 'GET', url: `https://idp.example.test/slo?${query}`, requestHeaders: [], responseHeaders: [] });
  if (!m?.xml) throw new Error('query did not decode');
  return { xml: m.xml, redirect: m.redirectSignature };
}

export interface Run {
  parseErrors: string[];
  analysis?: SignatureAnalysis;
  parsed?: ParsedSaml;
}

export async function runFixture(f: Pick<Fixture, 'kind' | 'content'>, trusted: TrustedCertificate[], spPrivateKeyPem?: string): Promise<Run> {
  const { xml, redirect } = f.kind === 'redirect-query' ? redirectOf(f.content) : { xml: f.content, redirect: undefined };
  const { parsed, problems } = parseSaml(xml);
  if (!parsed) return { parseErrors: problems.map((p) => p.rule) };
  const analysis = await verifySignatures(parsed, { trusted, binding: redirect ? 'HTTP-Redirect' : 'HTTP-POST', redirect, spPrivateKeyPem });
  return { parseErrors: [], analysis, parsed };
}

export function readFixture(file: string): string {
  return readFileSync(`${fixturesDir}${file}`, 'utf8');
}

export const errorsOf = (a: SignatureAnalysis) => a.problems.filter((p) => (p.severity ?? 'error') === 'error').map((p) => p.rule);
export const statusOf = (a: SignatureAnalysis) => Object.fromEntries(a.verdicts.map((v) => [v.target, v.status]));
