import type { OrderedFix } from '../idp';
import type { Report } from '../model';
import { VERDICT_MARK as MARK, plural } from '../verdict/words';
import { ticketView, type TicketReportOptions, type ViewFinding } from './report-view';
import { printableDeep } from '../printable';

/**
 * Captured text must not turn into Markdown (a planted `![](https://…)` would load an image in the ticket tool),
 * and what cannot start Markdown stays as it is, so the raw ticket reads well (`full_name`, `(e.g. email)`):
 * backslashes, code spans, emphasis stars, brackets (no link or image without them), HTML, tildes, table pipes;
 * an underscore only where it can open or close emphasis (not inside a word); and a block marker at the start.
 */
export function mdText(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*[\]<>~|]/g, '\\$&')
    .replace(/_/g, (u, at: number, all: string) => (/[\p{L}\p{N}]/u.test(all[at - 1] ?? '') && /[\p{L}\p{N}]/u.test(all[at + 1] ?? '') ? u : '\\_'))
    .replace(/^(\s*)([#+=-])/, '$1\\$2');
}


function fence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const f = '`'.repeat(longest + 1);
  return `${f}xml\n${text}\n${f}`;
}

const indent = (t: string, pad: string) =>
  t
    .split('\n')
    .map((l) => `${pad}${mdText(l)}`)
    .join('\n');

/** The recognised IdP's fix inline; the general fix and the other IdPs folded away (GitHub and most trackers render `<details>`). */
function fixLines(fix: OrderedFix): string[] {
  const out = [`  - ${fix.firstLabel}:\n${indent(fix.first.text, '    ')}`];
  if (fix.others.length) {
    out.push(`  - <details><summary>${fix.othersLabel}</summary>`, '');
    for (const e of fix.others) out.push(`    - ${e.name}:\n${indent(e.text, '      ')}`);
    out.push('', '    </details>');
  }
  return out;
}

function finding(f: ViewFinding): string[] {
  // A grouped finding's words start with the title already.
  const title = f.title && !f.message.startsWith(f.title) ? ` (${mdText(f.title)})` : '';
  const out = [`- **${f.severity}** \`${f.rule}\`${title}: ${mdText(f.message)}${f.location ? ` at \`${f.location.replace(/`/g, '')}\`` : ''}`];
  for (const i of f.instances ?? []) out.push(`  - ${mdText(i.message)}${i.location ? ` at \`${i.location.replace(/`/g, '')}\`` : ''}`);
  for (const k of f.consequences ?? []) out.push(`  - also \`${k.rule}\` (${k.severity}), same cause: ${mdText(k.message)}`);
  if (f.fix) out.push(...fixLines(f.fix));
  if (f.spec) out.push(`  - Spec: ${mdText(f.spec)}`);
  return out;
}

/** "Copy findings as Markdown": a flow or a whole trace, redacted with the chosen profile (default `support`). */
export function reportMarkdown(report: Report, opts: TicketReportOptions = {}): string {
  const v = printableDeep(ticketView(report, opts));
  const out: string[] = [`# ${mdText(v.title)}`, ''];
  if (v.verdict) out.push(`> **${MARK[v.verdict.level]} ${mdText(v.verdict.text)}**`, '');
  out.push(`Generated ${v.generatedAt} by SAML Lens. Redaction profile: **${v.profile}**.`, '');
  out.push(`**${plural(v.counts.errors, 'error')}, ${plural(v.counts.warnings, 'warning')}, ${v.counts.infos} info.**`, '');
  for (const [k, val] of v.summary) out.push(`- ${k}: ${mdText(val)}`);
  if (v.traceFindings.length) {
    out.push('', '## Trace findings', '');
    for (const f of v.traceFindings) out.push(...finding(f));
  }
  for (const flow of v.flows) {
    out.push('', `## Flow ${mdText(flow.id)} (${flow.kind}${flow.about ? `, ${mdText(flow.about)}` : ''}${flow.worst ? `, worst: ${flow.worst}` : ''})`);
    if (flow.verdict && v.flows.length > 1) out.push('', `**${MARK[flow.verdict.level]} ${mdText(flow.verdict.text)}**`);
    for (const m of flow.messages) {
      out.push('', `### ${mdText(m.heading)}`, '');
      for (const [k, val] of m.facts) out.push(`- ${k}: ${mdText(val)}`);
      for (const a of m.attributes) out.push(`- Attribute ${mdText(a.name)}: ${a.values.map(mdText).join(', ')}`);
      for (const s of m.signatures) out.push(`- Signature on \`${s.target.replace(/`/g, '')}\`: **${s.status}**, ${mdText(s.reason)}`);
      if (m.findings.length) {
        out.push('', '#### Findings', '');
        for (const f of m.findings) out.push(...finding(f));
      } else {
        out.push('', 'No findings.');
      }
      if (m.xml !== undefined) out.push('', `Decoded XML${m.xmlCut ? ' (cut)' : ''}:`, '', fence(m.xml));
    }
  }
  return `${out.join('\n')}\n`;
}
