// Building ExtractedMessage records, and the guard that keeps one failure from losing the others.
import type { Binding, DecodeStep, ExtractedMessage, Problem, TraceEntry } from '../model';
import type { Decoded } from './decode';
import { failed } from './decode';

export function makeMessage(
  entry: TraceEntry,
  binding: Binding,
  parameter: string,
  steps: DecodeStep[],
  decoded: Decoded,
): ExtractedMessage {
  const msg: ExtractedMessage = {
    entryId: entry.id,
    binding,
    parameter,
    steps: [...steps, ...decoded.steps],
    problems: decoded.problems,
  };
  if (decoded.xml !== undefined) msg.xml = decoded.xml;
  return msg;
}

/** Runs one message's extraction; an unexpected exception becomes a decode-failed message of its own. */
export function guarded(
  entry: TraceEntry,
  binding: Binding,
  parameter: string,
  build: () => ExtractedMessage,
): ExtractedMessage {
  try {
    return build();
  } catch (e) {
    const why = e instanceof Error && e.message ? e.message : 'unexpected error';
    const problem: Problem = failed(parameter, `could not be decoded (${why})`);
    return { entryId: entry.id, binding, parameter, steps: [], problems: [problem] };
  }
}

/** First value of a `[name, value]` list, by exact name. */
export function field(fields: ReadonlyArray<readonly [string, string]>, name: string): string | undefined {
  for (const [n, v] of fields) if (n === name) return v;
  return undefined;
}
