import type { Severity } from '../model';
import { differenceTitle } from './headline';
import type { Comparison, ComparisonSide, Difference, Importance, OneSidedFinding } from './types';

/** A finding a difference explains, with the side that has it. */
export interface ExplainedFinding {
  side: 'A' | 'B';
  rule: string;
  severity: Severity;
  message: string;
  in: string;
  /** Already shown in full under an earlier difference: renderings name it only. */
  repeat: boolean;
}

export interface DifferenceView {
  importance: Importance;
  label: string;
  /** `changed`, `only in A`, `only in B`. */
  change: string;
  /** The values as lines of text; an empty list: none on that side. */
  a: string[];
  b: string[];
  detail?: { a?: string; b?: string };
  explains: ExplainedFinding[];
}

/** What every rendering of a comparison shows, in the order it shows it (text, Markdown, the panel). */
export interface ComparisonView {
  headline: string;
  matters: boolean;
  sides: Array<{ name: 'A' | 'B'; text: string }>;
  judged: string;
  tally: string;
  notes: string[];
  differences: DifferenceView[];
  onlyA: OneSidedFinding[];
  onlyB: OneSidedFinding[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function sideText(s: ComparisonSide): string {
  const kinds = s.messages.map((m) => m.kind).join(', ');
  const where = s.scope === 'flow' && s.flow ? `flow ${s.flow.number} (${s.flow.kind}: ${kinds})` : `message ${(s.messages[0]?.index ?? 0) + 1} (${kinds})`;
  const counts = `${plural(s.counts.errors, 'error')}, ${plural(s.counts.warnings, 'warning')}`;
  return `${s.input}, ${where}; ${counts}${s.flow?.outcome ? `; ${s.flow.outcome}` : ''}${s.pseudonymised ? '; pseudonymised' : ''}`;
}

export function valueLines(v: Difference['a']): string[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v.length ? v : ['(no value)'];
  return [v === '' ? '(empty)' : v];
}

function explained(d: Difference, c: Comparison, shown: Set<OneSidedFinding>): ExplainedFinding[] {
  const out: ExplainedFinding[] = [];
  for (const rule of d.explains ?? []) {
    for (const [side, list] of [['A', c.findings.onlyA], ['B', c.findings.onlyB]] as const) {
      for (const f of list) {
        if (f.rule !== rule || (d.message !== undefined && f.in !== d.message)) continue;
        out.push({ side, rule, severity: f.severity, message: f.message, in: f.in, repeat: shown.has(f) });
        shown.add(f);
      }
    }
  }
  return out;
}

export function comparisonView(c: Comparison): ComparisonView {
  const s = c.summary;
  const shown = new Set<OneSidedFinding>();
  const parts = (['critical', 'major', 'minor', 'cosmetic'] as const).filter((i) => s[i] > 0).map((i) => `${s[i]} ${i}`);
  return {
    headline: s.headline,
    matters: s.matters,
    sides: [
      { name: 'A', text: sideText(c.a) },
      { name: 'B', text: sideText(c.b) },
    ],
    judged: `Both sides judged with profile ${c.profile}, times at ${c.at}.`,
    tally: s.differences ? `${plural(s.differences, 'difference')} (${parts.join(', ')})` : 'No differences',
    notes: c.notes,
    differences: c.differences.map((d) => ({
      importance: d.importance,
      label: differenceTitle(d),
      change: d.kind === 'changed' ? 'changed' : d.kind === 'added' ? 'only in B' : 'only in A',
      a: valueLines(d.a),
      b: valueLines(d.b),
      ...(d.detail ? { detail: d.detail } : {}),
      explains: explained(d, c, shown),
    })),
    onlyA: c.findings.onlyA,
    onlyB: c.findings.onlyB,
  };
}
