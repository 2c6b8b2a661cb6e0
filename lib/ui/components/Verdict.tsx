import type { Verdict as VerdictData } from '../../core/model';
import { VERDICT_MARK as MARK } from '../../core/verdict/words';

/**
 * The answer first (issue 9): one line with the cause and the fix (the core's `Verdict`), then the rest of a
 * fix that runs over several lines. Shown above everything else in the flow detail and the trace view.
 */
export function Verdict({ verdict, scope }: { verdict: VerdictData | undefined; scope?: 'flow' | 'trace' }) {
  if (!verdict) return null;
  const more = verdict.fix?.split('\n').slice(1) ?? [];
  return (
    <div class={`sl-verdict${scope ? ` sl-verdict-${scope}` : ''} sl-verdict-${verdict.level}`} role="status" title={scope === 'trace' ? verdict.text : undefined}>
      <strong>
        <span aria-hidden="true">{MARK[verdict.level]} </span>
        {verdict.text}
      </strong>
      {more.map((l, i) => (
        <div key={i} class="sl-verdict-more">
          {l}
        </div>
      ))}
    </div>
  );
}
