import { takeInput, type TakeResult } from '../state/viewer-input';
import type { ImportProgress } from './protocol';
import { importFile } from './run-import';
import { createImportWorker } from './worker-factory';

export interface FileImport extends TakeResult {
  /** Set when the file was parsed on the page (no worker could run). */
  note?: string;
}

/**
 * One file picked or dropped (viewer and panel alike): parsed in the import worker, its entries prefixed
 * with the batch number as a paste's are. Never rejects: a broken file is a problem in the result.
 */
export async function importOneFile(file: File, batch: number, onProgress: (p: ImportProgress) => void): Promise<FileImport> {
  const outcome = await importFile(file, file.name, onProgress, { createWorker: createImportWorker });
  // The file is already parsed: hand takeInput the result, so ids are prefixed the same way as a paste.
  const out = takeInput('(file)', file.name, batch, () => outcome.result);
  return outcome.fallbackNote ? { ...out, note: outcome.fallbackNote } : out;
}
