import type { MessageReport, Report } from '../model';
import type { CompareInput, CompareProblem, ComparisonSide } from './types';

/** The part of one report that is compared, with what the output says about it. */
export interface PickedSide {
  report: Report;
  input: string;
  scope: ComparisonSide['scope'];
  /** 0-based index into report.flows: the flow compared, or the flow of the message compared. */
  flowIndex?: number;
  messages: MessageReport[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function flowOf(report: Report, m: MessageReport): number | undefined {
  const i = report.flows.findIndex((f) => f.messages.includes(m.index));
  return i < 0 ? undefined : i;
}

function messagesOf(report: Report, flowIndex: number): MessageReport[] {
  const flow = report.flows[flowIndex];
  return (flow?.messages ?? []).flatMap((i) => report.messages.filter((m) => m.index === i));
}

/**
 * What to compare of one side. By default the first flow with a Response (the login that worked or failed),
 * or the only message; `{ flow: N }` and `{ message: N }` are 1-based, as the list and the CLI number them.
 */
export function pickSide(input: CompareInput, who: 'A' | 'B'): PickedSide | CompareProblem {
  const { report, pick } = input;
  const name = `${who} (${input.input})`;
  if (!report.messages.length) return { reason: 'no-message', message: `${name} holds no SAML message to compare.` };
  const base = { report, input: input.input };
  if ('message' in pick) {
    const m = report.messages[pick.message - 1];
    if (!Number.isInteger(pick.message) || !m) {
      return { reason: 'no-such-message', message: `${name} has ${plural(report.messages.length, 'message')}; there is no message ${pick.message}.` };
    }
    const flowIndex = flowOf(report, m);
    return { ...base, scope: 'message', messages: [m], ...(flowIndex === undefined ? {} : { flowIndex }) };
  }
  if ('flow' in pick) {
    if (!Number.isInteger(pick.flow) || !report.flows[pick.flow - 1]) {
      return { reason: 'no-such-flow', message: `${name} has ${plural(report.flows.length, 'flow')}; there is no flow ${pick.flow}.` };
    }
    return { ...base, scope: 'flow', flowIndex: pick.flow - 1, messages: messagesOf(report, pick.flow - 1) };
  }
  if (report.messages.length === 1) {
    const m = report.messages[0]!;
    const flowIndex = flowOf(report, m);
    return { ...base, scope: 'message', messages: [m], ...(flowIndex === undefined ? {} : { flowIndex }) };
  }
  const withResponse = report.flows.findIndex((f) => f.messages.some((i) => report.messages[i]?.kind === 'Response'));
  const flowIndex = withResponse >= 0 ? withResponse : report.flows.findIndex((f) => f.messages.length > 0);
  if (flowIndex < 0) return { ...base, scope: 'message', messages: [report.messages[0]!] };
  return { ...base, scope: 'flow', flowIndex, messages: messagesOf(report, flowIndex) };
}

export function isProblem(x: PickedSide | CompareProblem): x is CompareProblem {
  return 'reason' in x;
}
