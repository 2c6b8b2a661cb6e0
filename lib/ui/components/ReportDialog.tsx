import { RedactionChoice } from './RedactionChoice';
import { useState } from 'preact/hooks';
import type { Report } from '../../core/model';
import { reportHtml, type RedactionProfile } from '../engine';
import { saveTextFile } from '../download';
import { reportFileName } from '../state/export-choice';
import { Modal } from './Modal';

export interface ReportDialogProps {
  report: Report;
  /** The selected message's flow, offered first; undefined: only the whole trace. */
  flow?: string;
  flowLabel?: string;
  onClose: () => void;
}

/** "Save HTML report": one self-contained file for a ticket, a flow or the whole trace, redacted (support by default). */
export function ReportDialog({ report, flow, flowLabel, onClose }: ReportDialogProps) {
  const [scope, setScope] = useState<'flow' | 'all'>(flow ? 'flow' : 'all');
  const [profile, setProfile] = useState<RedactionProfile>('support');
  const [saved, setSaved] = useState<string | undefined>();
  const save = () => {
    const chosen = scope === 'flow' ? flow : undefined;
    try {
      const html = reportHtml(report, { profile, ...(chosen ? { flow: chosen } : {}) });
      const name = reportFileName(new Date(), chosen);
      saveTextFile(html, name, 'text/html');
      setSaved(`Saved ${name}.`);
    } catch (e) {
      setSaved(`The report could not be made: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <Modal title="Save HTML report" onClose={onClose} class="sl-report">
      <p class="sl-muted">One file that opens offline in any browser: summary, findings with their fixes, and redacted excerpts. No script inside.</p>
      <fieldset>
        <legend>What</legend>
        {flow ? (
          <label class="sl-check">
            <input type="radio" name="sl-report-scope" checked={scope === 'flow'} onChange={() => setScope('flow')} /> This flow{flowLabel ? ` (${flowLabel})` : ''}
          </label>
        ) : null}
        <label class="sl-check">
          <input type="radio" name="sl-report-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> The whole trace ({report.messages.length} messages,{' '}
          {report.flows.length} flows)
        </label>
      </fieldset>
      <RedactionChoice name="sl-report-profile" value={profile} onChange={setProfile} />
      <div class="sl-form-actions">
        <button type="button" class="sl-primary sl-report-save" onClick={save} disabled={report.messages.length === 0 && report.findings.length === 0}>
          Save report
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
        <span class="sl-muted" role="status">
          {saved ?? ''}
        </span>
      </div>
    </Modal>
  );
}
