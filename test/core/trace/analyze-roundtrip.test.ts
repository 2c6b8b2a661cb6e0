import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import { readInput } from '../../../lib/core/input';
import type { Report } from '../../../lib/core/model';
import { exportEntries, parseTrace } from '../../../lib/core/trace';
import { buildResponse, loadTestKey, signXml } from '../../../lib/samlgen';
import { plantedFlow } from './flow';

const NOW = () => new Date('2026-01-15T12:00:00Z');
const settings = () => ({ trustedCertificates: [loadTestKey('idp').certificatePem, loadTestKey('sp').certificatePem] });

/** Per message: kind, signature statuses and finding slugs, what a user compares between two views. */
function judged(report: Report): string[] {
  return report.messages.map((m) => `${m.kind} [${m.signatures.map((s) => s.status).join(',')}] ${m.findings.map((f) => f.rule).sort().join(',')}`);
}

describe('capture, export, import give the same judgement', () => {
  it('native trace without redaction and HAR: same messages, verdicts and findings', async () => {
    const entries = plantedFlow();
    const before = await analyze(entries, settings());
    expect(before.messages.some((m) => m.signatures.some((s) => s.status === 'valid'))).toBe(true);
    const trace = parseTrace(exportEntries(entries, { format: 'trace', profile: 'none', report: before, now: NOW }).text).trace;
    expect(judged(await analyze(trace?.entries ?? [], settings()))).toEqual(judged(before));
    const har = readInput(exportEntries(entries, { format: 'har', profile: 'none', now: NOW }).text);
    expect(judged(await analyze(har.entries, settings()))).toEqual(judged(before));
  });

  it('a shared (redacted) trace re-judged on load shows the captured verdicts as claims, never as valid or broken', async () => {
    const entries = plantedFlow();
    const before = await analyze(entries, settings());
    const out = exportEntries(entries, { format: 'trace', profile: 'share', report: before, now: NOW });
    const trace = parseTrace(out.text).trace;
    expect(trace?.redaction?.profile).toBe('share');
    const loaded = trace?.entries ?? [];
    // Without the mark, redaction looks like tampering: the changed bytes no longer verify.
    const unmarked = await analyze(loaded.map(({ redacted: _r, capturedSignatures: _c, ...e }) => e), settings());
    expect(unmarked.messages.filter((m) => m.signatures.some((s) => s.status === 'invalid')).length).toBeGreaterThan(0);
    // With it, the digest failures are shown as what the file captured, marked and never valid: the file says so,
    // nothing here verified it, so with a trusted certificate configured that is an error, not a pass.
    const after = await analyze(loaded, settings());
    // Redaction changed the signed Responses; the query signatures it could not check before, it cannot check now.
    const redacted = after.messages.filter((m) => m.signatures.some((s) => s.captured));
    expect(redacted.map((m) => m.kind)).toEqual(['Response', 'Response']);
    for (const m of redacted) {
      expect(m.signatures.every((s) => s.captured === true && s.status !== 'valid' && s.reason.startsWith('as captured, not verified here'))).toBe(true);
      expect(m.findings.map((f) => f.rule)).not.toContain('signature-invalid');
      expect(m.findings).toContainEqual(expect.objectContaining({ rule: 'signature-untrusted', severity: 'error', message: expect.stringMatching(/redacted after capture/) }));
    }
    // Without a trusted certificate, an unverifiable signature is a warning, as an intact one signed by an unknown key is.
    const untrusting = await analyze(loaded);
    const response = untrusting.messages.find((m) => m.kind === 'Response' && m.signatures.some((s) => s.captured));
    expect(response?.findings.filter((f) => f.severity === 'error').map((f) => f.rule) ?? ['none']).not.toContain('signature-untrusted');
    expect(response?.findings.map((f) => f.rule)).not.toContain('message-unsigned');
    // Messages redaction did not change keep their fresh verdicts.
    expect(judged({ ...after, messages: after.messages.filter((m) => !redacted.includes(m)) })).toEqual(
      judged({ ...before, messages: before.messages.filter((m) => !redacted.some((r) => r.index === m.index)) }),
    );
  });

  it('a redacted document carrying two messages keeps each message its own captured verdicts', async () => {
    const genuine = signXml(buildResponse({ id: '_g', assertionId: '_g-a' }), { key: loadTestKey('idp'), targets: ['assertion'] }).replace(/^<\?xml[^>]*\?>/, '');
    const forged = buildResponse({ id: '_f', assertionId: '_f-a', nameId: { value: 'mallory@example.test' } });
    const body = `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${genuine}${forged}</soap:Body></soap:Envelope>`;
    const entries = [{ id: 'soap-1', source: 'har' as const, method: 'POST', url: 'https://sp.example.test/ecp', requestHeaders: [], responseHeaders: [], body, capturedAt: '2026-01-15T10:00:05Z' }];
    const before = await analyze(entries, settings());
    expect(before.messages.map((m) => m.signatures.map((s) => s.status))).toEqual([['valid'], []]);
    const trace = parseTrace(exportEntries(entries, { format: 'trace', profile: 'share', report: before, now: NOW }).text).trace;
    const loaded = trace?.entries ?? [];
    expect(loaded[0]?.redacted).toBe(true);
    // Each message is judged on its own: the genuine one's captured verdict is shown as captured, never valid,
    // and the forged sibling stays unsigned.
    const after = await analyze(loaded, settings());
    expect(after.messages.map((m) => m.signatures.map((s) => `${s.status}${s.captured ? ' captured' : ''}`))).toEqual([['untrusted captured'], []]);
    expect(after.messages[1]?.findings.map((f) => f.rule)).toContain('message-unsigned');
  });
});
