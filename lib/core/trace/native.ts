import type { Expectations, Problem, Report, TraceEntry } from '../model';
import { readEntry } from './entry-shape';
import { TOOL, TRACE_FORMAT, TRACE_VERSION, type SavedSettings, type TraceFile, type TraceVerdict } from './format';
import { MIGRATIONS, migrate, type Migration } from './migrations';
import type { RedactionProfile } from './redact';

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
  const { spPrivateKeyPem: _dropped, ...rest } = settings;
  return rest;
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
    const entry = readEntry(raw, i);
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
  const trace: TraceFile = {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    createdAt: typeof doc.createdAt === 'string' ? doc.createdAt : '',
    tool: { name: String(tool?.name ?? 'unknown'), version: String(tool?.version ?? '') },
    settings: savedSettings(isPlainObject(doc.settings) ? (doc.settings as Expectations) : undefined),
    entries,
    verdicts: Array.isArray(doc.verdicts) ? doc.verdicts.filter(isVerdict) : [],
    ...(redaction && typeof redaction.profile === 'string'
      ? { redaction: { profile: redaction.profile as RedactionProfile, appliedAt: String(redaction.appliedAt ?? '') } }
      : {}),
  };
  return { trace, fromVersion: migrated.from, problems };
}

function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isVerdict(v: unknown): v is TraceVerdict {
  if (!isPlainObject(v)) return false;
  const o = v as Record<string, unknown>;
  return typeof o.entry === 'string' && typeof o.parameter === 'string' && Array.isArray(o.signatures) && Array.isArray(o.findings);
}
