import type { MessageReport, Severity } from '../model';
import { Pseudonyms } from '../trace/redact/pseudonyms';
import { diffPair, type Draft } from './diff-facts';
import { diffFindings } from './findings';
import { headline } from './headline';
import { describeParties, entityIds, pairMessages, type MessagePair } from './pairs';
import { isProblem, pickSide, type PickedSide } from './pick';
import { EXPLAINS, importanceOf, rankDifferences } from './rank';
import type { CompareInput, CompareOptions, CompareOutcome, Comparison, ComparisonSide, Difference, OneSidedFinding, SameField } from './types';

const WORSE: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
const pseudonyms = new Pseudonyms();

/** A side redacted with `share` carries pseudonyms where the NameID and attribute values were. */
function pseudonymised(messages: MessageReport[]): boolean {
  return messages.some((m) => (m.nameId && pseudonyms.isPseudonym(m.nameId.value)) || m.attributes.some((a) => a.values.some((v) => pseudonyms.isPseudonym(v))));
}

function describeSide(p: PickedSide): ComparisonSide {
  const flow = p.flowIndex === undefined ? undefined : p.report.flows[p.flowIndex];
  const findings = p.messages.flatMap((m) => m.findings);
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    input: p.input,
    scope: p.scope,
    ...(flow ? { flow: { number: p.flowIndex! + 1, id: flow.id, kind: flow.kind, ...(flow.outcome ? { outcome: flow.outcome } : {}) } } : {}),
    messages: p.messages.map((m) => ({ index: m.index, kind: m.kind })),
    counts: { errors: count('error'), warnings: count('warning'), infos: count('info') },
    pseudonymised: pseudonymised(p.messages),
  };
}

function flowDrafts(a: ComparisonSide, b: ComparisonSide): Draft[] {
  const drafts: Draft[] = [];
  const fields = [
    ['flow.kind', 'Flow kind', a.flow?.kind, b.flow?.kind],
    ['flow.outcome', 'How the flow ended', a.flow?.outcome, b.flow?.outcome],
  ] as const;
  for (const [field, label, va, vb] of fields) {
    if (va === vb || va === undefined || vb === undefined) continue;
    drafts.push({ key: field, field, kind: 'changed', label, path: field, a: va, b: vb, targets: [], explains: [] });
  }
  return drafts;
}

function messageDraft(pair: MessagePair): Draft {
  const m = (pair.a ?? pair.b)!;
  const value = `${m.kind} (${m.binding})`;
  return {
    key: 'message',
    field: 'message',
    kind: pair.a ? 'removed' : 'added',
    label: `${pair.label} message`,
    path: `${pair.label}.message`,
    message: pair.label,
    ...(pair.a ? { a: value } : { b: value }),
    ...(pair.extra ? { extra: true } : {}),
    targets: [],
    explains: [],
  };
}

/** Marks each one-sided finding a difference explains, and the differences with the rules they explain. */
function explain(drafts: Draft[], findings: OneSidedFinding[]): void {
  for (const f of findings) {
    const candidates = drafts.filter((d) => (d.message === undefined || d.message === f.in) && EXPLAINS[d.field]?.includes(f.rule));
    if (!candidates.length) continue;
    const named = candidates.filter((d) => d.targets.some((t) => f.location === t || f.message.includes(`"${t}"`)));
    for (const d of named.length ? named : candidates) {
      if (!d.explains.includes(f.rule)) d.explains.push(f.rule);
      if (!d.worst || WORSE[f.severity] > WORSE[d.worst]) d.worst = f.severity;
    }
    f.explained = true;
  }
}

function publish(d: Draft): Difference {
  return {
    field: d.field,
    label: d.label,
    path: d.path,
    ...(d.message !== undefined ? { message: d.message } : {}),
    kind: d.kind,
    ...(d.a !== undefined ? { a: d.a } : {}),
    ...(d.b !== undefined ? { b: d.b } : {}),
    ...(d.detail ? { detail: d.detail } : {}),
    importance: importanceOf(d),
    ...(d.explains.length ? { explains: d.explains } : {}),
  };
}

function notes(a: ComparisonSide, b: ComparisonSide, unrelated: boolean): string[] {
  const out: string[] = [];
  if (a.pseudonymised && b.pseudonymised) {
    out.push(
      'Both sides are pseudonymised (redacted with the share profile): NameID and attribute values are compared as pseudonyms. Within one file a value always gets the same pseudonym; across two files the same pseudonym can stand for different values.',
    );
  } else if (a.pseudonymised || b.pseudonymised) {
    out.push(`Only ${a.pseudonymised ? 'A' : 'B'} is pseudonymised: NameID and attribute values cannot be compared with real values and are left out; their presence, names and formats are compared.`);
  }
  if (a.scope !== b.scope) out.push(`${a.scope === 'message' ? 'A' : 'B'} is one message and the other side a whole flow: only messages of the same kind are compared.`);
  if (unrelated) out.push('A and B share no IdP or SP entity ID: they look like logins to different applications, so most differences are expected.');
  return out;
}

function build(pa: PickedSide, pb: PickedSide, options: CompareOptions): CompareOutcome {
  const a = describeSide(pa);
  const b = describeSide(pb);
  const pairs = pairMessages(pa.messages, pb.messages);
  if (!pairs.some((p) => p.a && p.b)) {
    const kinds = (s: ComparisonSide) => [...new Set(s.messages.map((m) => m.kind))].join(', ');
    return {
      problem: {
        reason: 'no-common-kind',
        message: `A (${pa.input}) holds ${kinds(a)} and B (${pb.input}) holds ${kinds(b)}: no message of the same kind to compare. Pick two messages of the same kind, or two flows of the same kind.`,
      },
    };
  }
  const ida = entityIds(pa.messages);
  const idb = entityIds(pb.messages);
  const unrelated = ida.size > 0 && idb.size > 0 && ![...ida].some((id) => idb.has(id));
  if (unrelated && !options.allowUnrelated) {
    return {
      problem: {
        reason: 'unrelated',
        message: `A (${pa.input}) and B (${pb.input}) share no IdP or SP entity ID (A: ${describeParties(pa.messages)}; B: ${describeParties(pb.messages)}): these are not two logins to the same application. Pick other flows, or compare anyway.`,
      },
    };
  }
  const bothFlows = a.scope === 'flow' && b.scope === 'flow';
  const personalComparable = a.pseudonymised === b.pseudonymised;
  const drafts: Draft[] = bothFlows ? flowDrafts(a, b) : [];
  const same: SameField[] = [];
  const onlyA: OneSidedFinding[] = [];
  const onlyB: OneSidedFinding[] = [];
  for (const pair of pairs) {
    if (!pair.a || !pair.b) {
      // A single message against a flow: the flow's other messages are not its counterpart.
      if (!bothFlows) continue;
      drafts.push(messageDraft(pair));
    } else {
      const diff = diffPair(pair, { a: pa.report, b: pb.report }, personalComparable);
      drafts.push(...diff.drafts);
      same.push(...diff.same);
    }
    const f = diffFindings(pair);
    onlyA.push(...f.onlyA);
    onlyB.push(...f.onlyB);
  }
  explain(drafts, [...onlyA, ...onlyB]);
  const differences = rankDifferences(drafts.map((d) => ({ ...d, importance: importanceOf(d) }))).map(publish);
  const findings = { onlyA, onlyB };
  const tally = (i: Difference['importance']) => differences.filter((d) => d.importance === i).length;
  const comparison: Comparison = {
    schemaVersion: 1,
    type: 'diff',
    profile: pa.report.summary.profile,
    at: pa.report.summary.at,
    a,
    b,
    differences,
    findings,
    summary: {
      matters: differences.some((d) => d.importance !== 'cosmetic') || [...onlyA, ...onlyB].some((f) => f.severity !== 'info'),
      headline: headline(differences, findings),
      differences: differences.length,
      critical: tally('critical'),
      major: tally('major'),
      minor: tally('minor'),
      cosmetic: tally('cosmetic'),
    },
    notes: notes(a, b, unrelated),
    same,
  };
  return { comparison };
}

/**
 * Compares two judged messages or flows (of one trace or of two) field by field on what matters for SSO,
 * and ranks the differences so the one that explains a finding only one side has comes first. Values that
 * differ on every login (IDs, instants, signature values) are never differences. Never throws: what cannot
 * be compared (no message, a Response against an AuthnRequest, unrelated logins) is a problem in words.
 */
export function compareReports(a: CompareInput, b: CompareInput, options: CompareOptions = {}): CompareOutcome {
  try {
    const pa = pickSide(a, 'A');
    if (isProblem(pa)) return { problem: pa };
    const pb = pickSide(b, 'B');
    if (isProblem(pb)) return { problem: pb };
    return build(pa, pb, options);
  } catch (e) {
    return { problem: { reason: 'internal', message: `The comparison failed unexpectedly (${e instanceof Error ? e.message : String(e)}).` } };
  }
}
