import type { MessageKind, Report, Severity } from '../../core/model';

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

export function Toolbar(p: ToolbarProps) {
  const s = p.report?.summary;
  return (
    <div class="sl-toolbar" role="toolbar" aria-label="SAML Lens">
      {p.mode === 'panel' && p.onRecording ? (
        <button type="button" class={`sl-rec${p.recording ? ' sl-rec-on' : ''}`} aria-pressed={p.recording} onClick={() => p.onRecording?.(!p.recording)} title={p.recording ? 'Pause recording' : 'Resume recording'}>
          {p.recording ? '● Recording' : '❚❚ Paused'}
        </button>
      ) : null}
      {p.onClear ? (
        <button type="button" onClick={p.onClear} title="Clear all captured requests">
          Clear
        </button>
      ) : null}
      <input
        ref={(el) => {
          p.searchRef.current = el;
        }}
        type="search"
        class="sl-search"
        placeholder="Filter (/ to focus): text, slug, host, NameID…"
        aria-label="Filter messages"
        value={p.text}
        onInput={(e) => p.onText((e.target as HTMLInputElement).value)}
      />
      <select aria-label="Kind" value={p.kind} onChange={(e) => p.onKind((e.target as HTMLSelectElement).value as MessageKind | '')}>
        <option value="">All kinds</option>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
      <select aria-label="Severity" value={p.minSeverity} onChange={(e) => p.onMinSeverity((e.target as HTMLSelectElement).value as Severity | '')}>
        <option value="">Any severity</option>
        <option value="error">Errors</option>
        <option value="warning">Warnings and errors</option>
        <option value="info">With any finding</option>
      </select>
      {p.allTabs !== undefined ? (
        <label class="sl-check">
          <input type="checkbox" checked={p.allTabs} onChange={(e) => p.onAllTabs((e.target as HTMLInputElement).checked)} /> All tabs
        </label>
      ) : null}
      <label class="sl-check" title="Show every captured request in time order, non-SAML ones dimmed">
        <input type="checkbox" checked={p.showOthers} onChange={(e) => p.onShowOthers((e.target as HTMLInputElement).checked)} /> Other requests
      </label>
      <span class="sl-grow" />
      <span class="sl-counts" aria-live="polite">
        {p.analysing ? 'analysing… ' : ''}
        {s ? (
          <>
            {s.messages} msg · <span class="sl-c-error">{s.errors} {s.errors === 1 ? 'error' : 'errors'}</span> · <span class="sl-c-warning">{s.warnings} {s.warnings === 1 ? 'warning' : 'warnings'}</span> · {s.profile}
          </>
        ) : null}
      </span>
      <button type="button" class="sl-export-open" onClick={p.onExport} disabled={!p.onExport} title="Save the capture as a SAML Lens trace, HAR or SAML-tracer file, redacted">
        ⤓ Export…
      </button>
      <button type="button" class="sl-report-open" onClick={p.onReport} disabled={!p.onReport} title="Save an HTML report of the whole trace for a ticket">
        Report…
      </button>
      <button type="button" onClick={p.onSettings} title="Settings">
        ⚙ Settings
      </button>
    </div>
  );
}
