import { prettyXml } from './pretty-xml';
import { idpLabel, OUTCOME_LABEL } from '../outcome/labels';
import type { Finding, MessageReport, Report, Severity, SignatureVerdict, Verdict } from '../model';
import { findingFixSource } from '../verdict/fix';
import { firstSentence } from '../verdict/sentence';
import { fixFor, messageIdp, traceIdp, type IdpProduct, type OrderedFix } from '../idp';
import { getRule } from '../rules/registry';
import type { RuleMeta } from '../rules/rule';
import { EntryWalker } from './redact/entry';
import type { RedactionProfile } from './redact/profiles';
import { Redactor } from './redact/redactor';
import { decodedPairs, parsePairs, splitUrl } from './query';
import { isNameAttribute } from './redact/profiles';

export interface TicketReportOptions {
  /** Applied to every captured string in the report. Default `support`; `share` for reports that leave the team. */
  profile?: RedactionProfile;
  /** Only this flow (FlowReport.id); default the whole trace. */
  flow?: string;
  title?: string;
  /** ISO 8601 shown as the generation time; default now. */
  generatedAt?: string;
  /** Decoded XML excerpt per message; default true, cut at `maxXmlChars` (default 4000). */
  includeXml?: boolean;
  maxXmlChars?: number;
  /** Rule metadata lookup; default the rule registry. */
  rule?: (slug: string) => RuleMeta | undefined;
}

export interface ViewFinding {
  severity: Severity;
  rule: string;
  message: string;
  location?: string;
  title?: string;
  why?: string;
  /** In display order: the recognised IdP's steps first (see `fixFor`). */
  fix?: OrderedFix;
  spec?: string;
  /** The places of a grouped finding (issue 9), each with its own words. */
  instances?: Array<{ message: string; location?: string }>;
  /** Findings of the same message with the same cause, told under this one (`also …`). */
  consequences?: Array<{ rule: string; severity: Severity; message: string }>;
}

/** A verdict with its captured words redacted. */
export interface ViewVerdict {
  level: Verdict['level'];
  text: string;
  fix?: string;
}

export interface ViewMessage {
  index: number;
  heading: string;
  facts: Array<[string, string]>;
  attributes: Array<{ name: string; values: string[] }>;
  signatures: Array<{ target: string; status: SignatureVerdict['status']; reason: string; algorithm?: string }>;
  findings: ViewFinding[];
  xml?: string;
  xmlCut?: boolean;
}

export interface TicketView {
  title: string;
  generatedAt: string;
  profile: RedactionProfile;
  summary: Array<[string, string]>;
  counts: { errors: number; warnings: number; infos: number };
  /** The answer first (issue 9): the trace's verdict, or the flow's for a one-flow report. */
  verdict?: ViewVerdict;
  traceFindings: ViewFinding[];
  /** `about`: the IdP product and how the flow ended, in words ("Microsoft Entra ID, refused by the IdP"). */
  flows: Array<{ id: string; kind: string; about?: string; worst?: Severity; verdict?: ViewVerdict; messages: ViewMessage[] }>;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The report reduced to what a ticket needs, with every captured string passed through the redaction profile. */
export function ticketView(report: Report, opts: TicketReportOptions = {}): TicketView {
  const profile = opts.profile ?? 'support';
  const lookup = opts.rule ?? getRule;
  const r = new Redactor(profile);
  const walker = new EntryWalker(r);
  const flows = report.flows.filter((f) => !opts.flow || f.id === opts.flow);
  const chosen = new Set(flows.flatMap((f) => f.messages));
  const messages = report.messages.filter((m) => chosen.has(m.index) || !opts.flow);
  const orphans = messages.filter((m) => !chosen.has(m.index));
  // Learn first (so a value seen in one message is removed from all), then render.
  for (const m of messages) learnMessage(m, r, walker);
  r.mode = 'apply';
  const s = (text: string | undefined, where: string) => (text === undefined ? undefined : r.sweep(text, where));
  const finding = (f: Finding, idp: IdpProduct, m?: MessageReport): ViewFinding => {
    const meta = lookup(f.rule);
    const consequences = (m?.findings ?? []).filter((k) => k.causedBy === f.rule && !f.causedBy);
    return {
      severity: f.severity,
      rule: f.rule,
      message: s(f.message, 'finding') ?? '',
      ...(f.location ? { location: s(f.location, 'finding location') } : {}),
      ...(meta ? { title: meta.title, why: meta.why, fix: fixFor(findingFixSource(f, m?.status) ?? meta.fix, idp), spec: meta.spec } : {}),
      ...(f.instances
        ? { instances: f.instances.map((i) => ({ message: s(i.message, 'finding') ?? '', ...(i.location ? { location: s(i.location, 'finding location') } : {}) })) }
        : {}),
      ...(consequences.length
        ? { consequences: consequences.map((k) => ({ rule: k.rule, severity: k.severity, message: s(firstSentence(k.message), 'finding') ?? '' })) }
        : {}),
    };
  };
  const verdict = (v: Verdict | undefined): ViewVerdict | undefined =>
    v ? { level: v.level, text: s(v.text, 'verdict') ?? '', ...(v.fix ? { fix: s(v.fix, 'verdict') } : {}) } : undefined;
  const byIndex = new Map(report.messages.map((m) => [m.index, m]));
  const idp = opts.flow ? 'unknown' : traceIdp(report);
  const view = (m: MessageReport): ViewMessage => {
    const ownIdp = messageIdp(report, m);
    const facts: Array<[string, string]> = [];
    const add = (k: string, v: string | undefined) => v !== undefined && v !== '' && facts.push([k, v]);
    add('Request', `${m.method} ${shortUrl(walker.url(m.url, 'URL'))}`);
    add('Binding', `${m.binding} (${m.parameter})`);
    add('Message at', m.path);
    add('Captured at', m.capturedAt);
    add('Direction', m.direction === 'to-idp' ? 'to the IdP' : m.direction === 'to-sp' ? 'to the SP' : undefined);
    add('ID', s(m.id, 'ID'));
    add('InResponseTo', s(m.inResponseTo, 'InResponseTo'));
    add('Issuer', s(m.issuer, 'issuer'));
    add('Destination', s(m.destination, 'destination'));
    if (m.status) {
      add('Status', s([m.status.code, ...m.status.subCodes].filter(Boolean).join(' / '), 'status code'));
      add('Status message', s(m.status.message, 'status message'));
      // The explanation quotes the StatusMessage, which can name the user.
      add('Status explained', s(m.status.explanation, 'status explained'));
    }
    if (m.nameId) add('NameID', `${r.personal(m.nameId.value, 'nameid', 'NameID')}${m.nameId.format ? ` (${s(m.nameId.format, 'NameID format')})` : ''}`);
    add('RelayState', m.relayState === undefined ? undefined : shortUrl(walker.url(m.relayState, 'RelayState')));
    const limit = opts.maxXmlChars ?? 4000;
    const xml = opts.includeXml === false || m.xml === undefined ? undefined : prettyXml(r.xml(m.xml, 'XML'));
    return {
      index: m.index,
      heading: `${m.index + 1}. ${m.kind}${m.capturedAt ? ` at ${m.capturedAt}` : ''}`,
      facts,
      attributes: m.attributes.map((a) => ({
        name: s(a.name, 'attribute name') ?? '',
        values: a.values.map((v) => r.sweep(r.personal(v, isNameAttribute(a.name) ? 'name' : 'attribute', `attribute ${a.name}`), `attribute ${a.name}`)),
      })),
      signatures: m.signatures.map((v) => ({
        target: s(v.target, 'signature target') ?? '',
        status: v.status,
        reason: s(v.reason, 'signature') ?? '',
        ...(v.signatureAlgorithm ? { algorithm: v.signatureAlgorithm } : {}),
      })),
      // A consequence is told under its cause (ViewFinding.consequences), not again on its own.
      findings: m.findings
        .filter((f) => !f.causedBy || !m.findings.some((c) => c.rule === f.causedBy && !c.causedBy))
        .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
        .map((f) => finding(f, ownIdp, m)),
      ...(xml !== undefined ? { xml: xml.length > limit ? xml.slice(0, limit) : xml, xmlCut: xml.length > limit } : {}),
    };
  };
  const counted = opts.flow ? messages.flatMap((m) => m.findings) : [...report.findings, ...messages.flatMap((m) => m.findings)];
  const count = (sev: Severity) => counted.filter((f) => f.severity === sev && !f.causedBy).length;
  const flowViews: TicketView['flows'] = flows.map((f) => ({
    id: f.id,
    kind: f.kind,
    ...(f.idp || f.outcome ? { about: `${idpLabel(f.idp)}, ${OUTCOME_LABEL[f.outcome ?? 'unknown']}` } : {}),
    ...(f.worst ? { worst: f.worst } : {}),
    ...(f.verdict ? { verdict: verdict(f.verdict) } : {}),
    messages: f.messages.flatMap((i) => {
      const m = byIndex.get(i);
      return m ? [view(m)] : [];
    }),
  }));
  if (orphans.length) flowViews.push({ id: 'other', kind: 'other', messages: orphans.map(view) });
  return {
    title: opts.title ?? (opts.flow ? `SAML Lens report: flow ${opts.flow}` : 'SAML Lens report'),
    generatedAt: opts.generatedAt ?? new Date().toISOString(),
    profile,
    summary: [
      ['Profile', report.summary.profile],
      ['Times judged against', report.summary.at],
      ['Messages', String(messages.length)],
      ['Flows', String(flowViews.length)],
      ['Redaction', profile],
    ],
    counts: { errors: count('error'), warnings: count('warning'), infos: count('info') },
    ...((opts.flow ? flows[0]?.verdict : report.summary.verdict) ? { verdict: verdict(opts.flow ? flows[0]?.verdict : report.summary.verdict) } : {}),
    traceFindings: opts.flow ? [] : report.findings.map((f) => finding(f, idp)),
    flows: flowViews,
  };
}

/** Teaches a redactor a message's credentials and personal values, so the apply pass removes them from any text. */
export function learnMessage(m: MessageReport, r: Redactor, walker: EntryWalker): void {
  walker.url(m.url, 'URL');
  if (m.relayState) walker.url(m.relayState, 'RelayState');
  if (m.nameId) r.personal(m.nameId.value, 'nameid', 'NameID');
  for (const a of m.attributes) for (const v of a.values) r.personal(v, isNameAttribute(a.name) ? 'name' : 'attribute', 'attribute');
  if (m.xml) r.xml(m.xml, 'XML');
}

/** A URL with its SAML payloads shortened: the decoded message is shown below, the base64 helps nobody. */
function shortUrl(url: string): string {
  const parts = splitUrl(url);
  if (parts.query === undefined) return url;
  const names = new Set(['SAMLRequest', 'SAMLResponse', 'Signature']);
  const decoded = decodedPairs(parts.query);
  const query = parsePairs(parts.query)
    .map((p, i) => {
      const name = decoded[i]?.[0] ?? p.rawName;
      if (p.rawValue === undefined) return p.rawName;
      return names.has(name) ? `${p.rawName}=…(${p.rawValue.length} chars)` : `${p.rawName}=${p.rawValue}`;
    })
    .join('&');
  return `${parts.base}?${query}${parts.fragment !== undefined ? `#${parts.fragment}` : ''}`;
}
