// Every export format comes back through the same readInput the CLI and the viewer use.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../lib/core/analyze';
import { readInput } from '../../../lib/core/input';
import { exportEntries } from '../../../lib/core/trace';
import { loadTestKey } from '../../../lib/samlgen';
import { plantedFlow } from './flow';

const NOW = () => new Date('2026-01-15T10:05:00Z');
const settings = { trustedCertificates: [loadTestKey('idp').certificatePem] };

describe('importing exported traces', () => {
  it('reads a native trace with its entries, settings and capture-time verdicts', async () => {
    const entries = plantedFlow();
    const report = await analyze(entries, settings);
    const out = exportEntries(entries, { format: 'trace', profile: 'none', report, settings, now: NOW });
    const input = readInput(out.text, { name: 'flow.samllens.json' });
    expect(input.format).toBe('saml-lens-trace');
    expect(input.entries.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    expect(input.trace?.settings.trustedCertificates?.length).toBe(1);
    const again = await analyze(input.entries, settings);
    expect(again.messages.map((m) => [m.kind, m.findings.map((f) => f.rule)])).toEqual(
      report.messages.map((m) => [m.kind, m.findings.map((f) => f.rule)]),
    );
  });

  it('keeps the redaction mark and captured verdicts of our own HAR export: shown as claims, never as broken or valid', async () => {
    const entries = plantedFlow();
    const report = await analyze(entries, settings);
    const out = exportEntries(entries, { format: 'har', profile: 'share', report, now: NOW });
    const input = readInput(out.text);
    expect(input.format).toBe('har');
    expect(input.problems).toEqual([]);
    expect(input.entries.some((e) => e.redacted)).toBe(true);
    const judged = await analyze(input.entries, settings);
    // What verified at capture reads "untrusted" now: the file says so, nothing here checked it.
    const captured = report.messages.flatMap((m) => m.signatures.map((s) => (s.status === 'valid' ? 'untrusted' : s.status)));
    expect(judged.messages.flatMap((m) => m.signatures.map((s) => s.status))).toEqual(captured);
    expect(judged.messages.flatMap((m) => m.signatures).filter((s) => s.captured).length).toBeGreaterThan(0);
    expect(judged.messages.flatMap((m) => m.findings).filter((f) => f.rule === 'signature-invalid')).toEqual([]);
  });

  it('says clearly when a trace comes from a newer SAML Lens', () => {
    const input = readInput(JSON.stringify({ format: 'saml-lens-trace', version: 99, entries: [] }));
    expect(input.entries).toEqual([]);
    expect(input.problems[0]?.message).toMatch(/newer|update/i);
  });
});
