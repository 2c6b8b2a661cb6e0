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
  /**
   * Why each input that could not be used was left out, when others could (one unusable input alone is a usage
   * error): the command reports on the rest, prints these and exits 2.
   */
  unusable: string[];
  /** Requests in the HAR and SAML-tracer inputs, kept of them, and with a SAML message (summed). */
  counts?: { read: number; kept: number; saml: number };
}

export function emptyInputs(): LoadedInputs {
  return { names: [], entries: [], problems: [], unusable: [] };
}

/**
 * Adds one input's text to the trace; `prefix` keeps entry ids unique when several inputs form one trace (a
 * request URL and a response file correlate). An input with nothing usable is a usage error (exit 2).
 */
export function addInput(loaded: LoadedInputs, name: string, text: string, prefix = ''): void {
  const input = readInput(text, { name });
  // A HAR keeps its other requests as context, but a file with no SAML message at all is not what was meant.
  if (!input.entries.length || input.counts?.saml === 0) {
    const why = input.problems[0]?.message ?? `${name}: no SAML message, HAR or SAML-tracer export recognised`;
    throw new UsageError(why);
  }
  loaded.names.push(name);
  // One push per item: spreading a list of a few hundred thousand (one problem per broken HAR entry) as
  // arguments overflows the stack.
  for (const e of input.entries) loaded.entries.push(prefix ? { ...e, id: prefix + e.id } : e);
  for (const p of input.problems) loaded.problems.push(p);
  // A trace's stored verdicts are already on its redacted entries (parseTrace), so they travel with the ids.
  if (input.trace) loaded.savedSettings ??= input.trace.settings;
  if (input.counts) {
    loaded.counts ??= { read: 0, kept: 0, saml: 0 };
    loaded.counts.read += input.counts.read;
    loaded.counts.kept += input.counts.kept;
    loaded.counts.saml += input.counts.saml;
  }
}

/**
 * Reads every input into one trace. Past an input that cannot be used (a missing file, a truncated HAR), the
 * others are still read, as `cat` and `jq` go on past a bad file: one broken capture among several does not
 * hide what the others show. Only when none can be used is it a usage error.
 */
export async function loadInputs(inputs: string[]): Promise<LoadedInputs> {
  const loaded = emptyInputs();
  for (const [i, arg] of inputs.entries()) {
    try {
      const { name, text } = await readInputText(arg);
      addInput(loaded, name, text, inputs.length > 1 ? `${i + 1}:` : '');
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      loaded.unusable.push(err.message);
    }
  }
  if (loaded.entries.length === 0 && loaded.unusable.length) throw new UsageError(loaded.unusable[0]);
  return loaded;
}
