import { useCallback, useState } from 'preact/hooks';
import type { Problem, TraceEntry } from '../../core/model';
import type { SavedSettings } from '../../core/trace';
import { importOneFile } from '../import/import-one';
import { progressText } from '../import/protocol';

export interface PanelImport {
  /** The file names, for the banner. */
  label: string;
  entries: TraceEntry[];
  summary: string;
  problems: Problem[];
  note?: string;
  /** Settings stored in the file: offered, applied only on the person's click. */
  settings?: SavedSettings;
}

/**
 * Files dropped on the DevTools panel. As in the Network panel, a drop shows the file instead of the live
 * capture (which keeps recording underneath) until the person goes back to it; nothing is added to storage.
 */
export function usePanelImport(): {
  imported?: PanelImport;
  /** Progress words while a drop is read, and the outcome of a drop that had nothing to show. */
  status?: { text: string; problems: Problem[] };
  importFiles: (files: File[]) => void;
  close: () => void;
} {
  const [imported, setImported] = useState<PanelImport>();
  const [status, setStatus] = useState<{ text: string; problems: Problem[] }>();

  const importFiles = useCallback((files: File[]) => {
    void (async () => {
      const entries: TraceEntry[] = [];
      const problems: Problem[] = [];
      const summaries: string[] = [];
      let note: string | undefined;
      let settings: SavedSettings | undefined;
      for (const [i, f] of files.entries()) {
        const out = await importOneFile(f, i + 1, (p) => setStatus({ text: progressText(f.name, p), problems: [] }));
        summaries.push(out.summary);
        problems.push(...out.problems);
        note ??= out.note;
        settings ??= out.batch?.settings;
        if (out.batch) for (const e of out.batch.entries) entries.push(e);
      }
      if (entries.length === 0) {
        // Nothing to show: the view stays as it was, and says why.
        setStatus({ text: summaries.join(' '), problems });
        return;
      }
      setStatus(undefined);
      setImported({ label: files.map((f) => f.name).join(', '), entries, summary: summaries.join(' '), problems, ...(note ? { note } : {}), ...(settings ? { settings } : {}) });
    })();
  }, []);

  const close = useCallback(() => {
    setImported(undefined);
    setStatus(undefined);
  }, []);

  return { imported, status, importFiles, close };
}
