import type { Severity } from '../../core/model';

const TEXT: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

/** The word is always there (not only a colour) so the badge reads in any theme and to a screen reader. */
export function SeverityBadge({ severity, count }: { severity?: Severity; count?: number }) {
  if (!severity) return <span class="sl-badge sl-badge-ok">ok</span>;
  return (
    <span class={`sl-badge sl-badge-${severity}`}>
      {TEXT[severity]}
      {count !== undefined && count > 1 ? ` ×${count}` : ''}
    </span>
  );
}
