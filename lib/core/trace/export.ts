import type { Expectations, Report, TraceEntry } from '../model';
import { TOOL } from './format';
import { toHar } from './har';
import { buildTrace, savedSettings } from './native';
import type { ExportNote } from './notes';
import { redact, type RedactionProfile, type RedactionReport } from './redact';
import { toSamlTracer } from './saml-tracer';

export type ExportFormat = 'trace' | 'har' | 'saml-tracer';

export interface ExportOptions {
  format: ExportFormat;
  /** Default `support`. */
  profile?: RedactionProfile;
  /** Export only these entries (the current filter); default everything. */
  entryIds?: readonly string[];
  /** The report computed on the unredacted entries: stored verdicts and findings come from it. */
  report?: Report;
  settings?: Expectations;
  tool?: { name: string; version: string };
  /** Injected clock (file timestamps, names). */
  now?: () => Date;
}

export interface ExportResult {
  /** The file's content. */
  text: string;
  fileName: string;
  mimeType: string;
  redaction: RedactionReport;
  /** What the chosen format could not hold, and ids asked for that were not there. Nothing is dropped silently. */
  notes: ExportNote[];
  /** The entries as written (after redaction). */
  entries: TraceEntry[];
}

/** One export: choose entries, redact them with the profile, write the format. Never throws for bad input. */
export function exportEntries(all: TraceEntry[], opts: ExportOptions): ExportResult {
  const now = (opts.now ?? (() => new Date()))();
  const stamp = now.toISOString();
  const profile = opts.profile ?? 'support';
  const notes: ExportNote[] = [];
  let chosen = all;
  if (opts.entryIds) {
    const wanted = new Set(opts.entryIds);
    chosen = all.filter((e) => wanted.has(e.id));
    const found = new Set(chosen.map((e) => e.id));
    for (const id of wanted) if (!found.has(id)) notes.push({ entry: id, message: 'asked for, but no captured entry has this id' });
  }
  const redaction = redact(chosen, profile, { report: opts.report });
  const entries = redaction.entries;
  const fileStamp = stamp.replace(/[:.]/g, '-');
  if (opts.format === 'har') {
    const { har, notes: more } = toHar(entries, { creator: opts.tool ?? { ...TOOL }, fallbackTime: stamp });
    return done(JSON.stringify(har, null, 2), `saml-lens-${fileStamp}.har`, 'application/json', more);
  }
  if (opts.format === 'saml-tracer') {
    const { document, notes: more } = toSamlTracer(entries, { timestamp: stamp });
    return done(JSON.stringify(document, null, 2), `SAML-tracer-export-${fileStamp}.json`, 'application/json', more);
  }
  const trace = buildTrace({
    entries,
    report: opts.report,
    settings: redaction.sweep(savedSettings(opts.settings), 'settings'),
    tool: opts.tool,
    createdAt: stamp,
    ...(profile !== 'none' ? { redaction: { profile, appliedAt: stamp } } : {}),
  });
  // Finding messages quote the values they judge (a NameID, an e-mail): they go through the same table.
  trace.verdicts = redaction.sweep(trace.verdicts, 'stored findings');
  return done(JSON.stringify(trace, null, 2), `saml-lens-${fileStamp}.samltrace.json`, 'application/json', []);

  function done(text: string, fileName: string, mimeType: string, more: ExportNote[]): ExportResult {
    return { text: `${text}\n`, fileName, mimeType, redaction: redaction.report, notes: [...notes, ...more], entries };
  }
}
