import type { MessageKind, MessageReport, Severity } from '../../core/model';
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

/** Every whitespace-separated term must occur somewhere in the message. */
export function textMatches(m: MessageReport, text: string): boolean {
  const terms = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const h = haystack(m);
  return terms.every((t) => h.includes(t));
}

export function messageMatches(m: MessageReport, f: MessageFilter): boolean {
  if (f.kinds.length > 0 && !f.kinds.includes(m.kind)) return false;
  if (f.minSeverity !== undefined && severityRank(worstSeverity(m.findings)) > severityRank(f.minSeverity)) return false;
  return textMatches(m, f.text);
}

/** A non-SAML request only matches a plain text filter (it has no kind and no findings). */
export function otherRequestMatches(url: string, method: string, f: MessageFilter): boolean {
  if (f.kinds.length > 0 || f.minSeverity !== undefined) return false;
  const terms = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  const h = `${method}\n${url}`.toLowerCase();
  return terms.every((t) => h.includes(t));
}
