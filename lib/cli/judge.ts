import type { AnalyzeOptions, Problem, Report } from '../core/model';
import { isRedactionProfile, type RedactionProfile } from '../core/trace/redact/profiles';
import { analyze } from './core-api';
import { loadInputs, type LoadedInputs } from './load';
import { expectationsFrom, type ExpectationFlags } from './options';
import { UsageError } from './read-inputs';

/**
 * Analyzes loaded inputs: what the reader noticed and the notes about saved settings become trace findings.
 * Redacted messages are judged by analyze itself (their captured verdicts are claims, shown as such).
 */
export async function judge(loaded: LoadedInputs, options: AnalyzeOptions, notes: Problem[] = []): Promise<Report> {
  return analyze(loaded.entries, options, [...loaded.problems, ...notes]);
}

/** check's and convert's start: the redaction asked for, the inputs read, what to expect, and the report. */
export async function judgeInputs(
  inputs: string[],
  flags: ExpectationFlags & { redact: string },
): Promise<{ loaded: LoadedInputs; options: AnalyzeOptions; report: Report; profile: RedactionProfile }> {
  if (!isRedactionProfile(flags.redact)) throw new UsageError(`--redact takes none, support or share, not "${flags.redact}"`);
  const loaded = await loadInputs(inputs);
  const { options, notes } = await expectationsFrom(flags, loaded.savedSettings);
  return { loaded, options, report: await judge(loaded, options, notes), profile: flags.redact };
}

/**
 * After a command's output for the inputs it could use: one line for each it could not (loadInputs), and the exit
 * code that calls for (2, unusable input), or undefined when every input was used.
 */
export function sayUnusable(loaded: LoadedInputs, log: (s: string) => void): 2 | undefined {
  for (const why of loaded.unusable) log(`saml-lens: ${why}\n`);
  return loaded.unusable.length ? 2 : undefined;
}
