import type { Problem, TraceEntry } from '../core/model';
import type { SavedSettings } from '../core/trace';
import { readInput } from './core-api';
import { readInputText, UsageError } from './read-inputs';

export interface LoadedInputs {
  names: string[];
  entries: TraceEntry[];
  problems: Problem[];
  /** Settings saved in a native trace (the first one given): shown, applied only with --use-saved-settings. */
  savedSettings?: SavedSettings;
}

/** Reads every input into one trace; an input with nothing usable is a usage error (exit 2). */
export async function loadInputs(inputs: string[]): Promise<LoadedInputs> {
  const loaded: LoadedInputs = { names: [], entries: [], problems: [] };
  for (const [i, arg] of inputs.entries()) {
    const { name, text } = await readInputText(arg);
    loaded.names.push(name);
    const input = readInput(text, { name });
    if (!input.entries.length) {
      const why = input.problems[0]?.message ?? `${name}: no SAML message, HAR or SAML-tracer export recognised`;
      throw new UsageError(why);
    }
    // Entries of several inputs form one trace (a request URL and a response file correlate); ids stay unique.
    const prefix = inputs.length > 1 ? `${i + 1}:` : '';
    for (const e of input.entries) loaded.entries.push(prefix ? { ...e, id: prefix + e.id } : e);
    loaded.problems.push(...input.problems);
    // A trace's stored verdicts are already on its redacted entries (parseTrace), so they travel with the ids.
    if (input.trace) loaded.savedSettings ??= input.trace.settings;
  }
  return loaded;
}
