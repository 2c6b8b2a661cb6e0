import type { Problem } from '../../core/model';

export interface ImportedBannerProps {
  /** What the panel shows instead of the live capture; undefined while it shows the live capture. */
  imported?: { label: string; summary: string; problems: Problem[]; note?: string };
  /** A drop being read, or one that had nothing to show. */
  status?: { text: string; problems: Problem[] };
  onClose: () => void;
}

function ProblemItems({ problems }: { problems: Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul class="sl-input-problems">
      {problems.map((p, i) => (
        <li key={i} class={p.severity === 'info' ? 'sl-muted' : 'sl-error-text'}>
          <code>{p.rule}</code> {p.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * The panel shows a dropped file: which one, what was kept of it, and that it is judged with the generic
 * profile and no expectations (a customer's file is not the panel's own IdP), with the way back.
 */
export function ImportedBanner({ imported, status, onClose }: ImportedBannerProps) {
  if (!imported && !status) return null;
  return (
    <div class="sl-imported" role="status">
      {imported ? (
        <>
          <strong>Showing {imported.label}</strong>
          <span class="sl-import-summary">{imported.summary}</span>
          <span class="sl-muted">Judged with the generic profile and no expectations, not this panel's settings.</span>
          <button type="button" class="sl-imported-close" onClick={onClose}>
            Back to live capture
          </button>
          {imported.note ? <span class="sl-note">{imported.note}</span> : null}
          <ProblemItems problems={imported.problems} />
        </>
      ) : null}
      {status ? (
        <>
          <span class="sl-import-status">{status.text}</span>
          {imported ? null : (
            <button type="button" class="sl-imported-close" onClick={onClose}>
              Dismiss
            </button>
          )}
          <ProblemItems problems={status.problems} />
        </>
      ) : null}
    </div>
  );
}
