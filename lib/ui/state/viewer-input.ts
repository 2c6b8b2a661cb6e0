import type { Problem, TraceEntry } from '../../core/model';
import type { SavedSettings } from '../../core/trace';
import { savedSettingsProblem } from '../engine';

/** The part of the core's InputResult (lib/core/input) the viewer uses. */
export interface InputResult {
  format: string;
  entries: TraceEntry[];
  problems: Problem[];
  /** A native trace's saved settings: shown, never applied (its redacted entries carry their own verdicts). */
  trace?: { settings: SavedSettings };
  /** HAR and SAML-tracer files: requests in the file, kept, and with a SAML message. */
  counts?: { read: number; kept: number; saml: number };
}

export interface InputBatch {
  entries: TraceEntry[];
  label: string;
  /** The file's saved settings, when it has any: offered to the person, applied only if they choose to. */
  settings?: SavedSettings;
}

export interface TakeResult {
  batch?: InputBatch;
  summary: string;
  problems: Problem[];
}

/** What the viewer says about a file's saved settings: they are the file maker's, offered but not taken. */
const SETTINGS_HINT =
  'An imported trace starts from the generic profile with no expectations; the file\'s settings are offered above the list, to apply only if you trust the file.';

/** " (7 with a SAML message)" for a HAR or SAML-tracer file: the rest are the requests around them. */
function withSaml(counts: InputResult['counts']): string {
  return counts ? ` (${counts.saml} with a SAML message)` : '';
}

/**
 * One paste or file, turned into entries to ADD to what is loaded. Entry ids are prefixed with the batch
 * number: two pastes both produce `pasted-1`, and a report's message points to its entry by id.
 * Never throws: a reader that does is reported like any other problem, and nothing loaded is lost.
 */
export function takeInput(
  text: string,
  name: string | undefined,
  batch: number,
  read: (text: string, name?: string) => InputResult,
): TakeResult {
  if (text.trim() === '') return { summary: 'Nothing to decode.', problems: [] };
  let result: InputResult;
  try {
    result = read(text, name);
  } catch (e) {
    return {
      summary: `${name ?? 'The input'} could not be read; what was loaded before is kept.`,
      problems: [{ rule: 'input-unrecognised', message: e instanceof Error ? e.message : String(e) }],
    };
  }
  const label = name ?? 'pasted text';
  if (result.entries.length === 0) {
    return {
      summary: `No SAML message or request found in ${label}${result.format !== 'unknown' ? ` (read as ${result.format})` : ''}; what was loaded before is kept.`,
      problems: result.problems,
    };
  }
  const prefix = `b${batch}:`;
  const entries = result.entries.map((e) => ({ ...e, id: `${prefix}${e.id}` }));
  const note = result.trace ? savedSettingsProblem(result.trace.settings, false, SETTINGS_HINT) : undefined;
  return {
    batch: { entries, label, ...(note && result.trace ? { settings: result.trace.settings } : {}) },
    summary: `Added ${entries.length} request${entries.length === 1 ? '' : 's'}${withSaml(result.counts)} from ${label} (${result.format}).`,
    problems: note ? [...result.problems, note] : result.problems,
  };
}
