import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/core/analyze';
import { readInput } from '../../lib/core/input';
import type { Report } from '../../lib/core/model';
import { exportEntries } from '../../lib/core/trace';
import { loadTestKey } from '../../lib/samlgen';
import { NO_CAPTURED_VERDICT, prefixVerdicts, withCapturedVerdicts } from '../../lib/ui/state/captured-view';
import { takeInput } from '../../lib/ui/state/viewer-input';
import { plantedFlow } from '../core/trace/flow';

const NOW = () => new Date('2026-01-15T12:00:00Z');
const settings = () => ({ trustedCertificates: [loadTestKey('idp').certificatePem, loadTestKey('sp').certificatePem] });

function judged(report: Report): string[] {
  return report.messages.map((m) => `${m.kind} [${m.signatures.map((s) => s.status).join(',')}] ${m.findings.map((f) => f.rule).sort().join(',')}`);
}

describe('redacted messages in the viewer', () => {
  it('a shared trace loaded like the viewer loads it (ids prefixed) is judged as at capture', async () => {
    const entries = plantedFlow();
    const before = await analyze(entries, settings());
    const text = exportEntries(entries, { format: 'trace', profile: 'share', report: before, now: NOW }).text;
    const out = takeInput(text, 'shared.samltrace.json', 3, (t, name) => readInput(t, { name }));
    const batch = out.batch;
    expect(batch?.entries.every((e) => e.id.startsWith('b3:'))).toBe(true);
    expect(batch?.verdicts?.length).toBe(before.messages.length);
    expect(batch?.verdicts?.every((v) => v.entry.startsWith('b3:'))).toBe(true);
    const loaded = batch?.entries ?? [];
    const view = withCapturedVerdicts(await analyze(loaded, settings()), loaded, batch?.verdicts);
    expect(judged(view)).toEqual(judged(before));
    expect(view.messages.some((m) => m.signatures.some((s) => s.status === 'valid'))).toBe(true);
  });

  it('a redacted message without any stored verdict shows its signatures as not checked, never as broken', async () => {
    const entries = plantedFlow();
    const before = await analyze(entries, settings());
    const text = exportEntries(entries, { format: 'trace', profile: 'share', report: before, now: NOW }).text;
    // A file redacted by hand or by another tool: marked, but the verdicts were lost.
    const loaded = (readInput(text).entries ?? []).map(({ capturedSignatures: _c, ...e }) => e);
    const raw = await analyze(loaded, settings());
    expect(raw.messages.some((m) => m.findings.some((f) => f.rule === 'signature-invalid'))).toBe(true);
    const view = withCapturedVerdicts(raw, loaded, []);
    const redactedSigned = view.messages.filter((m) => loaded.find((e) => e.id === m.entry)?.redacted && m.signatures.length > 0);
    expect(redactedSigned.length).toBeGreaterThan(0);
    for (const m of redactedSigned) {
      expect(m.signatures.every((s) => s.status === 'unchecked' && s.reason === NO_CAPTURED_VERDICT)).toBe(true);
      expect(m.findings.map((f) => f.rule)).not.toContain('signature-invalid');
    }
    expect(view.summary.errors).toBe([...view.findings, ...view.messages.flatMap((m) => m.findings)].filter((f) => f.severity === 'error').length);
  });

  it('leaves an unredacted capture exactly as analysed', async () => {
    const entries = plantedFlow();
    const report = await analyze(entries, settings());
    expect(withCapturedVerdicts(report, entries, [])).toEqual(report);
  });

  it('re-keys stored verdicts to the batch prefix', () => {
    expect(prefixVerdicts([{ entry: 'e4', parameter: 'SAMLResponse', signatures: [], findings: [] }], 'b2:')[0]?.entry).toBe('b2:e4');
    expect(prefixVerdicts(undefined, 'b2:')).toEqual([]);
  });
});
