import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/core/analyze';
import { exportEntries } from '../../lib/core/trace';
import { loadTestKey } from '../../lib/samlgen';
import { buildRows } from '../../lib/ui/state/rows';
import { DEFAULT_EXPORT_CHOICE, previewSummary, reportFileName, scopeCounts, scopeEntryIds } from '../../lib/ui/state/export-choice';
import { PERSONAL, SECRETS, plantedFlow } from '../core/trace/flow';

const NOW = () => new Date('2026-01-15T12:00:00Z');
const settings = () => ({ trustedCertificates: [loadTestKey('idp').certificatePem] });

async function captured() {
  const entries = plantedFlow();
  const report = await analyze(entries, settings());
  return { entries, report };
}

describe('export dialog: choices and scope', () => {
  it('defaults to a native trace of everything with the support profile', () => {
    expect(DEFAULT_EXPORT_CHOICE).toEqual({ format: 'trace', scope: 'all', profile: 'support' });
  });

  it('the current filter exports exactly the requests the list shows; everything exports all', async () => {
    const { entries, report } = await captured();
    const rows = buildRows(report, entries, { showOthers: false, filter: { text: 'Logout', kinds: [] } });
    const view = scopeEntryIds('view', rows, report) ?? [];
    const shownEntries = report.messages.filter((m) => m.kind === 'LogoutRequest').map((m) => m.entry);
    expect(view).toEqual(shownEntries);
    expect(scopeEntryIds('all', rows, report)).toBeUndefined();
    const out = exportEntries(entries, { format: 'trace', entryIds: view, report, now: NOW });
    expect(out.entries.map((e) => e.id)).toEqual(shownEntries);
    const counts = scopeCounts(rows, report, entries);
    expect(counts.view).toEqual({ requests: 1, messages: 1 });
    expect(counts.all).toEqual({ requests: entries.length, messages: report.messages.length });
  });

  it('with "Other requests" shown, the view includes the surrounding non-SAML requests', async () => {
    const { entries, report } = await captured();
    const rows = buildRows(report, entries, { showOthers: true, filter: { text: '', kinds: [] } });
    expect(new Set(scopeEntryIds('view', rows, report))).toEqual(new Set(entries.map((e) => e.id)));
  });
});

describe('export dialog: redaction preview', () => {
  it('share: counts per kind with places, and not one planted value anywhere in the preview', async () => {
    const { entries, report } = await captured();
    const out = exportEntries(entries, { format: 'trace', profile: 'share', report, now: NOW });
    const preview = previewSummary(out.redaction, out.notes);
    const kinds = preview.lines.map((l) => l.kind);
    for (const k of ['cookie', 'credential', 'secret', 'nameid', 'email', 'name'] as const) expect(kinds).toContain(k);
    const cookie = preview.lines.find((l) => l.kind === 'cookie');
    expect(cookie?.count).toBeGreaterThanOrEqual(4);
    expect(cookie?.places.length).toBeLessThanOrEqual(3);
    expect(cookie?.places.some((p) => /cookie/i.test(p))).toBe(true);
    expect(preview.total).toBe(preview.lines.reduce((n, l) => n + l.count, 0));
    expect(preview.redactedEntries).toBeGreaterThan(0);
    expect(preview.pseudonyms).toBeGreaterThan(0);
    expect(preview.caution).toBeUndefined();
    const shown = JSON.stringify(preview);
    for (const v of [...Object.values(SECRETS), ...Object.values(PERSONAL)]) expect(shown).not.toContain(v);
  });

  it('support keeps personal data and says so; none warns that everything is in the file', async () => {
    const { entries, report } = await captured();
    const support = previewSummary(exportEntries(entries, { format: 'trace', profile: 'support', report, now: NOW }).redaction, []);
    expect(support.lines.map((l) => l.kind)).not.toContain('nameid');
    expect(support.lines.map((l) => l.kind)).toContain('cookie');
    expect(support.caution).toMatch(/Personal data/);
    const none = previewSummary(exportEntries(entries, { format: 'trace', profile: 'none', report, now: NOW }).redaction, []);
    expect(none.lines).toEqual([]);
    expect(none.total).toBe(0);
    expect(none.caution).toMatch(/No redaction/);
  });

  it('shows what the format cannot hold and ids that were not found, instead of dropping them silently', async () => {
    const { entries, report } = await captured();
    const out = exportEntries(entries, { format: 'saml-tracer', profile: 'support', entryIds: ['e4', 'gone'], report, now: NOW });
    const preview = previewSummary(out.redaction, out.notes);
    expect(preview.notes.some((n) => n.startsWith('gone: '))).toBe(true);
    expect(preview.notes.length).toBe(out.notes.length);
  });

  it('cuts the places to the example limit and counts the rest', () => {
    const replacements = ['a', 'b', 'c', 'd', 'e'].map((w) => ({ where: `request header ${w}`, kind: 'credential' as const, count: 1 }));
    const preview = previewSummary(
      { profile: 'support', redactedEntries: [], replacements, counts: { cookie: 0, credential: 5, secret: 0, nameid: 0, session: 0, attribute: 0, name: 0, email: 0, undecodable: 0 }, pseudonyms: 0 },
      [],
      2,
    );
    expect(preview.lines).toEqual([{ kind: 'credential', label: expect.stringMatching(/credential/i), count: 5, places: ['request header a', 'request header b'], morePlaces: 3 }]);
  });

  it('names HTML reports safely', () => {
    const at = new Date('2026-01-15T12:00:00.123Z');
    expect(reportFileName(at)).toBe('saml-lens-report-2026-01-15T12-00-00-123Z.html');
    expect(reportFileName(at, 'f/1:<x>')).toBe('saml-lens-report-flow-f_1_x_-2026-01-15T12-00-00-123Z.html');
  });
});
