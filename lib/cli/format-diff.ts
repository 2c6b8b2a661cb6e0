import type { Comparison } from '../core/compare';
import { comparisonView, type ExplainedFinding } from '../core/compare';
import type { OneSidedFinding } from '../core/compare';
import { printableDeep } from '../core/printable';

function paint(on: boolean) {
  const wrap = (code: string) => (s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { red: wrap('31'), yellow: wrap('33'), cyan: wrap('36'), dim: wrap('2'), bold: wrap('1'), green: wrap('32') };
}

/** Captured values can hold newlines and indentation (pretty-printed XML); a terminal line shows them collapsed. */
const oneLine = (v: string) => v.replace(/\s+/g, ' ').trim();

/**
 * The `--json` document of `saml-lens diff` (schemaVersion 1, documented in the README). The fields equal
 * on both sides are many and personal, so they stay out unless asked for.
 */
export function formatDiffJson(c: Comparison, opts: { includeSame: boolean }): string {
  const { same, ...rest } = c;
  return JSON.stringify(opts.includeSame ? { ...rest, same } : rest, null, 2) + '\n';
}

/** The comparison as a person reads it in a terminal: what matters most first, then each difference. */
export function formatDiffHuman(c: Comparison, opts: { color: boolean }): string {
  const p = paint(opts.color);
  // A terminal acts on the control characters a capture can hold (lib/core/printable.ts).
  const v = printableDeep(comparisonView(c));
  const severity = (s: string) => (s === 'error' ? p.red(s) : s === 'warning' ? p.yellow(s) : p.cyan(s));
  const importance = (i: string) => (i === 'critical' ? p.red(i) : i === 'major' ? p.yellow(i) : i === 'minor' ? p.cyan(i) : p.dim(i));
  const finding = (f: OneSidedFinding | ExplainedFinding) => `${severity(f.severity)} ${p.bold(f.rule)} (${f.in}) ${oneLine(f.message)}`;
  const out: string[] = [p.bold('SAML Lens diff')];
  for (const s of v.sides) out.push(`  ${p.bold(s.name)}  ${s.text}`);
  out.push(p.dim(`  ${v.judged}`), '', `${p.bold('What matters most:')} ${v.headline}`);
  for (const n of v.notes) out.push(p.dim(`note: ${n}`));
  out.push('', p.bold(v.tally));
  for (const d of v.differences) {
    out.push(`  ${importance(d.importance.padEnd(8))} ${p.bold(d.label)}  ${p.dim(d.change)}`);
    for (const [side, lines, detail] of [['A', d.a, d.detail?.a], ['B', d.b, d.detail?.b]] as const) {
      out.push(`      ${side}  ${lines.length ? lines.map(oneLine).join(' | ') : p.dim('(none)')}`);
      if (detail) out.push(p.dim(`         ${oneLine(detail)}`));
    }
    for (const f of d.explains) out.push(`      explains on ${f.side}: ${f.repeat ? `${severity(f.severity)} ${p.bold(f.rule)}` : finding(f)}`);
  }
  for (const [name, list] of [['A', v.onlyA], ['B', v.onlyB]] as const) {
    out.push('', p.bold(`Findings only in ${name}:`) + (list.length ? '' : ' none'));
    for (const f of list) out.push(`    ${f.explained ? `${severity(f.severity)} ${p.bold(f.rule)} (${f.in}) ${p.dim('explained above')}` : `${finding(f)}${p.dim('  (no compared field explains it)')}`}`);
  }
  out.push('', v.matters ? p.red('Something that matters differs.') : p.green('Nothing that matters differs.'));
  return out.join('\n') + '\n';
}
