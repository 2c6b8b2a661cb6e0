import { RedactionChoice } from './RedactionChoice';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Report, TraceEntry } from '../../core/model';
import type { Settings } from '../data-source';
import { startExport, type ExportOutcome } from '../export/run-export';
import { createExportWorker } from '../export/worker-factory';
import { saveTextFile } from '../download';
import { analysisOptions } from '../state/settings-form';
import { DEFAULT_EXPORT_CHOICE, FORMAT_CHOICES, previewSummary, scopeCounts, scopeEntryIds, type ExportChoice, type PreviewSummary } from '../state/export-choice';
import type { Row } from '../state/rows';
import { Modal } from './Modal';
import { plural } from '../state/plural';

export interface ExportDialogProps {
  entries: TraceEntry[];
  /** Computed on the entries as they are (before redaction): the stored verdicts come from it. */
  report: Report;
  rows: readonly Row[];
  settings: Settings;
  analysing: boolean;
  onClose: () => void;
}


function sizeText(chars: number): string {
  return chars < 1024 ? `${chars} bytes` : chars < 1024 * 1024 ? `${(chars / 1024).toFixed(1)} KB` : `${(chars / 1024 / 1024).toFixed(1)} MB`;
}

/** Export: format, scope and redaction profile, with a preview of what redaction replaces before saving. */
export function ExportDialog({ entries, report, rows, settings, analysing, onClose }: ExportDialogProps) {
  const [choice, setChoice] = useState<ExportChoice>(DEFAULT_EXPORT_CHOICE);
  const [saved, setSaved] = useState<string | undefined>();
  const counts = useMemo(() => scopeCounts(rows, report, entries), [rows, report, entries]);
  const set = (patch: Partial<ExportChoice>) => {
    setSaved(undefined);
    setChoice((c) => ({ ...c, ...patch }));
  };

  // The preview is the export itself: what is shown is exactly what Save writes. It is prepared in a
  // worker (redacting a big capture takes a while); a newer choice cancels the older preparation.
  const [out, setOut] = useState<ExportOutcome & { preview?: PreviewSummary; preparing: boolean }>({ preparing: true });
  useEffect(() => {
    setOut((o) => ({ ...o, preparing: true }));
    const job = startExport(
      entries,
      { format: choice.format, profile: choice.profile, entryIds: scopeEntryIds(choice.scope, rows, report), report, settings: analysisOptions(settings) },
      createExportWorker,
    );
    let live = true;
    void job.promise.then((o) => {
      if (live) setOut({ ...o, preparing: false, ...(o.result ? { preview: previewSummary(o.result.redaction, o.result.notes) } : {}) });
    });
    return () => {
      live = false;
      job.cancel();
    };
  }, [entries, rows, report, settings, choice]);

  const chosen = counts[choice.scope];
  const result = out.preparing ? undefined : out.result;
  const preview = out.preparing ? undefined : out.preview;
  const save = () => {
    if (!result) return;
    saveTextFile(result.text, result.fileName, result.mimeType);
    setSaved(`Saved ${result.fileName} (${sizeText(result.text.length)}).`);
  };

  return (
    <Modal title="Export" onClose={onClose} class="sl-export">
      <fieldset>
        <legend>Format</legend>
        {FORMAT_CHOICES.map((f) => (
          <label key={f.id} class="sl-check">
            <input type="radio" name="sl-export-format" value={f.id} checked={choice.format === f.id} onChange={() => set({ format: f.id })} />
            <span>
              <span class="sl-emph">{f.title}</span> <span class="sl-muted">{f.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>What</legend>
        <label class="sl-check">
          <input type="radio" name="sl-export-scope" value="view" checked={choice.scope === 'view'} onChange={() => set({ scope: 'view' })} />
          <span>
            What the list shows now (current filter): {plural(counts.view.requests, 'request')}, {plural(counts.view.messages, 'SAML message')}
          </span>
        </label>
        <label class="sl-check">
          <input type="radio" name="sl-export-scope" value="all" checked={choice.scope === 'all'} onChange={() => set({ scope: 'all' })} />
          <span>
            Everything {entries.length === counts.view.requests ? '' : '(including requests the filter hides)'}: {plural(counts.all.requests, 'request')},{' '}
            {plural(counts.all.messages, 'SAML message')}
          </span>
        </label>
      </fieldset>
      <RedactionChoice name="sl-export-profile" value={choice.profile} onChange={(profile) => set({ profile })} />
      <section class="sl-preview" aria-label="Preview" aria-live="polite">
        <h3>Preview</h3>
        {out.preparing ? (
          <p class="sl-export-preparing" role="status">
            <progress aria-label="Preparing the export" /> Preparing the export of {plural(chosen.requests, 'request')}…
          </p>
        ) : null}
        {!out.preparing && out.error ? <p class="sl-error-text">{out.error}</p> : null}
        {!out.preparing && out.fallbackNote ? <p class="sl-note sl-export-note">{out.fallbackNote}</p> : null}
        {preview ? <PreviewView preview={preview} /> : null}
        {result ? (
          <p class="sl-muted">
            {result.fileName}: {plural(result.entries.length, 'request')}, {sizeText(result.text.length)}.
          </p>
        ) : null}
      </section>
      {analysing ? <p class="sl-note">Analysis is still running; the verdicts stored in the file will be the ones on screen. Wait a moment for the latest.</p> : null}
      <div class="sl-form-actions">
        <button type="button" class="sl-primary sl-export-save" disabled={!result || chosen.requests === 0} onClick={save}>
          Save file
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
        <span class="sl-muted" role="status">
          {chosen.requests === 0 ? 'Nothing to export in this scope.' : (saved ?? '')}
        </span>
      </div>
    </Modal>
  );
}

export function PreviewView({ preview }: { preview: PreviewSummary }) {
  return (
    <>
      {preview.caution ? <p class={preview.profile === 'none' ? 'sl-error-text' : 'sl-note'}>{preview.caution}</p> : null}
      {preview.lines.length === 0 ? (
        <p class="sl-preview-empty">{preview.profile === 'none' ? 'Nothing is replaced.' : 'Nothing needed replacing for this profile.'}</p>
      ) : (
        <table class="sl-preview-table">
          <thead>
            <tr>
              <th>Replaced</th>
              <th>Count</th>
              <th>Where (examples)</th>
            </tr>
          </thead>
          <tbody>
            {preview.lines.map((l) => (
              <tr key={l.kind} class={`sl-preview-${l.kind}`}>
                <td>{l.label}</td>
                <td class="sl-num">{l.count}</td>
                <td>
                  {l.places.join('; ')}
                  {l.morePlaces ? ` and ${l.morePlaces} more` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.pseudonyms > 0 ? <p class="sl-muted">{plural(preview.pseudonyms, 'personal value')} replaced by consistent pseudonyms.</p> : null}
      {preview.redactedEntries > 0 ? (
        <p class="sl-muted">
          {plural(preview.redactedEntries, 'request')} changed: their signatures no longer verify, so the file keeps the verdicts computed now, before
          redaction, and marks them “redacted: verdict as captured”.
        </p>
      ) : null}
      {preview.notes.length > 0 ? (
        <div class="sl-export-notes" role="note">
          <p class="sl-emph">Not kept by this format:</p>
          <ul>
            {preview.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
