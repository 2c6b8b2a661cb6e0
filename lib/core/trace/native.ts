import { fileText, readVerdicts } from '../captured';
import type { Expectations, Finding, MessageKind, Problem, Report, TraceEntry } from '../model';
import { scalarText } from '../input/fields';
import { readEntry } from './entry-shape';
import { TOOL, TRACE_FORMAT, TRACE_VERSION, type SavedSettings, type TraceFile, type TraceVerdict } from './format';
import { MIGRATIONS, migrate, type Migration } from './migrations';
import type { RedactionProfile } from './redact';
import { boundedProfileDocument, readSavedSettings } from './saved-settings';

export interface TraceInput {
  entries: TraceEntry[];
  /** The report computed on these entries BEFORE any redaction: its verdicts and findings are stored. */
  report?: Report;
  settings?: Expectations;
  tool?: { name: string; version: string };
  /** ISO 8601; defaults to now. */
  createdAt?: string;
  redaction?: { profile: RedactionProfile; appliedAt: string };
}

export function savedSettings(settings: Expectations | undefined): SavedSettings {
  if (!settings) return {};
  // The key decrypts every assertion ever sent to this SP: it never goes into a file.
  const { spPrivateKeyPem: _dropped, profileDocument, ...rest } = settings;
  const doc = boundedProfileDocument(profileDocument);
  return doc ? { ...rest, profileDocument: doc } : rest;
}

export function verdictsFromReport(report: Report | undefined, entryIds?: ReadonlySet<string>): TraceVerdict[] {
  if (!report) return [];
  return report.messages
    .filter((m) => !entryIds || entryIds.has(m.entry))
    .map((m) => ({ entry: m.entry, parameter: m.parameter, kind: m.kind, signatures: m.signatures, findings: m.findings }));
}

export function buildTrace(input: TraceInput): TraceFile {
  const ids = new Set(input.entries.map((e) => e.id));
  return {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    createdAt: input.createdAt ?? new Date().toISOString(),
    tool: input.tool ?? { ...TOOL },
    settings: savedSettings(input.settings),
    entries: input.entries,
    verdicts: verdictsFromReport(input.report, ids),
    ...(input.redaction ? { redaction: input.redaction } : {}),
  };
}

export function serializeTrace(input: TraceInput | TraceFile): string {
  const file = 'format' in input ? input : buildTrace(input);
  return `${JSON.stringify(file, null, 2)}\n`;
}

export interface ParsedTrace {
  trace?: TraceFile;
  /** The version the file was written in (before migration). */
  fromVersion?: number;
  problems: Problem[];
}

function problem(message: string): Problem {
  return { rule: 'input-unrecognised', message };
}

/** True when a parsed JSON value claims to be a native trace (for format detection by the input module). */
export function isTraceDocument(json: unknown): boolean {
  return typeof json === 'object' && json !== null && (json as Record<string, unknown>).format === TRACE_FORMAT;
}

/**
 * Reads a native trace (text or already-parsed JSON), upgrading older versions. Never throws: an unreadable
 * file gives a problem; a broken entry is skipped with a problem and the rest is kept.
 */
export function parseTrace(json: unknown, migrations: Readonly<Record<number, Migration>> = MIGRATIONS): ParsedTrace {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return { problems: [problem('The file is not valid JSON, so it cannot be a SAML Lens trace.')] };
    }
  }
  if (!isTraceDocument(value)) {
    return { problems: [problem(`Not a SAML Lens trace: the "format" field is not "${TRACE_FORMAT}".`)] };
  }
  const migrated = migrate(value as Record<string, unknown>, TRACE_VERSION, migrations);
  if (!migrated.ok) return { problems: [problem(`Cannot open this trace: ${migrated.reason}.`)] };
  const doc = migrated.doc;
  const problems: Problem[] = [];
  if (!Array.isArray(doc.entries)) problems.push(problem('The trace has no list of entries.'));
  const entries: TraceEntry[] = [];
  const seen = new Set<string>();
  (Array.isArray(doc.entries) ? doc.entries : []).forEach((raw, i) => {
    const entry = readEntry(raw, i, problems);
    if (typeof entry === 'string') {
      problems.push(problem(`Trace ${entry}; it was skipped, the other entries were kept.`));
      return;
    }
    // Ids key the stored verdicts: a repeated id would attach one message's verdict to another.
    if (seen.has(entry.id)) entry.id = `${entry.id}#${i + 1}`;
    seen.add(entry.id);
    entries.push(entry);
  });
  const tool = doc.tool as Record<string, unknown> | undefined;
  const redaction = doc.redaction as Record<string, unknown> | undefined;
  const verdicts = readTraceVerdicts(doc.verdicts, problems);
  attachCaptured(entries, verdicts);
  const trace: TraceFile = {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    createdAt: typeof doc.createdAt === 'string' ? doc.createdAt : '',
    tool: { name: scalarText(tool?.name ?? 'unknown'), version: scalarText(tool?.version) },
    settings: readSavedSettings(doc.settings),
    entries,
    verdicts,
    ...(redaction && typeof redaction.profile === 'string'
      ? { redaction: { profile: redaction.profile as RedactionProfile, appliedAt: scalarText(redaction.appliedAt) } }
      : {}),
  };
  return { trace, fromVersion: migrated.from, problems };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const SEVERITIES = new Set<unknown>(['error', 'warning', 'info']);

function isFinding(v: unknown): v is Finding {
  return isPlainObject(v) && typeof v.rule === 'string' && SEVERITIES.has(v.severity) && typeof v.message === 'string' && (v.location === undefined || typeof v.location === 'string');
}

/** The stored verdicts, read as strictly as an entry's (lib/core/captured); findings are kept only well formed. */
function readTraceVerdicts(raw: unknown, problems: Problem[]): TraceVerdict[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({ rule: 'input-unrecognised', severity: 'warning', message: 'The trace\'s "verdicts" are not a list; they were ignored.' });
    return [];
  }
  const out: TraceVerdict[] = [];
  raw.forEach((v, i) => {
    const where = `stored verdict ${i + 1}`;
    if (!isPlainObject(v) || typeof v.entry !== 'string' || typeof v.parameter !== 'string') {
      problems.push({ rule: 'input-unrecognised', severity: 'warning', message: `The trace's ${where} names no entry and parameter; it was ignored.` });
      return;
    }
    const signatures = readVerdicts(v.signatures, `${where} (${fileText(v.entry)}, ${fileText(v.parameter)})`, problems);
    if (!signatures) return;
    const findings = Array.isArray(v.findings) ? v.findings.filter(isFinding) : [];
    out.push({ entry: v.entry, parameter: v.parameter, ...(typeof v.kind === 'string' ? { kind: v.kind as MessageKind } : {}), signatures, findings });
  });
  return out;
}

/**
 * A redacted entry without verdicts of its own takes the ones the trace stored for it, in message order: from
 * here on, captured verdicts live on entries only and analyze() is the one place that judges them.
 */
function attachCaptured(entries: TraceEntry[], verdicts: TraceVerdict[]): void {
  const byEntry = new Map<string, TraceVerdict[]>();
  for (const v of verdicts) {
    const list = byEntry.get(v.entry);
    if (list) list.push(v);
    else byEntry.set(v.entry, [v]);
  }
  for (const e of entries) {
    if (!e.redacted || e.capturedSignatures) continue;
    const mine = byEntry.get(e.id) ?? [];
    if (mine.length) e.capturedSignatures = mine.map((v) => ({ parameter: v.parameter, verdicts: v.signatures }));
  }
}
