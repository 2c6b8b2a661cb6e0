// Files the viewer imports are someone else's: their captured verdicts are claims, their saved settings are
// shown and never applied. The viewer path: takeInput (ids prefixed), then the core's analysis with the
// person's own settings, as useCapture runs it.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/core/analyze';
import { NO_CAPTURED_VERDICT } from '../../lib/core/captured';
import { readInput } from '../../lib/core/input';
import { exportEntries } from '../../lib/core/trace';
import { loadTestKey } from '../../lib/samlgen';
import { takeInput } from '../../lib/ui/state/viewer-input';
import { plantedFlow } from '../core/trace/flow';
import { rogueMetadata, rogueTrace } from '../fixtures/forgeries/c08-trust-from-input';

const NOW = () => new Date('2026-01-15T12:00:00Z');
const settings = () => ({ trustedCertificates: [loadTestKey('idp').certificatePem, loadTestKey('sp').certificatePem] });
const read = (t: string, name?: string) => readInput(t, { name });

describe('a trace loaded in the viewer', () => {
  it('shows the verdicts captured before redaction as claims, with the batch prefix, never as valid', async () => {
    const entries = plantedFlow();
    const before = await analyze(entries, settings());
    const text = exportEntries(entries, { format: 'trace', profile: 'share', report: before, now: NOW }).text;
    const batch = takeInput(text, 'shared.samltrace.json', 3, read).batch;
    expect(batch?.entries.every((e) => e.id.startsWith('b3:'))).toBe(true);
    const view = await analyze(batch?.entries ?? [], settings());
    const claims = view.messages.flatMap((m) => m.signatures.filter((s) => s.captured));
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((s) => s.status === 'untrusted' && s.reason.startsWith('as captured, not verified here'))).toBe(true);
    expect(view.messages.flatMap((m) => m.signatures.map((s) => s.status))).not.toContain('valid');
    expect(view.messages.flatMap((m) => m.findings.map((f) => f.rule))).not.toContain('signature-invalid');
  });

  it('a redacted message without any stored verdict shows its signatures as not checked, never as broken', async () => {
    const entries = plantedFlow();
    const before = await analyze(entries, settings());
    const text = exportEntries(entries, { format: 'trace', profile: 'share', report: before, now: NOW }).text;
    // A file redacted by hand or by another tool: marked, but the verdicts were lost.
    const doc = JSON.parse(text) as { entries: Array<Record<string, unknown>>; verdicts: unknown[] };
    for (const e of doc.entries) delete e.capturedSignatures;
    doc.verdicts = [];
    const loaded = takeInput(JSON.stringify(doc), 'hand-redacted.json', 1, read).batch?.entries ?? [];
    const view = await analyze(loaded, settings());
    const changed = view.messages.filter((m) => m.signatures.some((s) => s.reason === NO_CAPTURED_VERDICT));
    expect(changed.map((m) => m.kind)).toEqual(['Response', 'Response']);
    for (const m of changed) {
      expect(m.signatures.every((s) => s.status === 'unchecked')).toBe(true);
      expect(m.findings.map((f) => f.rule)).not.toContain('signature-invalid');
      // Nothing vouches for it any more: with a trusted certificate configured that is an error, in words that say why.
      expect(m.findings).toContainEqual(expect.objectContaining({ rule: 'signature-untrusted', severity: 'error', message: expect.stringMatching(/no verdict from before redaction/) }));
    }
  });

  it("lists a trace's saved settings and judges with the person's own: a rogue certificate in the file verifies nothing", async () => {
    const text = rogueTrace({ trustedCertificates: [loadTestKey('rogue').certificatePem], idpMetadataXml: rogueMetadata() });
    const out = takeInput(text, 'sent-to-me.samltrace.json', 1, read);
    expect(out.problems).toContainEqual(
      expect.objectContaining({ rule: 'saved-settings', severity: 'info', message: expect.stringMatching(/1 trusted IdP certificate, IdP metadata.*not applied/) }),
    );
    // Offered with the batch (the viewer shows them with fingerprints and an Apply button), not applied.
    expect(out.batch?.settings?.trustedCertificates).toEqual([loadTestKey('rogue').certificatePem]);
    const loaded = out.batch?.entries ?? [];
    const own = await analyze(loaded, { trustedCertificates: [loadTestKey('idp').certificatePem] });
    expect(own.messages[0]?.signatures.map((s) => s.status)).toEqual(['untrusted', 'untrusted']);
    // One cause (issue 9): both signatures under one signature-untrusted; message-unsigned, still an error, told under it.
    const errors = own.messages[0]?.findings.filter((f) => f.severity === 'error') ?? [];
    expect(errors.map((f) => [f.rule, f.instances?.length, f.causedBy])).toEqual([
      ['signature-untrusted', 2, undefined],
      ['message-unsigned', undefined, 'signature-untrusted'],
    ]);
    const none = await analyze(loaded, {});
    expect(none.messages[0]?.signatures.map((s) => s.status)).toEqual(['untrusted', 'untrusted']);
  });

  it('a file without saved settings adds no note', () => {
    const text = exportEntries(plantedFlow(), { format: 'trace', profile: 'none', now: NOW }).text;
    expect(takeInput(text, 'mine.json', 1, read).problems.map((p) => p.rule)).not.toContain('saved-settings');
  });
});
