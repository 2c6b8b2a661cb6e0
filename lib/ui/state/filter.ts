import type { MessageKind, MessageReport, Severity, TraceEntry } from '../../core/model';
import { severityRank, worstSeverity } from './severity';

export interface MessageFilter {
  /** Free text, case-insensitive, matched against everything a person might search for. */
  text: string;
  /** Empty means every kind. */
  kinds: MessageKind[];
  /** Show only messages whose worst finding is at least this severe; undefined shows all. */
  minSeverity?: Severity;
}

export const EMPTY_FILTER: MessageFilter = { text: '', kinds: [] };

export function isFilterActive(f: MessageFilter): boolean {
  return f.text.trim() !== '' || f.kinds.length > 0 || f.minSeverity !== undefined;
}

// Rebuilding the search text of 5,000 messages on every key press is wasted work: the report objects are
// replaced (never mutated) when the analysis re-runs, so a WeakMap keyed by them stays correct.
const haystacks = new WeakMap<MessageReport, string>();

function haystack(m: MessageReport): string {
  let h = haystacks.get(m);
  if (h !== undefined) return h;
  const parts: Array<string | undefined> = [
    m.kind, m.binding, m.parameter, m.method, m.url, m.issuer, m.destination, m.id, m.inResponseTo,
    m.relayState, m.nameId?.value, m.nameId?.format, m.status?.code, m.status?.message, ...(m.status?.subCodes ?? []),
  ];
  for (const a of m.attributes) parts.push(a.name, ...a.values);
  for (const f of m.findings) parts.push(f.rule, f.message);
  h = parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n').toLowerCase();
  haystacks.set(m, h);
  return h;
}

function termsOf(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Every whitespace-separated term must occur somewhere in the message. */
export function textMatches(m: MessageReport, text: string): boolean {
  const terms = termsOf(text);
  return terms.length === 0 || matchesTerms(haystack(m), terms);
}

function matchesTerms(h: string, terms: readonly string[]): boolean {
  for (const t of terms) if (!h.includes(t)) return false;
  return true;
}

export function messageMatches(m: MessageReport, f: MessageFilter): boolean {
  return compileFilter(f).message(m);
}

/** A non-SAML request only matches a plain text filter (it has no kind and no findings). */
export function otherRequestMatches(e: TraceEntry, f: MessageFilter): boolean {
  return compileFilter(f).other(e);
}

// As for messages: entries are replaced, never mutated, when the capture is read again.
const otherHaystacks = new WeakMap<TraceEntry, string>();

function otherHaystack(e: TraceEntry): string {
  let h = otherHaystacks.get(e);
  if (h === undefined) otherHaystacks.set(e, (h = `${e.method}\n${e.url}`.toLowerCase()));
  return h;
}

/**
 * The filter as two tests, its text split once: a list of 5,000 requests is filtered on every key press, so each
 * row costs a lookup of its lower-cased search text and a few `includes`.
 */
export function compileFilter(f: MessageFilter): { message(m: MessageReport): boolean; other(e: TraceEntry): boolean } {
  const terms = termsOf(f.text);
  const kinds = f.kinds.length > 0 ? new Set(f.kinds) : undefined;
  const worst = f.minSeverity === undefined ? undefined : severityRank(f.minSeverity);
  return {
    message(m) {
      if (kinds && !kinds.has(m.kind)) return false;
      if (worst !== undefined && severityRank(worstSeverity(m.findings)) > worst) return false;
      return terms.length === 0 || matchesTerms(haystack(m), terms);
    },
    other(e) {
      if (kinds || worst !== undefined) return false;
      return terms.length === 0 || matchesTerms(otherHaystack(e), terms);
    },
  };
}
