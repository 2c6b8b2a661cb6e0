import type { IdpProduct } from '../core/idp';
import type { Finding, FlowReport, MessageReport, Report, SignatureVerdict, Verdict } from '../core/model';
import { VERDICT_MARK as MARK, findingFixSource, firstSentence, fixFor, instanceLabel, messageIdp, plural, printableDeep, thousands, traceIdp } from './core-api';
import type { RuleLookup } from './rule-doc';
import { OUTCOME_LABEL, idpLabel } from './core-api';
import { cut, wrap } from './wrap';

export interface HumanOptions {
  color: boolean;
  /** Show the fix for each finding (default true). */
  fixes: boolean;
  /** Show every IdP's fix, every instance of a grouped finding and whole attribute lists (`--verbose`). */
  verbose?: boolean;
  /** Terminal width to wrap prose to (and cut identifier lines at, without --verbose); none: no wrapping. */
  width?: number;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function paint(on: boolean) {
  const wrapIn = (code: string) => (s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { red: wrapIn('31'), yellow: wrapIn('33'), cyan: wrapIn('36'), dim: wrapIn('2'), bold: wrapIn('1'), green: wrapIn('32') };
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

const PAD = '            ';

/** One output being written: its options, and the fixes and hints already printed (each is printed once). */
class Writer {
  readonly lines: string[] = [];
  readonly printed = new Set<string>();
  othersHinted = false;
  /** Findings already told in the current flow (the same AuthnRequest captured twice says the same thing). */
  flowSeen = new Set<string>();
  readonly c: ReturnType<typeof paint>;
  readonly width: number;
  constructor(
    readonly report: Report,
    readonly lookup: RuleLookup,
    readonly opts: HumanOptions,
  ) {
    this.c = paint(opts.color);
    this.width = opts.width ?? Infinity;
  }
  /** Prose: wrapped. */
  prose(text: string, first: string, rest = first, style: (s: string) => string = (s) => s): void {
    for (const l of wrap(text, this.width, first, rest)) this.lines.push(style(l));
  }
  /** An identifier line: cut to the width unless --verbose, where it wraps. */
  ident(line: string, style: (s: string) => string = (s) => s): void {
    if (this.opts.verbose) this.prose(line.trimStart(), line.slice(0, line.length - line.trimStart().length), '      ', style);
    else this.lines.push(style(cut(line, this.width)));
  }
}

/**
 * The recognised IdP's fix (or the general one), then one line naming the others (once per output);
 * `--verbose` prints them all. A fix already printed (by the verdict or another finding) is pointed to.
 */
function fixLines(w: Writer, f: Finding, source: NonNullable<ReturnType<typeof findingFixSource>>, idp: IdpProduct): void {
  const fix = fixFor(source, idp);
  const [firstLine = '', ...rest] = fix.first.text.split('\n');
  const key = `${fix.first.product}\u0000${firstLine}`;
  if (w.printed.has(key) && !w.opts.verbose) {
    // The verdict said the first line; the rest of the steps are said here, once.
    w.lines.push(w.c.dim(`${PAD}${fix.firstLabel}: as above${rest.length ? ', then:' : '.'}`));
    for (const l of rest) w.prose(l, PAD);
  } else {
    w.printed.add(key);
    w.prose(`${fix.firstLabel}: ${fix.first.text}`, PAD);
  }
  if (w.opts.verbose) {
    for (const e of fix.others) w.prose(`${e.name}: ${e.text}`, PAD);
  } else if (fix.others.length && !w.othersHinted) {
    w.othersHinted = true;
    const idps = fix.others.filter((e) => e.product !== 'general').map((e) => e.name);
    const general = fix.others.length > idps.length ? 'the general fix' : '';
    const names = idps.length ? `Other IdPs: ${idps.join(', ')}${general ? ` (and ${general})` : ''}` : `Also ${general}`;
    w.prose(`${names}; --verbose shows their steps`, PAD, PAD, w.c.dim);
  }
}

/** Places of one element's siblings, the shared path said once: `/A/B/Attribute[8], [3], [9]`. */
function siblings(places: string[]): string {
  const parent = (p: string) => p.slice(0, p.lastIndexOf('/') + 1);
  const first = places[0]!;
  return places.map((p, i) => (i > 0 && parent(p) === parent(first) ? p.slice(parent(p).length).replace(/^[A-Za-z:]+(?=\[)/, '') : p)).join(', ');
}

function sevLabel(w: Writer, s: Finding['severity']): string {
  return s === 'error' ? w.c.red('error  ') : s === 'warning' ? w.c.yellow('warning') : w.c.cyan('info   ');
}

function findingLines(w: Writer, f: Finding, idp: IdpProduct, status: MessageReport['status'], consequences: Finding[]): void {
  const head = `    ${sevLabel(w, f.severity)} ${w.c.bold(f.rule)}  `;
  const told = `${f.rule}\u0000${f.severity}\u0000${f.message}`;
  if (w.flowSeen.has(told) && !w.opts.verbose) {
    w.lines.push(`${head}${w.c.dim('the same as above, in this flow')}`);
    return;
  }
  w.flowSeen.add(told);
  // The visible width of the head, without colour codes.
  const headWidth = 4 + 7 + 1 + f.rule.length + 2;
  const body = wrap(f.message, w.width, ' '.repeat(headWidth), PAD);
  w.lines.push(head + body[0]!.slice(headWidth), ...body.slice(1));
  if (f.instances && w.opts.verbose) {
    for (const i of f.instances) w.prose(`- ${i.message}${i.location ? ` (at ${i.location})` : ''}`, PAD, `${PAD}  `);
  } else if (f.instances) {
    const places = [...new Set(f.instances.flatMap((i) => (i.location ? [i.location] : [])))];
    if (places.length) w.ident(`${PAD}at ${siblings(places)}`, w.c.dim);
  } else if (f.location) w.ident(`${PAD}at ${f.location}`, w.c.dim);
  for (const k of consequences) {
    const what = k.instances ? k.instances.map(instanceLabel).join(', ') : firstSentence(k.message);
    w.prose(`also ${k.rule} (${k.severity}), same cause: ${what}${k.instances ? '' : '.'}`, PAD, `${PAD}  `, w.c.dim);
  }
  const doc = w.lookup(f.rule);
  const source = doc ? (findingFixSource(f, status) ?? doc.fix) : undefined;
  if (w.opts.fixes && f.ownFix && f.severity !== 'info') {
    // This finding's own fix (the SP signs what the SP sends): the IdP's steps for the rule would mislead.
    const [firstLine = '', ...rest] = f.ownFix.text.split('\n');
    const label = f.ownFix.product === 'general' ? 'Fix' : `Fix (${idpLabel({ product: f.ownFix.product, evidence: [] })})`;
    const key = `${f.ownFix.product}\u0000${firstLine}`;
    if (w.printed.has(key) && !w.opts.verbose) {
      w.lines.push(w.c.dim(`${PAD}${label}: as above${rest.length ? ', then:' : '.'}`));
      for (const l of rest) w.prose(l, PAD);
    } else {
      w.printed.add(key);
      w.prose(`${label}: ${f.ownFix.text}`, PAD);
    }
    if (doc?.spec) w.prose(`Spec: ${doc.spec}`, PAD, PAD, w.c.dim);
  } else if (w.opts.fixes && doc && source && f.severity !== 'info') {
    fixLines(w, f, source, idp);
    if (doc.spec) w.prose(`Spec: ${doc.spec}`, PAD, PAD, w.c.dim);
  }
}

function attributeLine(m: MessageReport, verbose: boolean): string {
  if (verbose) return `    Attributes ${m.attributes.map((a) => `${a.name}=${a.values.map(oneLine).join(', ')}`).join('; ')}`;
  // Names only, shortened: the values are in --verbose and --json.
  const names = m.attributes.map((a) => a.name.replace(/^.*[/#]/, '') || a.name);
  return `    Attributes (${m.attributes.length}; --verbose shows all) ${names.join(', ')}`;
}

function signatureLines(w: Writer, m: MessageReport): void {
  const same = m.signatures.length > 1 && m.signatures.every((s) => s.status === m.signatures[0]!.status && s.reason === m.signatures[0]!.reason);
  if (same && !w.opts.verbose) {
    const s = m.signatures[0]!;
    const alg = s.signatureAlgorithm?.replace(/^.*[#-]/, '').toUpperCase();
    w.ident(`    Signatures ${m.signatures.map((x) => x.targetKind).join(', ')} ${s.status}${alg ? ` (${alg})` : ''}: ${s.reason}`);
    return;
  }
  for (const s of m.signatures) w.ident(`    Signature ${signatureLine(s)}`);
}

function messageBlock(w: Writer, m: MessageReport): void {
  const c = w.c;
  const idp = messageIdp(w.report, m);
  w.ident(`  ${m.kind}  ${m.binding}  ${arrow(m)}  ${m.method} ${m.url ? shortUrl(m.url) : '(pasted)'}${m.capturedAt ? `  ${m.capturedAt}` : ''}`, c.bold);
  const facts: string[] = [];
  if (m.id) facts.push(`ID ${m.id}`);
  if (m.inResponseTo) facts.push(`InResponseTo ${m.inResponseTo}`);
  if (m.issuer) facts.push(`Issuer ${m.issuer}`);
  if (m.destination) facts.push(`Destination ${m.destination}`);
  if (m.path) facts.push(`at ${m.path}`);
  if (facts.length) w.ident(`    ${facts.join(' · ')}`, c.dim);
  if (m.status?.code) {
    const codes = [m.status.code, ...m.status.subCodes].map((s) => s.replace(/^urn:oasis:names:tc:SAML:2\.0:status:/, '')).join(' / ');
    // status-error quotes the StatusMessage in its own words: said once.
    const quoted = m.status.message && !m.findings.some((f) => f.rule === 'status-error') ? ` ("${m.status.message}")` : '';
    w.ident(`    Status ${codes}${quoted}`);
  }
  if (m.nameId) w.ident(`    NameID ${m.nameId.value}${m.nameId.format ? ` (${m.nameId.format.replace(/^.*:/, '')})` : ''}`);
  if (m.attributes.length) w.ident(attributeLine(m, Boolean(w.opts.verbose)));
  signatureLines(w, m);
  const findings = m.findings.filter((f) => !f.causedBy).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  for (const f of findings) findingLines(w, f, idp, m.status, m.findings.filter((k) => k.causedBy === f.rule));
  // A consequence whose cause is not on this message (not expected; said rather than lost).
  for (const k of m.findings.filter((x) => x.causedBy && !m.findings.some((f) => !f.causedBy && f.rule === x.causedBy))) findingLines(w, k, idp, m.status, []);
  if (!m.findings.length) w.lines.push(c.green('    no findings'));
}


/** The verdict: one sentence (cause and fix), then the rest of a multi-line fix. */
function verdictLines(w: Writer, v: Verdict, indent: string): void {
  const style = v.level === 'error' ? w.c.red : v.level === 'warning' ? w.c.yellow : w.c.green;
  w.prose(`${MARK[v.level]} ${v.text}`, indent, `${indent}  `, (s) => w.c.bold(style(s)));
  // The verdict carries the fix's first line; the finding it names prints the rest (each step once).
  if (v.fix && v.fixFor) w.printed.add(`${v.fixFor}\u0000${v.fix.split('\n')[0]}`);
}

function flowHeader(w: Writer, flow: FlowReport, i: number): void {
  const c = w.c;
  const outcome = flow.outcome ?? 'unknown';
  const paintOutcome = outcome === 'signed-in' ? c.green : outcome.startsWith('refused') ? c.red : outcome === 'abandoned' ? c.yellow : c.dim;
  w.lines.push('', `${c.bold(`Flow ${i + 1} · ${flow.kind} · ${idpLabel(flow.idp)}`)} · ${paintOutcome(OUTCOME_LABEL[outcome])}`);
}

/**
 * The report as a person reads it in a terminal: the verdict first, then messages grouped by flow (each flow's
 * verdict first when there are several), findings grouped per cause with each fix printed once.
 */
export function formatHuman(captured: Report, lookup: RuleLookup, opts: HumanOptions): string {
  // A terminal acts on the control characters a capture can hold (lib/core/printable.ts).
  const report = printableDeep(captured);
  const w = new Writer(report, lookup, opts);
  const c = w.c;
  const s = report.summary;
  w.lines.push(c.bold(`SAML Lens: ${plural(s.messages, 'message')} in ${plural(s.flows, 'flow')}`) + c.dim(` (profile ${s.profile}, times judged at ${s.at})`));
  if (s.verdict) verdictLines(w, s.verdict, '');
  if (!report.messages.length && !s.verdict) w.lines.push('', 'No SAML, WS-Federation or artifact message found in the input.');
  report.flows.forEach((flow, i) => {
    flowHeader(w, flow, i);
    w.flowSeen.clear();
    if (flow.verdict && report.flows.length > 1) verdictLines(w, flow.verdict, '  ');
    if (flow.idp?.evidence.length) w.ident(`  IdP recognised from: ${flow.idp.evidence.slice(0, 2).join('; ')}`, c.dim);
    for (const idx of flow.messages) {
      const m = report.messages[idx];
      if (m) messageBlock(w, m);
    }
  });
  if (report.findings.length) {
    w.lines.push('', c.bold('Across the trace'));
    const idp = traceIdp(report);
    for (const f of report.findings.filter((x) => !x.causedBy)) findingLines(w, f, idp, undefined, []);
  }
  const tally = `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.infos} info`;
  const withSaml = new Set(report.messages.map((m) => m.entry)).size;
  // The other requests of a HAR are kept as context (redirects, pages): say they were read, not lost.
  const read = s.entries > withSaml ? c.dim(`; ${thousands(s.entries)} requests read, ${thousands(withSaml)} with a SAML message`) : '';
  w.lines.push('', (s.errors ? c.red(tally) : s.warnings ? c.yellow(tally) : c.green(tally)) + read);
  return w.lines.join('\n') + '\n';
}
