import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageKind, Report, Severity } from '../../core/model';
import { plural } from '../state/plural';

const KINDS: MessageKind[] = ['AuthnRequest', 'Response', 'LogoutRequest', 'LogoutResponse', 'ArtifactResolve', 'ArtifactResponse', 'Artifact', 'Assertion', 'Unknown'];

export interface ToolbarProps {
  mode: 'panel' | 'viewer';
  recording: boolean;
  onRecording?: (on: boolean) => void;
  onClear?: () => void;
  text: string;
  onText: (t: string) => void;
  kind: MessageKind | '';
  onKind: (k: MessageKind | '') => void;
  minSeverity: Severity | '';
  onMinSeverity: (s: Severity | '') => void;
  /** undefined: no inspected tab (a plain tab or the viewer), so the toggle is hidden. */
  allTabs?: boolean;
  onAllTabs: (on: boolean) => void;
  showOthers: boolean;
  onShowOthers: (on: boolean) => void;
  onSettings: () => void;
  /** Opens the export dialog; undefined while there is nothing to export. */
  onExport?: () => void;
  /** Opens the HTML report dialog; undefined while there is nothing to report. */
  onReport?: () => void;
  report?: Report;
  analysing: boolean;
  searchRef: { current: HTMLInputElement | null };
}

/** The rarer actions behind one button, so the toolbar stays one row however narrow DevTools is docked. */
function MoreMenu(p: ToolbarProps) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: Event) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('keydown', esc, true);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('keydown', esc, true);
    };
  }, [open]);
  const act = (f?: () => void) => () => {
    setOpen(false);
    f?.();
  };
  const filtered = p.kind !== '' || p.showOthers || p.allTabs === true;
  return (
    <div class="sl-menu-wrap" ref={box}>
      <button
        type="button"
        class={`sl-icon sl-menu-open${filtered ? ' sl-on' : ''}`}
        aria-haspopup="true"
        aria-expanded={open}
        aria-label="More: filters, export, report"
        title="More: filters, export, report"
        onClick={() => setOpen((o) => !o)}
      >
        ⋯
      </button>
      {open ? (
        <div class="sl-menu" role="group" aria-label="More">
          <label>
            Kind{' '}
            <select aria-label="Kind" value={p.kind} onChange={(e) => p.onKind((e.target as HTMLSelectElement).value as MessageKind | '')}>
              <option value="">All kinds</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          {p.allTabs !== undefined ? (
            <label class="sl-check">
              <input type="checkbox" checked={p.allTabs} onChange={(e) => p.onAllTabs((e.target as HTMLInputElement).checked)} /> All tabs
            </label>
          ) : null}
          <label class="sl-check" title="Show every captured request in time order, non-SAML ones dimmed">
            <input type="checkbox" checked={p.showOthers} onChange={(e) => p.onShowOthers((e.target as HTMLInputElement).checked)} /> Other requests
          </label>
          <hr />
          <button type="button" class="sl-export-open" onClick={act(p.onExport)} disabled={!p.onExport} title="Save the capture as a SAML Lens trace, HAR or SAML-tracer file, redacted">
            ⤓ Export…
          </button>
          <button type="button" class="sl-report-open" onClick={act(p.onReport)} disabled={!p.onReport} title="Save an HTML report of the whole trace for a ticket">
            Report…
          </button>
          <button type="button" onClick={act(p.onSettings)}>
            ⚙ Settings…
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** "2 errors"; on a narrow panel the word is hidden (CSS) and the number stays, with the words as its title. */
function Count({ n, word, cls }: { n: number; word: string; cls: string }) {
  const text = plural(n, word);
  return (
    <span class={`sl-count ${cls}${n ? '' : ' sl-zero'}`} title={text}>
      {n}
      <span class="sl-count-w">{text.slice(String(n).length)}</span>
    </span>
  );
}

/**
 * One row that never wraps: record, clear, filter, severity, counts, settings and a menu. The counts keep their
 * width as numbers change (fixed columns of tabular digits), so nothing beside them moves while capturing.
 */
export function Toolbar(p: ToolbarProps) {
  const s = p.report?.summary;
  return (
    <div class="sl-toolbar" role="toolbar" aria-label="SAML Lens">
      {p.mode === 'panel' && p.onRecording ? (
        <button
          type="button"
          class={`sl-icon sl-rec${p.recording ? ' sl-rec-on' : ''}`}
          aria-pressed={p.recording}
          aria-label={p.recording ? 'Recording: pause' : 'Paused: resume recording'}
          onClick={() => p.onRecording?.(!p.recording)}
          title={p.recording ? 'Recording: click to pause' : 'Paused: click to resume recording'}
        >
          {p.recording ? '●' : '❚❚'}
        </button>
      ) : null}
      {p.onClear ? (
        <button type="button" class="sl-icon sl-clear" onClick={p.onClear} aria-label="Clear" title="Clear all captured requests">
          ⊘
        </button>
      ) : null}
      <input
        ref={(el) => {
          p.searchRef.current = el;
        }}
        type="search"
        class="sl-search"
        placeholder="Filter (/): text, slug, host, NameID…"
        aria-label="Filter messages"
        value={p.text}
        onInput={(e) => p.onText((e.target as HTMLInputElement).value)}
      />
      <select class="sl-severity" aria-label="Severity" value={p.minSeverity} onChange={(e) => p.onMinSeverity((e.target as HTMLSelectElement).value as Severity | '')}>
        <option value="">All</option>
        <option value="error">Errors</option>
        <option value="warning">Warnings+</option>
        <option value="info">Any finding</option>
      </select>
      <span class="sl-counts" aria-live="polite" aria-busy={p.analysing} title={p.analysing ? 'analysing…' : undefined}>
        <span class={`sl-busy${p.analysing ? ' sl-busy-on' : ''}`} aria-hidden="true" />
        {/* Said to screen readers (and readable by tests) without taking room: the counts do not move. */}
        {p.analysing ? <span class="sl-sr">analysing…</span> : null}
        {s ? (
          <>
            <Count n={s.messages} word="message" cls="sl-c-msg" />
            <Count n={s.errors} word="error" cls="sl-c-error" />
            <Count n={s.warnings} word="warning" cls="sl-c-warning" />
          </>
        ) : null}
      </span>
      <button type="button" class="sl-icon sl-settings-open" onClick={p.onSettings} aria-label="Settings" title="Settings">
        ⚙
      </button>
      <MoreMenu {...p} />
    </div>
  );
}
