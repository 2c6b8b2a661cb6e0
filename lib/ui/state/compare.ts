import type { AnalyzeOptions, MessageKind, MessageReport, Report, TraceEntry } from '../../core/model';
import type { CompareInput, Pick } from '../../core/compare';
import { FLOW_KIND_LABEL, timeOfDay } from './labels';
import type { InputResult } from './viewer-input';
import { plural } from './plural';

export type CompareScope = 'flow' | 'message';

/** One thing the other side can be: a flow or a message of the current capture or of a file. */
export interface CompareChoice {
  key: string;
  label: string;
  detail: string;
  pick: Pick;
}


function counts(findings: MessageReport['findings']): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return errors || warnings ? [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ') : 'no errors';
}

/** The selected message's side: its flow (numbered as in the list) or the message itself. */
export function pickFor(report: Report, m: MessageReport, scope: CompareScope): Pick {
  const flow = report.flows.findIndex((f) => f.id === m.flow);
  return scope === 'flow' && flow >= 0 ? { flow: flow + 1 } : { message: m.index + 1 };
}

/**
 * What the selected message or its flow can be compared with: every flow (#N, kind, messages, findings), or
 * every message of `kind`. `exclude`: the selected message, left out (with its flow) of its own capture's list.
 */
export function compareChoices(report: Report, scope: CompareScope, opts: { exclude?: MessageReport; kind?: MessageKind } = {}): CompareChoice[] {
  const { exclude, kind } = opts;
  if (scope === 'flow') {
    return report.flows.flatMap((f, i) => {
      if (exclude && f.id === exclude.flow) return [];
      const messages = f.messages.flatMap((n) => report.messages.filter((m) => m.index === n));
      const first = messages[0];
      return [
        {
          key: `flow:${f.id}`,
          label: `#${i + 1} ${FLOW_KIND_LABEL[f.kind]}`,
          detail: `${messages.map((m) => m.kind).join(', ')} · ${counts(messages.flatMap((m) => m.findings))}${first?.capturedAt ? ` · ${timeOfDay(first.capturedAt)}` : ''}`,
          pick: { flow: i + 1 },
        },
      ];
    });
  }
  return report.messages
    .filter((m) => m.index !== exclude?.index && (!kind || m.kind === kind))
    .map((m) => ({
      key: `message:${m.index}`,
      label: `${m.kind} ${m.index + 1}`,
      detail: [m.issuer, counts(m.findings), timeOfDay(m.capturedAt)].filter(Boolean).join(' · '),
      pick: { message: m.index + 1 },
    }));
}

export interface CompareRequest {
  a: CompareInput;
  b: CompareInput;
}

/** The selected message's side of a comparison, as the compare view names it. */
export function selectedSide(report: Report, m: MessageReport, scope: CompareScope, label: string): CompareInput {
  return { report, input: label, pick: pickFor(report, m, scope) };
}

/**
 * A file chosen to compare with, judged with the same settings as the capture (the same expectations apply
 * to both sides; a file's own settings are never applied). A redacted native trace's captured verdicts are
 * read with its entries and shown as claims, as everywhere. Its entries are not added to the list.
 */
export async function judgeFile(
  result: InputResult,
  options: AnalyzeOptions,
  analyse: (entries: TraceEntry[], options: AnalyzeOptions) => Promise<Report>,
): Promise<{ report?: Report; problem?: string }> {
  if (!result.entries.length) return { problem: result.problems[0]?.message ?? 'No SAML message or request was found in that file.' };
  try {
    const report = await analyse(result.entries, options);
    return report.messages.length ? { report } : { problem: 'That file holds requests, but no SAML message to compare.' };
  } catch (e) {
    return { problem: `The file could not be judged: ${e instanceof Error ? e.message : String(e)}` };
  }
}
