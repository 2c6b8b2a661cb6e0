import type { Report, TraceEntry } from '../../core/model';
import type { ExportFormat, ExportNote, RedactionKind, RedactionProfile, RedactionReport } from '../../core/trace';
import type { Row } from './rows';

/** What the person picks in the export dialog. */
export interface ExportChoice {
  format: ExportFormat;
  /** `view`: what the list shows now (the current filter); `all`: every loaded or captured request. */
  scope: 'view' | 'all';
  profile: RedactionProfile;
}

// Support is the default: the file is usually attached to a ticket, and credentials have no business there.
export const DEFAULT_EXPORT_CHOICE: ExportChoice = { format: 'trace', scope: 'all', profile: 'support' };

export const FORMAT_CHOICES: ReadonlyArray<{ id: ExportFormat; title: string; hint: string }> = [
  { id: 'trace', title: 'SAML Lens trace', hint: 'Everything SAML Lens knows, with the verdicts computed at capture. Opens in the viewer and with saml-lens check.' },
  { id: 'har', title: 'HAR 1.2', hint: "Opens in Chrome DevTools' Network panel and other HAR tools; SAML Lens fields ride along in _samlLens." },
  { id: 'saml-tracer', title: 'SAML-tracer JSON', hint: 'Opens in the SAML-tracer add-on (Import). Request times are kept in a field SAML-tracer ignores.' },
];

export interface ScopeCount {
  requests: number;
  messages: number;
}

/**
 * The entries in a scope. `view` is what the list shows: the entries of the message rows and of the
 * "other request" rows. `all` returns undefined (exportEntries then takes everything).
 */
export function scopeEntryIds(scope: ExportChoice['scope'], rows: readonly Row[], report: Report): string[] | undefined {
  if (scope === 'all') return undefined;
  const ids = new Set<string>();
  for (const r of rows) {
    if (r.type === 'message') {
      const m = report.messages[r.index];
      if (m) ids.add(m.entry);
    } else if (r.type === 'other') ids.add(r.entry.id);
  }
  return [...ids];
}

/** How many requests and SAML messages each scope holds, for the scope choice's labels. */
export function scopeCounts(rows: readonly Row[], report: Report, entries: readonly TraceEntry[]): Record<ExportChoice['scope'], ScopeCount> {
  const view = new Set(scopeEntryIds('view', rows, report));
  return {
    view: { requests: view.size, messages: report.messages.filter((m) => view.has(m.entry)).length },
    all: { requests: entries.length, messages: report.messages.length },
  };
}

export const KIND_LABEL: Record<RedactionKind, string> = {
  cookie: 'Cookie and Set-Cookie values',
  credential: 'Authorization and other credential headers',
  secret: 'Passwords, tokens and one-time codes',
  nameid: 'NameIDs (now subject-1, subject-2…)',
  session: 'Session indexes (now session-1, session-2…)',
  attribute: 'Attribute values (now value-1, value-2…)',
  name: 'Personal names (now Person 1, Person 2…)',
  email: 'E-mail addresses (now user1@example.invalid…)',
  undecodable: 'SAML values that could not be decoded (removed)',
};

const KIND_ORDER: RedactionKind[] = ['cookie', 'credential', 'secret', 'nameid', 'session', 'email', 'name', 'attribute', 'undecodable'];

export interface PreviewLine {
  kind: RedactionKind;
  label: string;
  /** Replacements of this kind (one value replaced in one place counts once). */
  count: number;
  /** Up to `maxExamples` distinct places, e.g. `request header Cookie`; never a captured value. */
  places: string[];
  morePlaces: number;
}

export interface PreviewSummary {
  profile: RedactionProfile;
  lines: PreviewLine[];
  total: number;
  /** Entries whose content changed: their signatures are shown as verdicts captured before redaction. */
  redactedEntries: number;
  pseudonyms: number;
  /** What the format cannot hold, and ids that were not found: shown, never dropped silently. */
  notes: string[];
  /** A plain-words caution for the profile, if any. */
  caution?: string;
}

/**
 * The preview shown before saving: counts and places per kind from the core's redaction report. The
 * report never holds an original value, and neither does this (places are names like `query password`).
 */
export function previewSummary(redaction: RedactionReport, notes: readonly ExportNote[], maxExamples = 3): PreviewSummary {
  const places = new Map<RedactionKind, Set<string>>();
  for (const r of redaction.replacements) {
    const set = places.get(r.kind) ?? new Set<string>();
    set.add(r.where);
    places.set(r.kind, set);
  }
  const lines: PreviewLine[] = KIND_ORDER.filter((k) => (redaction.counts[k] ?? 0) > 0).map((kind) => {
    const all = [...(places.get(kind) ?? [])];
    return { kind, label: KIND_LABEL[kind], count: redaction.counts[kind], places: all.slice(0, maxExamples), morePlaces: Math.max(0, all.length - maxExamples) };
  });
  const caution =
    redaction.profile === 'none'
      ? 'No redaction: cookies, tokens and personal data are in the file as captured. Keep it on this machine.'
      : redaction.profile === 'support'
        ? 'Personal data (NameID, e-mail addresses, names, attribute values) stays in the file. Choose Share for a file that leaves your team.'
        : undefined;
  return {
    profile: redaction.profile,
    lines,
    total: lines.reduce((n, l) => n + l.count, 0),
    redactedEntries: redaction.redactedEntries.length,
    pseudonyms: redaction.pseudonyms,
    notes: notes.map((n) => (n.entry ? `${n.entry}: ${n.message}` : n.message)),
    ...(caution ? { caution } : {}),
  };
}

/** A file name for the HTML report: the flow (if one) and the time, safe on every file system. */
export function reportFileName(now: Date, flow?: string): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const part = flow ? `-flow-${flow.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40)}` : '';
  return `saml-lens-report${part}-${stamp}.html`;
}
