import { useState } from 'preact/hooks';
import type { AnalyzeOptions, MessageReport, Report } from '../../core/model';
import { runAnalysis } from '../engine';
import { importFile } from '../import/run-import';
import { createImportWorker } from '../import/worker-factory';
import { progressText } from '../import/protocol';
import { compareChoices, judgeFile, selectedSide, type CompareRequest, type CompareScope } from '../state/compare';
import { Modal } from './Modal';

export interface CompareDialogProps {
  report: Report;
  /** The selected message; its flow is the default side A. */
  message: MessageReport;
  flowLabel?: string;
  /** The same expectations judge a file chosen here as the capture. */
  options: AnalyzeOptions;
  onCompare: (request: CompareRequest) => void;
  onClose: () => void;
}

const THIS = 'this capture';

/** "Compare with…": pick the other flow or message from the list, or from a file (HAR, SAML-tracer, trace, message). */
export function CompareDialog({ report, message, flowLabel, options, onCompare, onClose }: CompareDialogProps) {
  const [scope, setScope] = useState<CompareScope>('flow');
  const [file, setFile] = useState<{ report: Report; name: string } | undefined>();
  const [chosen, setChosen] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const source = file?.report ?? report;
  const choices = file ? compareChoices(source, scope, scope === 'message' ? { kind: message.kind } : {}) : compareChoices(source, scope, { exclude: message, kind: message.kind });
  const choice = choices.find((c) => c.key === chosen) ?? choices[0];

  const open = async (files: FileList | null | undefined) => {
    const f = files?.[0];
    if (!f) return;
    const outcome = await importFile(f, f.name, (p) => setStatus(progressText(f.name, p)), { createWorker: createImportWorker });
    setStatus(`Analysing the messages of ${f.name}…`);
    const judged = await judgeFile(outcome.result, options, runAnalysis);
    if (judged.report) {
      setFile({ report: judged.report, name: f.name });
      setChosen(undefined);
      setStatus(`${f.name}: ${judged.report.messages.length} messages in ${judged.report.flows.length} flows.`);
    } else {
      setStatus(`${f.name}: ${judged.problem ?? 'nothing to compare'}`);
    }
  };

  return (
    <Modal title="Compare with…" onClose={onClose} class="sl-compare-dialog">
      <p class="sl-muted">See what differs between two logins, for example the one that works and the one that fails. The same settings judge both.</p>
      <fieldset>
        <legend>Compare (A)</legend>
        <label class="sl-check">
          <input type="radio" name="sl-compare-scope" checked={scope === 'flow'} onChange={() => (setScope('flow'), setChosen(undefined))} /> This flow{flowLabel ? ` (${flowLabel})` : ''}
        </label>
        <label class="sl-check">
          <input type="radio" name="sl-compare-scope" checked={scope === 'message'} onChange={() => (setScope('message'), setChosen(undefined))} /> This {message.kind} only
        </label>
      </fieldset>
      <fieldset class="sl-cmp-choices">
        <legend>With (B), from {file ? file.name : THIS}</legend>
        {choices.length ? (
          choices.map((c) => (
            <label key={c.key} class="sl-check">
              <input type="radio" name="sl-compare-with" checked={c.key === choice?.key} onChange={() => setChosen(c.key)} />
              <span>
                <span class="sl-emph">{c.label}</span> <span class="sl-muted">{c.detail}</span>
              </span>
            </label>
          ))
        ) : (
          <p class="sl-none">{scope === 'flow' ? 'No other flow here.' : `No other ${message.kind} here.`} Open a file with the other login.</p>
        )}
      </fieldset>
      <div class="sl-input-actions">
        <label class="sl-file">
          Open file… <input type="file" accept=".har,.json,.xml,.txt,.samltrace" onChange={(e) => void open((e.target as HTMLInputElement).files)} />
        </label>
        {file ? (
          <button type="button" onClick={() => (setFile(undefined), setChosen(undefined), setStatus(''))}>
            Back to {THIS}
          </button>
        ) : null}
        <span class="sl-muted" role="status">
          {status}
        </span>
      </div>
      <div class="sl-form-actions">
        <button
          type="button"
          class="sl-primary sl-compare-go"
          disabled={!choice}
          onClick={() => choice && onCompare({ a: selectedSide(report, message, scope, THIS), b: { report: source, input: file?.name ?? THIS, pick: choice.pick } })}
        >
          Compare
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
