import { mdText } from '../trace/report-markdown';
import type { Comparison, OneSidedFinding } from './types';
import { comparisonView, type ExplainedFinding } from './view';
import { printableDeep } from '../printable';

function findingText(f: OneSidedFinding | ExplainedFinding, side?: string): string {
  return `**${f.severity}** \`${f.rule}\`${side ? ` on ${side}` : ''} (${mdText(f.in)}): ${mdText(f.message)}`;
}

/**
 * A comparison as Markdown for a ticket. Redact it first (redactComparison) with the profile the reader may
 * see; every captured string is escaped so it cannot become a link or an image.
 */
export function comparisonMarkdown(c: Comparison, opts: { title?: string; generatedAt?: string } = {}): string {
  const v = printableDeep(comparisonView(c));
  const out: string[] = [`# ${mdText(opts.title ?? 'SAML Lens comparison')}`, ''];
  out.push(`Generated ${opts.generatedAt ?? new Date().toISOString()} by SAML Lens.`, '');
  out.push(`**What matters most:** ${mdText(v.headline)}`, '');
  for (const s of v.sides) out.push(`- ${s.name}: ${mdText(s.text)}`);
  out.push(`- ${mdText(v.judged)}`);
  for (const n of v.notes) out.push('', `> ${mdText(n)}`);
  out.push('', `## ${v.tally}`);
  v.differences.forEach((d, i) => {
    out.push('', `### ${i + 1}. ${d.importance}: ${mdText(d.label)} (${d.change})`, '');
    for (const [side, lines, detail] of [['A', d.a, d.detail?.a], ['B', d.b, d.detail?.b]] as const) {
      out.push(`- ${side}: ${lines.length ? lines.map(mdText).join('; ') : '(none)'}${detail ? ` (${mdText(detail)})` : ''}`);
    }
    for (const f of d.explains) out.push(`- Explains ${f.repeat ? `**${f.severity}** \`${f.rule}\` on ${f.side} (above)` : findingText(f, f.side)}`);
  });
  for (const [name, list] of [['A', v.onlyA], ['B', v.onlyB]] as const) {
    out.push('', `## Findings only in ${name}`, '');
    out.push(...(list.length ? list.map((f) => `- ${findingText(f)}${f.explained ? '' : ' *(no compared field explains it)*'}`) : ['None.']));
  }
  return `${out.join('\n')}\n`;
}
