import { useEffect, useRef, useState } from 'preact/hooks';
import type { Problem, Report, TraceEntry } from '../../core/model';
import { readPasted } from '../engine';
import { takeInput, type InputBatch } from '../state/viewer-input';
import { importOneFile } from '../import/import-one';
import { progressFraction, progressText, type ImportProgress } from '../import/protocol';

export interface InputPaneProps {
  /** Called with entries to add to what is already loaded (never a replacement). */
  onAdd: (batch: InputBatch) => void;
  onClear: () => void;
  loadedCount: number;
  batchNumber: number;
  /** The latest report: a new one after an import means its analysis is done. */
  report?: Report;
  /** Files dropped anywhere on the viewer (not only on this box); each new drop is imported once. */
  dropped?: { files: File[]; seq: number };
}

function ProblemList({ problems }: { problems: Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul class="sl-input-problems" role="alert">
      {problems.map((p, i) => (
        <li key={i} class={p.severity === 'info' ? 'sl-muted' : 'sl-error-text'}>
          <code>{p.rule}</code> {p.message}
        </li>
      ))}
    </ul>
  );
}

/** Paste a message, a URL or a form body; drop or pick a file (HAR, SAML-tracer JSON, XML). */
export function InputPane({ onAdd, onClear, loadedCount, batchNumber, report, dropped }: InputPaneProps) {
  const [text, setText] = useState('');
  const [over, setOver] = useState(false);
  const [result, setResult] = useState<{ summary: string; problems: Problem[]; note?: string } | undefined>();
  const [progress, setProgress] = useState<{ name: string; p: ImportProgress } | undefined>();
  const batchRef = useRef(batchNumber);
  batchRef.current = batchNumber;
  const reportAtAdd = useRef<Report | undefined | null>(null);

  // "Analysing" lasts until the report that includes the new entries arrives.
  useEffect(() => {
    if (reportAtAdd.current !== null && report !== reportAtAdd.current) {
      reportAtAdd.current = null;
      setProgress(undefined);
    }
  }, [report]);

  const take = (input: string, name?: string) => {
    const out = takeInput(input, name, batchRef.current, readPasted);
    setResult({ summary: out.summary, problems: out.problems });
    if (out.batch) {
      onAdd(out.batch);
      if (!name) setText('');
    }
  };
  const takeFiles = async (files: FileList | File[] | null | undefined) => {
    const list = Array.from(files ?? []);
    const problems: Problem[] = [];
    const summaries: string[] = [];
    let note: string | undefined;
    let added = false;
    for (const f of list) {
      setProgress({ name: f.name, p: { phase: 'reading', loaded: 0, total: f.size } });
      const out = await importOneFile(f, batchRef.current, (p) => setProgress({ name: f.name, p }));
      note ??= out.note;
      summaries.push(out.summary);
      problems.push(...out.problems);
      if (out.batch) {
        reportAtAdd.current = report;
        added = true;
        batchRef.current += 1;
        onAdd(out.batch);
      }
    }
    if (added) setProgress((cur) => (cur ? { name: cur.name, p: { phase: 'analysing' } } : cur));
    else setProgress(undefined);
    setResult({ summary: summaries.join(' '), problems, ...(note ? { note } : {}) });
  };

  useEffect(() => {
    if (dropped) void takeFiles(dropped.files);
    // takeFiles is rebuilt each render; only a new drop (a new seq) is a reason to import.
  }, [dropped?.seq]);

  return (
    <section
      class={`sl-input${over ? ' sl-drop' : ''}`}
      onDragOver={(e) => (e.preventDefault(), setOver(true))}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        // Handled here: the page-wide drop handler (App) sees defaultPrevented and does not import them again.
        e.preventDefault();
        setOver(false);
        void takeFiles(e.dataTransfer?.files);
      }}
    >
      <textarea
        class="sl-paste"
        rows={4}
        spellcheck={false}
        placeholder="Paste a SAML message (XML or base64), a URL with SAMLRequest/SAMLResponse, a form body, or drop a HAR / SAML-tracer file here"
        value={text}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) take(text);
        }}
      />
      <div class="sl-input-actions">
        <button type="button" class="sl-primary" disabled={text.trim() === ''} onClick={() => take(text)}>
          Decode
        </button>
        <label class="sl-file">
          Open file… <input type="file" accept=".har,.json,.xml,.txt,.samltrace" multiple onChange={(e) => void takeFiles((e.target as HTMLInputElement).files)} />
        </label>
        <button type="button" onClick={onClear} disabled={loadedCount === 0}>
          Clear loaded
        </button>
        {progress ? (
          <span class="sl-import-progress" role="status">
            <progress max={1} value={progressFraction(progress.p)} aria-label="Import progress" /> {progressText(progress.name, progress.p)}
          </span>
        ) : (
          <span class="sl-muted sl-import-summary">{result?.summary ?? (loadedCount ? `${loadedCount} requests loaded` : '')}</span>
        )}
      </div>
      {result?.note ? <p class="sl-note sl-import-note">{result.note}</p> : null}
      <ProblemList problems={result?.problems ?? []} />
    </section>
  );
}

export type { TraceEntry };
