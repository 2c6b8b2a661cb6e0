import type { Expectations, Problem, TraceEntry } from '../core/model';
import type { TraceFile } from '../core/trace';
import { readInput } from './core-api';
import { readInputText, UsageError } from './read-inputs';

export interface LoadedInputs {
  names: string[];
  entries: TraceEntry[];
  problems: Problem[];
  /** Settings saved in a native trace (the first one given). */
  savedSettings?: Expectations;
  /** Capture-time verdicts of native traces, for redacted messages. */
  verdicts: TraceFile['verdicts'];
}

export function emptyInputs(): LoadedInputs {
  return { names: [], entries: [], problems: [], verdicts: [] };
}

/**
 * Adds one input's text to the trace; `prefix` keeps entry ids unique when several inputs form one trace (a
 * request URL and a response file correlate). An input with nothing usable is a usage error (exit 2).
 */
export function addInput(loaded: LoadedInputs, name: string, text: string, prefix = ''): void {
  loaded.names.push(name);
  const input = readInput(text, { name });
  if (!input.entries.length) {
    const why = input.problems[0]?.message ?? `${name}: no SAML message, HAR or SAML-tracer export recognised`;
    throw new UsageError(why);
  }
  // One push per item: spreading a list of a few hundred thousand (one problem per broken HAR entry) as
  // arguments overflows the stack.
  for (const e of input.entries) loaded.entries.push(prefix ? { ...e, id: prefix + e.id } : e);
  for (const p of input.problems) loaded.problems.push(p);
  if (input.trace) {
    loaded.savedSettings ??= input.trace.settings;
    for (const v of input.trace.verdicts) loaded.verdicts.push(prefix ? { ...v, entry: prefix + v.entry } : v);
  }
}

/** Reads every input into one trace. */
export async function loadInputs(inputs: string[]): Promise<LoadedInputs> {
  const loaded = emptyInputs();
  for (const [i, arg] of inputs.entries()) {
    const { name, text } = await readInputText(arg);
    addInput(loaded, name, text, inputs.length > 1 ? `${i + 1}:` : '');
  }
  return loaded;
}
