import type { OrderedFix } from '../idp';
import type { Report } from '../model';
import { VERDICT_MARK as MARK, plural } from '../verdict/words';
import { ticketView, type TicketReportOptions, type ViewFinding } from './report-view';
import { printableDeep } from '../printable';

export function htmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// Inline and self-contained: the file is attached to tickets and opened offline; nothing may load from anywhere.
const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1f24;background:#fff}
h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.05rem;margin-top:1.5rem}
table{border-collapse:collapse;margin:.4rem 0}td,th{border:1px solid #d0d7de;padding:.2rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa;font-weight:600}
.error{color:#b42318}.warning{color:#9a6700}.info{color:#0b5cad}.valid{color:#1a7f37}.invalid{color:#b42318}.untrusted,.unchecked{color:#9a6700}
.finding{border-left:4px solid #d0d7de;padding:.3rem .7rem;margin:.5rem 0;background:#f6f8fa}
.finding.error{border-color:#b42318}.finding.warning{border-color:#9a6700}.finding.info{border-color:#0b5cad}
.finding p{color:#1b1f24;margin:.3rem 0}.fix{white-space:pre-wrap}
.other-fixes summary{cursor:pointer;color:#0b5cad}
pre{background:#f6f8fa;padding:.6rem;overflow:auto;white-space:pre-wrap;word-break:break-all;font-size:12px}
code{font-family:ui-monospace,SFMono-Regular,Consolas,monospace}
.verdict{border:2px solid #d0d7de;border-radius:6px;padding:.6rem .9rem;margin:1rem 0;font-size:1.05rem}
.verdict.error{border-color:#b42318}.verdict.warning{border-color:#9a6700}.verdict.ok{border-color:#1a7f37}
.verdict p{margin:.2rem 0;color:inherit}.verdict .fix{font-size:.95rem}
@media (prefers-color-scheme:dark){
body{color:#e6edf3;background:#0d1117}
h2{border-color:#30363d}td,th{border-color:#30363d}th{background:#161b22}
.finding,pre{background:#161b22}.finding{border-color:#30363d}.finding p{color:#e6edf3}
.error,.invalid{color:#ff7b72}.warning,.untrusted,.unchecked{color:#d29922}.info,.other-fixes summary{color:#79c0ff}.valid{color:#3fb950}
.finding.error,.verdict.error{border-color:#ff7b72}.finding.warning,.verdict.warning{border-color:#d29922}.finding.info{border-color:#79c0ff}.verdict.ok{border-color:#3fb950}
}
`;


/** The answer first: one sentence with the cause and the fix, then the rest of a multi-line fix. */
function verdictHtml(v: NonNullable<ReturnType<typeof ticketView>['verdict']>): string {
  const more = v.fix?.split('\n').slice(1) ?? [];
  return (
    `<div class="verdict ${v.level}"><p><strong class="${v.level === 'ok' ? 'valid' : v.level}">${MARK[v.level]}</strong> <strong>${htmlEscape(v.text)}</strong></p>` +
    `${more.length ? `<p class="fix">${htmlEscape(more.join('\n'))}</p>` : ''}</div>`
  );
}

const fixEntry = (label: string, text: string) => `<p><strong>${htmlEscape(label)}:</strong></p><p class="fix">${htmlEscape(text)}</p>`;

/** The recognised IdP's fix open; the general fix and the other IdPs in one closed `<details>` (no script needed). */
function fixHtml(fix: OrderedFix): string {
  const first = fixEntry(fix.firstLabel, fix.first.text);
  if (!fix.others.length) return first;
  const others = fix.others.map((e) => fixEntry(e.name, e.text)).join('');
  return `${first}<details class="other-fixes"><summary>${htmlEscape(fix.othersLabel)}</summary>${others}</details>`;
}

function finding(f: ViewFinding): string {
  const instances = f.instances?.length
    ? `<ul>${f.instances.map((i) => `<li>${htmlEscape(i.message)}${i.location ? ` <code>${htmlEscape(i.location)}</code>` : ''}</li>`).join('')}</ul>`
    : '';
  const also = (f.consequences ?? []).map((k) => `<p>Also <code>${htmlEscape(k.rule)}</code> (${htmlEscape(k.severity)}), same cause: ${htmlEscape(k.message)}</p>`).join('');
  const fixes = instances + also + (f.fix ? fixHtml(f.fix) : '');
  return (
    `<div class="finding ${f.severity}"><strong class="${f.severity}">${f.severity}</strong> <code>${htmlEscape(f.rule)}</code>` +
    `${f.title ? ` ${htmlEscape(f.title)}` : ''}<p>${htmlEscape(f.message)}${f.location ? ` <code>${htmlEscape(f.location)}</code>` : ''}</p>` +
    `${f.why ? `<p>${htmlEscape(f.why)}</p>` : ''}${fixes}${f.spec ? `<p>Spec: ${htmlEscape(f.spec)}</p>` : ''}</div>`
  );
}

function rows(pairs: Array<[string, string]>): string {
  return `<table>${pairs.map(([k, v]) => `<tr><th>${htmlEscape(k)}</th><td>${htmlEscape(v)}</td></tr>`).join('')}</table>`;
}

/**
 * "Save HTML report": one self-contained file (inline CSS, no script, no external resource; a CSP forbids
 * loading anything even if a future change slipped). Every captured string is HTML-escaped.
 */
export function reportHtml(report: Report, opts: TicketReportOptions = {}): string {
  const v = printableDeep(ticketView(report, opts));
  const body: string[] = [`<h1>${htmlEscape(v.title)}</h1>`];
  if (v.verdict) body.push(verdictHtml(v.verdict));
  body.push(`<p>Generated ${htmlEscape(v.generatedAt)} by SAML Lens. Redaction profile: <strong>${htmlEscape(v.profile)}</strong>.</p>`);
  body.push(
    `<p><strong class="error">${plural(v.counts.errors, 'error')}</strong>, <strong class="warning">${plural(v.counts.warnings, 'warning')}</strong>, <strong class="info">${v.counts.infos} info</strong>.</p>`,
  );
  body.push(rows(v.summary));
  if (v.traceFindings.length) body.push('<h2>Trace findings</h2>', ...v.traceFindings.map(finding));
  for (const flow of v.flows) {
    body.push(`<h2>Flow ${htmlEscape(flow.id)} (${htmlEscape(flow.kind)}${flow.about ? `, ${htmlEscape(flow.about)}` : ''}${flow.worst ? `, worst: ${htmlEscape(flow.worst)}` : ''})</h2>`);
    if (flow.verdict && v.flows.length > 1) body.push(verdictHtml(flow.verdict));
    for (const m of flow.messages) {
      body.push(`<h3>${htmlEscape(m.heading)}</h3>`, rows(m.facts));
      if (m.attributes.length) body.push(rows(m.attributes.map((a) => [`Attribute ${a.name}`, a.values.join(', ')])));
      if (m.signatures.length) {
        body.push(
          `<table><tr><th>Signed element</th><th>Verdict</th><th>Why</th></tr>${m.signatures
            .map((s) => `<tr><td><code>${htmlEscape(s.target)}</code></td><td class="${htmlEscape(s.status)}">${htmlEscape(s.status)}</td><td>${htmlEscape(s.reason)}</td></tr>`)
            .join('')}</table>`,
        );
      }
      body.push(m.findings.length ? m.findings.map(finding).join('') : '<p>No findings.</p>');
      if (m.xml !== undefined) body.push(`<p>Decoded XML${m.xmlCut ? ' (cut)' : ''}:</p><pre><code>${htmlEscape(m.xml)}</code></pre>`);
    }
  }
  return (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${htmlEscape(v.title)}</title><style>${CSS}</style></head><body>\n${body.join('\n')}\n</body></html>\n`
  );
}
