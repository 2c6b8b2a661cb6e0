import type { CapturedSignatures, Report, TraceEntry } from '../../model';
import { EntryWalker } from './entry';
import type { RedactionProfile } from './profiles';
import { Redactor, type RedactionKind, type Replacement } from './redactor';

export { REDACTION_PROFILES, REDACTED, isRedactionProfile, type RedactionProfile } from './profiles';
export type { RedactionKind, Replacement } from './redactor';

/** The preview a user sees before saving: what was replaced where, never the original values. */
export interface RedactionReport {
  profile: RedactionProfile;
  /** Entries whose request content (URL, form, body, saved XML) changed: their signatures no longer verify. */
  redactedEntries: string[];
  replacements: Replacement[];
  counts: Record<RedactionKind, number>;
  /** Distinct personal values replaced by a pseudonym. */
  pseudonyms: number;
}

export interface Redaction {
  entries: TraceEntry[];
  report: RedactionReport;
  /** Applies the same table to any other captured text going into the same export (findings, settings). */
  sweep<T>(value: T, where: string): T;
}

export interface RedactOptions {
  /** The report computed BEFORE redaction: its signature verdicts are attached to the entries redaction changes. */
  report?: Report;
}

/**
 * Applies a redaction profile to entries, for export and for its preview. Pure: the input is not changed.
 * A credential or personal value learnt anywhere is removed everywhere, in every entry of the export.
 */
export function redact(entries: TraceEntry[], profile: RedactionProfile = 'support', opts: RedactOptions = {}): Redaction {
  const r = new Redactor(profile);
  const walker = new EntryWalker(r);
  for (const e of entries) walker.entry(e);
  r.mode = 'apply';
  const captured = capturedByEntry(opts.report, r);
  const redactedEntries: string[] = [];
  const out = entries.map((e) => {
    const next = walker.entry(e);
    if (!contentChanged(e, next)) return next;
    redactedEntries.push(e.id);
    const verdicts = captured.get(e.id) ?? e.capturedSignatures;
    return { ...next, redacted: true, ...(verdicts ? { capturedSignatures: verdicts } : {}) };
  });
  const counts: Record<RedactionKind, number> = {
    cookie: 0,
    credential: 0,
    secret: 0,
    nameid: 0,
    session: 0,
    attribute: 0,
    name: 0,
    email: 0,
    undecodable: 0,
  };
  for (const rep of r.replacements) counts[rep.kind] += rep.count;
  return {
    entries: out,
    report: { profile, redactedEntries, replacements: r.replacements, counts, pseudonyms: r.pseudonyms.size },
    sweep: (value, where) => {
      r.entry = undefined;
      return r.sweepDeep(value, where);
    },
  };
}

function contentChanged(a: TraceEntry, b: TraceEntry): boolean {
  return (
    a.url !== b.url ||
    a.body !== b.body ||
    a.savedXml !== b.savedXml ||
    a.redirectUrl !== b.redirectUrl ||
    !sameFields(a.formFields, b.formFields)
  );
}

function sameFields(a: TraceEntry['formFields'], b: TraceEntry['formFields']): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every(([name, value], i) => b[i]?.[0] === name && b[i]?.[1] === value);
}

function capturedByEntry(report: Report | undefined, r: Redactor): Map<string, CapturedSignatures[]> {
  const map = new Map<string, CapturedSignatures[]>();
  for (const m of report?.messages ?? []) {
    const list = map.get(m.entry) ?? [];
    // A certificate subject can name a person: the verdicts go through the same table.
    list.push({ parameter: m.parameter, verdicts: r.sweepDeep(m.signatures, 'captured signature verdicts') });
    map.set(m.entry, list);
  }
  return map;
}
