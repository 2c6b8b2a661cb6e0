import type { InputResult } from '../../core/input';

export type ImportPhase = 'reading' | 'parsing' | 'analysing';

export interface ImportProgress {
  phase: ImportPhase;
  /** Bytes read so far and in all (reading only). */
  loaded?: number;
  total?: number;
}

/** Main thread -> worker. */
export interface ImportRequest {
  file: Blob;
  name: string;
}

/** Worker -> main thread. */
export type ImportMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; result: InputResult }
  /** `tooLarge`: the file can never be read whole (read-file.ts TooLarge), so it is not retried on the page. */
  | { type: 'failed'; message: string; tooLarge?: boolean };

/** Words for the progress line: `Reading trace.har… 42%`. */
export function progressText(name: string, p: ImportProgress): string {
  if (p.phase === 'reading') {
    const pct = p.total ? Math.min(100, Math.floor(((p.loaded ?? 0) / p.total) * 100)) : undefined;
    return `Reading ${name}…${pct === undefined ? '' : ` ${pct}%`}`;
  }
  if (p.phase === 'parsing') return `Parsing ${name}…`;
  return `Analysing the messages of ${name}…`;
}

/** 0..1 for a <progress> element; undefined when the phase has no measure (an indeterminate bar). */
export function progressFraction(p: ImportProgress): number | undefined {
  if (p.phase !== 'reading' || !p.total) return undefined;
  return Math.min(1, (p.loaded ?? 0) / p.total);
}
