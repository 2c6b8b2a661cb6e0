import type { Problem, TraceEntry } from '../core/model';
import type { SavedSettings } from '../core/trace/format';
import { readInput } from './core-api';
import { readInputText, UsageError } from './read-inputs';

export interface LoadedInputs {
  names: string[];
  entries: TraceEntry[];
  problems: Problem[];
  /** Settings saved in a native trace (the first one given): shown, applied only with --use-saved-settings. */
  savedSettings?: SavedSettings;
}

export function emptyInputs(): LoadedInputs {
  return { names: [], entries: [], problems: [] };
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
  // A trace's stored verdicts are already on its redacted entries (parseTrace), so they travel with the ids.
  if (input.trace) loaded.savedSettings ??= input.trace.settings;
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
