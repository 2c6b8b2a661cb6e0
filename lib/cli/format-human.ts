import type { IdpProduct } from '../core/idp';
import type { Finding, MessageReport, Report, SignatureVerdict } from '../core/model';
import { fixFor, messageIdp, thousands, traceIdp } from './core-api';
import type { RuleLookup } from './rule-doc';
import { OUTCOME_LABEL, idpLabel } from './core-api';

export interface HumanOptions {
  color: boolean;
  /** Show the fix for each finding (default true). */
  fixes: boolean;
  /** Show every IdP's fix, not just the recognised one's (`--verbose`). */
  verbose?: boolean;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function paint(on: boolean) {
  const wrap = (code: string) => (s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { red: wrap('31'), yellow: wrap('33'), cyan: wrap('36'), dim: wrap('2'), bold: wrap('1'), green: wrap('32') };
}

/** Pretty-printed XML puts newlines and indentation around values; a terminal line shows them collapsed. */
const oneLine = (v: string) => v.replace(/\s+/g, ' ').trim();

/** A Redirect URL carries kilobytes of query: the terminal line keeps the parameter names, not their values. */
function shortUrl(url: string): string {
  const q = url.indexOf('?');
  if (url.length <= 120 || q < 0) return url;
  const names = url
    .slice(q + 1)
    .split('&')
    .map((pair) => `${pair.split('=')[0]}=…`);
  return `${url.slice(0, q)}?${names.join('&')}`;
}

function arrow(m: MessageReport): string {
  if (m.direction === 'to-idp') return 'SP → IdP';
  if (m.direction === 'to-sp') return 'IdP → SP';
  return '';
}

function signatureLine(s: SignatureVerdict): string {
  const alg = s.signatureAlgorithm?.replace(/^.*[#-]/, '').toUpperCase();
  const cert = s.certificateSha256 ? ` cert SHA-256 ${s.certificateSha256.slice(0, 16)}…` : '';
  return `${s.targetKind} ${s.status}${alg ? ` (${alg})` : ''}${cert}: ${s.reason}`;
}

function indentLines(text: string, pad: string): string {
  return text
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

const PAD = '            ';

/**
 * The recognised IdP's fix (or the general one), then one line naming the others; `--verbose` prints them all.
 * The order is the core's (`fixFor`), the same as in the reports and the panel.
 */
function fixLines(doc: NonNullable<ReturnType<RuleLookup>>, idp: IdpProduct, opts: HumanOptions): string[] {
  const c = paint(opts.color);
  const fix = fixFor(doc.fix, idp);
  const lines = [indentLines(`${fix.firstLabel}: ${fix.first.text}`, PAD)];
  if (opts.verbose) {
    for (const e of fix.others) lines.push(indentLines(`${e.name}: ${e.text}`, PAD));
  } else if (fix.others.length) {
    const idps = fix.others.filter((e) => e.product !== 'general').map((e) => e.name);
    const general = fix.others.length > idps.length ? 'the general fix' : '';
    const names = idps.length ? `Other IdPs: ${idps.join(', ')}${general ? ` (and ${general})` : ''}` : `Also ${general}`;
    lines.push(c.dim(`${PAD}${names}; --verbose shows their steps`));
  }
  return lines;
}

function findingLines(f: Finding, lookup: RuleLookup, opts: HumanOptions, idp: IdpProduct): string[] {
  const c = paint(opts.color);
  const sev = f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.cyan('info   ');
  const lines = [`    ${sev} ${c.bold(f.rule)}  ${f.message}`];
  if (f.location) lines.push(c.dim(`            at ${f.location}`));
  const doc = lookup(f.rule);
  if (opts.fixes && doc && f.severity !== 'info') {
    lines.push(...fixLines(doc, idp, opts));
    if (doc.spec) lines.push(c.dim(`            Spec: ${doc.spec}`));
  }
  return lines;
}

function messageBlock(m: MessageReport, lookup: RuleLookup, opts: HumanOptions, idp: IdpProduct): string[] {
  const c = paint(opts.color);
  const head = `  ${c.bold(m.kind)}  ${m.binding}  ${arrow(m)}  ${m.method} ${m.url ? shortUrl(m.url) : '(pasted)'}${m.capturedAt ? c.dim(`  ${m.capturedAt}`) : ''}`;
  const lines = [head];
  const facts: string[] = [];
  if (m.id) facts.push(`ID ${m.id}`);
  if (m.inResponseTo) facts.push(`InResponseTo ${m.inResponseTo}`);
  if (m.issuer) facts.push(`Issuer ${m.issuer}`);
  if (m.destination) facts.push(`Destination ${m.destination}`);
  if (m.path) facts.push(`at ${m.path}`);
  if (facts.length) lines.push(c.dim(`    ${facts.join(' · ')}`));
  if (m.status?.code) {
    const codes = [m.status.code, ...m.status.subCodes].map((s) => s.replace(/^urn:oasis:names:tc:SAML:2\.0:status:/, '')).join(' / ');
    lines.push(`    Status ${codes}${m.status.message ? ` ("${m.status.message}")` : ''}`);
  }
  if (m.nameId) lines.push(`    NameID ${m.nameId.value}${m.nameId.format ? c.dim(` (${m.nameId.format})`) : ''}`);
  if (m.attributes.length) {
    const shown = m.attributes
      .slice(0, 12)
      .map((a) => `${a.name}=${a.values.slice(0, 3).map(oneLine).join(', ')}${a.values.length > 3 ? ', …' : ''}`);
    lines.push(`    Attributes ${shown.join('; ')}${m.attributes.length > 12 ? `; … (${m.attributes.length} in all)` : ''}`);
  }
  for (const s of m.signatures) lines.push(`    Signature ${signatureLine(s)}`);
  const findings = [...m.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  for (const f of findings) lines.push(...findingLines(f, lookup, opts, idp));
  if (!findings.length) lines.push(c.green('    no findings'));
  return lines;
}

/** The report as a person reads it in a terminal: messages grouped by flow, findings with their fixes. */
export function formatHuman(report: Report, lookup: RuleLookup, opts: HumanOptions): string {
  const c = paint(opts.color);
  const s = report.summary;
  const out: string[] = [
    c.bold(`SAML Lens: ${s.messages} message${s.messages === 1 ? '' : 's'} in ${s.flows} flow${s.flows === 1 ? '' : 's'}`) +
      c.dim(` (profile ${s.profile}, times judged at ${s.at})`),
  ];
  const withSaml = new Set(report.messages.map((m) => m.entry)).size;
  // The other requests of a HAR are kept as context (redirects, pages): say they were read, not lost.
  if (s.entries > withSaml) out.push(c.dim(`${thousands(s.entries)} requests read, ${thousands(withSaml)} with a SAML message`));
  if (!report.messages.length) out.push('', 'No SAML, WS-Federation or artifact message found in the input.');
  report.flows.forEach((flow, i) => {
    const outcome = flow.outcome ?? 'unknown';
    const paintOutcome = outcome === 'signed-in' ? c.green : outcome.startsWith('refused') ? c.red : outcome === 'abandoned' ? c.yellow : c.dim;
    out.push('', `${c.bold(`Flow ${i + 1} · ${flow.kind} · ${idpLabel(flow.idp)}`)} · ${paintOutcome(OUTCOME_LABEL[outcome])}`);
    if (flow.idp?.evidence.length) out.push(c.dim(`  IdP recognised from: ${flow.idp.evidence.slice(0, 2).join('; ')}`));
    for (const idx of flow.messages) {
      const m = report.messages[idx];
      if (m) out.push(...messageBlock(m, lookup, opts, messageIdp(report, m)));
    }
  });
  if (report.findings.length) {
    out.push('', c.bold('Across the trace'));
    const idp = traceIdp(report);
    for (const f of report.findings) out.push(...findingLines(f, lookup, opts, idp));
  }
  const tally = `${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.infos} info`;
  out.push('', s.errors ? c.red(tally) : s.warnings ? c.yellow(tally) : c.green(tally));
  return out.join('\n') + '\n';
}
