import type { Settings } from '../data-source';
import { profileChoices } from '../engine';
import { judgedAgainst } from '../state/judged-against';

export interface TraceSettingsBannerProps {
  /** 'live': the capture, judged with the saved settings; 'import': files loaded here, judged with their own. */
  scope: 'live' | 'import';
  settings: Settings;
  onChange: () => void;
  /** The panel showing files dropped on it: back to the live capture. */
  onCloseImport?: () => void;
}

const names = new Map(profileChoices().map((p) => [p.id, p.name]));

/** One line above the list: what this trace is judged against, and the way to change it. */
export function TraceSettingsBanner({ scope, settings, onChange, onCloseImport }: TraceSettingsBannerProps) {
  const parts = judgedAgainst(settings, (id) => names.get(id));
  const text = parts.join(' · ');
  return (
    <div class={`sl-judged sl-judged-${scope}`} role="note" aria-label="What this trace is judged against">
      <span class="sl-judged-scope">{scope === 'live' ? 'Live capture' : 'Imported'}</span>
      <span class="sl-judged-parts" title={`Judged against: ${text}`}>
        {text}
      </span>
      <button type="button" class="sl-link sl-judged-change" onClick={onChange}>
        change
      </button>
      {onCloseImport ? (
        <button type="button" class="sl-link sl-judged-close" onClick={onCloseImport}>
          back to live capture
        </button>
      ) : null}
    </div>
  );
}
