import { useState } from 'preact/hooks';
import type { Problem, TraceEntry } from '../../core/model';
import { readPasted } from '../engine';
import { takeInput, type InputBatch } from '../state/viewer-input';

export interface InputPaneProps {
  /** Called with entries to add to what is already loaded (never a replacement). */
  onAdd: (batch: InputBatch) => void;
  onClear: () => void;
  loadedCount: number;
  batchNumber: number;
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
export function InputPane({ onAdd, onClear, loadedCount, batchNumber }: InputPaneProps) {
  const [text, setText] = useState('');
  const [over, setOver] = useState(false);
  const [result, setResult] = useState<{ summary: string; problems: Problem[] } | undefined>();

  const take = (input: string, name?: string) => {
    const out = takeInput(input, name, batchNumber, readPasted);
    setResult({ summary: out.summary, problems: out.problems });
    if (out.batch) {
      onAdd(out.batch);
      if (!name) setText('');
    }
  };
  const takeFiles = async (files: FileList | null | undefined) => {
    for (const f of Array.from(files ?? [])) {
      try {
        take(await f.text(), f.name);
      } catch (e) {
        setResult({ summary: `Could not read ${f.name}: ${e instanceof Error ? e.message : String(e)}`, problems: [] });
      }
    }
  };

  return (
    <section
      class={`sl-input${over ? ' sl-drop' : ''}`}
      onDragOver={(e) => (e.preventDefault(), setOver(true))}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
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
          Open file… <input type="file" accept=".har,.json,.xml,.txt" multiple onChange={(e) => void takeFiles((e.target as HTMLInputElement).files)} />
        </label>
        <button type="button" onClick={onClear} disabled={loadedCount === 0}>
          Clear loaded
        </button>
        <span class="sl-muted">{result?.summary ?? (loadedCount ? `${loadedCount} requests loaded` : '')}</span>
      </div>
      <ProblemList problems={result?.problems ?? []} />
    </section>
  );
}

export type { TraceEntry };
