// The signature fixtures judged inside the built extension (an extension page and the service worker)
// give exactly the verdicts Node gives: same statuses, same reasons for failing, same findings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../lib/core/analyze';
import type { AnalyzeOptions, Report, TraceEntry } from '../../lib/core/model';
import { loadTestKey } from '../../lib/samlgen';
import type { Fixture } from '../fixtures/attacks';
import { verifierChunk } from './build';
import { E2E_TIMEOUT, ensureBuilt, type Extension, hasChromium, launchExtension, root, SKIP_MESSAGE, E2E_SUITE } from './harness';

if (!hasChromium) console.warn(SKIP_MESSAGE);

const fixturesDir = join(root, 'test/fixtures/signatures');
const manifest = JSON.parse(readFileSync(join(fixturesDir, 'manifest.json'), 'utf8')) as Array<Omit<Fixture, 'content'>>;

/** As the fixtures are meant to be checked (test/core/signature/fixtures.test.ts): the IdP's certificate trusted. */
const OPTIONS: AnalyzeOptions = { trustedCertificates: [loadTestKey('idp').certificatePem], at: '2026-01-15T10:01:00Z' };

/** Each fixture as the capture would hand it over: a POSTed form field, or the Redirect URL with its raw query. */
function entryOf(f: Omit<Fixture, 'content'>, index: number): TraceEntry {
  const content = readFileSync(join(fixturesDir, f.file), 'utf8');
  const base = { id: `fixture-${index}`, source: 'pasted' as const, requestHeaders: [], responseHeaders: [], capturedAt: '2026-01-15T10:01:00Z' };
  if (f.kind === 'redirect-query') return { ...base, method: 'GET', url: `https://idp.example.test/slo?${content}` };
  const body = content.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/g, '');
  const root = /<(?:[\w.-]+:)?([\w.-]+)/.exec(body)?.[1] ?? '';
  const parameter = root.endsWith('Response') ? 'SAMLResponse' : 'SAMLRequest';
  return { ...base, method: 'POST', url: 'https://sp.example.test/acs', formFields: [[parameter, Buffer.from(content, 'utf8').toString('base64')]] };
}

/** What must be identical everywhere: per message, each signature's verdict and every finding. */
function verdicts(report: Report) {
  return {
    messages: report.messages.map((m) => ({
      kind: m.kind,
      signatures: m.signatures.map((s) => `${s.target} ${s.status} ${s.failure ?? '-'} ${s.certificateSha256 ?? '-'}`),
      findings: m.findings.map((f) => `${f.severity} ${f.rule}`).sort(),
    })),
    trace: report.findings.map((f) => `${f.severity} ${f.rule}`).sort(),
  };
}

type Verdicts = ReturnType<typeof verdicts>;
const entries = manifest.map(entryOf);

/** Runs in the page or the worker: the bundled judge, one fixture at a time; reports travel as JSON. */
async function judgeInBrowser(args: { entries: TraceEntry[]; options: AnalyzeOptions }): Promise<string[]> {
  const hook = (globalThis as { samlLens?: { verify(e: TraceEntry[], o: AnalyzeOptions): Promise<unknown> } }).samlLens;
  if (!hook?.verify) throw new Error('no samlLens.verify hook in this context');
  const out: string[] = [];
  for (const entry of args.entries) out.push(JSON.stringify(await hook.verify([entry], args.options)));
  return out;
}

describe.skipIf(!hasChromium)('signature verdicts inside the built extension (Chromium)', E2E_SUITE, () => {
  let ext: Extension;
  let page: Page;
  const node: Verdicts[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    for (const entry of entries) node.push(verdicts(JSON.parse(JSON.stringify(await analyze([entry], OPTIONS))) as Report));
    ext = await launchExtension();
    page = await ext.openPanel();
    await page.waitForSelector('.sl-app');
  }, E2E_TIMEOUT);

  afterAll(async () => {
    await ext?.close();
  });

  it('Node gives the verdicts the fixtures were generated for (so the comparison below means something)', () => {
    manifest.forEach((f, i) => {
      const v = node[i]!;
      const where = `${f.file}: ${JSON.stringify(v)}`;
      const message = v.messages[0];
      // Any severity: the rules may soften a verifier error by context (a Redirect LogoutRequest's signer may be the SP).
      const slugs = [...(message?.findings ?? []), ...v.trace].map((s) => s.split(' ')[1]);
      for (const slug of [...(f.expect.errors ?? []), ...(f.expect.parseErrors ?? [])]) expect(slugs, where).toContain(slug);
      for (const [target, status] of Object.entries(f.expect.verdicts ?? {})) {
        expect(message?.signatures.some((s) => s.startsWith(`${target} ${status} `)), where).toBe(true);
      }
    });
    const statuses = new Set(node.flatMap((v) => v.messages.flatMap((m) => m.signatures.map((s) => s.split(' ')[1]))));
    expect([...statuses].sort()).toEqual(['invalid', 'unchecked', 'untrusted', 'valid']);
  });

  it('an extension page (devtools-panel.html) gives the same verdict as Node on every fixture', { timeout: E2E_TIMEOUT }, async () => {
    const reports = await page.evaluate(judgeInBrowser, { entries, options: OPTIONS });
    const browser = reports.map((r) => verdicts(JSON.parse(r) as Report));
    manifest.forEach((f, i) => expect(browser[i], f.file).toEqual(node[i]));
  });

  it('the service worker gives the same verdict as Node on every fixture', { timeout: E2E_TIMEOUT }, async () => {
    const worker = await ext.worker();
    const reports = await worker.evaluate(judgeInBrowser, { entries, options: OPTIONS });
    const browser = reports.map((r) => verdicts(JSON.parse(r) as Report));
    manifest.forEach((f, i) => expect(browser[i], f.file).toEqual(node[i]));
  });

  it('the verifier the pages load stays small (gzipped, target 100 KB)', () => {
    const chunk = verifierChunk();
    console.log(`verifier chunk ${chunk.file}: ${(chunk.bytes / 1024).toFixed(1)} KB, ${(chunk.gzipBytes / 1024).toFixed(1)} KB gzipped`);
    expect(chunk.gzipBytes).toBeLessThanOrEqual(100 * 1024);
  });
});
