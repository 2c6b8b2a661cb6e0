import { writeFileSync } from 'node:fs';
import { compareReports, comparisonMarkdown, redactComparison, type CompareProblem, type Pick } from '../core/compare';
import type { MessageReport, Report } from '../core/model';
import { isRedactionProfile, type RedactionProfile } from '../core/trace/redact/profiles';
import type { DiffFlags } from './diff';
import { formatDiffHuman, formatDiffJson } from './format-diff';
import { judge } from './judge';
import { loadInputs, type LoadedInputs } from './load';
import { expectationsFrom } from './options';
import { UsageError } from './read-inputs';
import { stdoutIsTerminal } from './terminal';

// What `saml-lens diff` does, loaded only when it runs: comparing, its redaction and its reports cost a
// plain `check` nothing at start-up.

function number(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} takes a number from 1 (as the list of flows and messages counts them), not "${value}"`);
  return n;
}

/** What to compare of one side: a per-side flag wins over the shared ones; a flow and a message at once is ambiguous. */
function pickOf(flags: DiffFlags, side: 'a' | 'b'): Pick {
  const own = side === 'a' ? { flow: flags.flowA, message: flags.messageA } : { flow: flags.flowB, message: flags.messageB };
  const ownFlow = number(`--flow-${side}`, own.flow);
  const ownMessage = number(`--message-${side}`, own.message);
  const flow = number('--flow', flags.flow);
  const message = number('--message', flags.message);
  if ((ownFlow !== undefined && ownMessage !== undefined) || (flow !== undefined && message !== undefined)) {
    throw new UsageError(`side ${side.toUpperCase()}: pick a flow or a message, not both`);
  }
  if (ownFlow !== undefined) return { flow: ownFlow };
  if (ownMessage !== undefined) return { message: ownMessage };
  if (flow !== undefined) return { flow };
  if (message !== undefined) return { message };
  return { auto: true };
}

async function load(arg: string, side: 'A' | 'B'): Promise<LoadedInputs> {
  try {
    return await loadInputs([arg]);
  } catch (err) {
    if (err instanceof UsageError) throw new UsageError(`${side}: ${err.message}`);
    throw err;
  }
}

const HINTS: Partial<Record<CompareProblem['reason'], string>> = {
  'no-common-kind': ' (--message-a N --message-b M, or --flow-a N --flow-b M)',
  unrelated: ' (--force)',
};

function sources(report: Report, indexes: Array<{ index: number }>): MessageReport[] {
  return indexes.flatMap(({ index }) => report.messages.filter((m) => m.index === index));
}

/** Runs `diff` on its arguments; returns the exit code. */
export async function runDiff(a: string, b: string | undefined, flags: DiffFlags, out: (s: string) => void): Promise<number> {
  if (flags.redact !== undefined && !isRedactionProfile(flags.redact)) throw new UsageError(`--redact takes none, support or share, not "${flags.redact}"`);
  const picks = { a: pickOf(flags, 'a'), b: pickOf(flags, 'b') };
  if (b === undefined && JSON.stringify(picks.a) === JSON.stringify(picks.b)) {
    throw new UsageError('give a second capture, or pick two flows or messages of one capture (--flow-a N --flow-b M, --message-a N --message-b M)');
  }
  const la = await load(a, 'A');
  const lb = b === undefined || b === a ? la : await load(b, 'B');
  const { options, notes } = await expectationsFrom(flags, la.savedSettings ?? lb.savedSettings);
  const ra = await judge(la, options, notes);
  const rb = lb === la ? ra : await judge(lb, options, notes);
  const outcome = compareReports({ report: ra, input: la.names[0] ?? a, pick: picks.a }, { report: rb, input: lb.names[0] ?? b ?? a, pick: picks.b }, { allowUnrelated: Boolean(flags.force) });
  if (outcome.problem) throw new UsageError(outcome.problem.message + (HINTS[outcome.problem.reason] ?? ''));
  const format = flags.format ?? (flags.json ? 'json' : 'text');
  const profile = (flags.redact ?? (format === 'markdown' ? 'support' : 'none')) as RedactionProfile;
  const c = redactComparison(outcome.comparison, profile, [...sources(ra, outcome.comparison.a.messages), ...sources(rb, outcome.comparison.b.messages)]);
  const color = flags.color && !flags.output && !process.env.NO_COLOR && stdoutIsTerminal();
  const text =
    format === 'json' ? formatDiffJson(c, { includeSame: Boolean(flags.includeSame) }) : format === 'markdown' ? comparisonMarkdown(c) : formatDiffHuman(c, { color });
  if (flags.output) writeFileSync(flags.output, text);
  else out(text);
  return c.summary.matters ? 1 : 0;
}
