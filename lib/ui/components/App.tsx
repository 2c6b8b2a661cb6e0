import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MessageKind, Report, Severity, TraceEntry } from '../../core/model';
import type { DataSource, Settings } from '../data-source';
import { useCapture } from '../hooks/useCapture';
import { useDebounced } from '../hooks/useDebounced';
import { resolveTheme, useSystemDark, type Theme } from '../hooks/useTheme';
import { markdownReport, messageIdp, ruleInfo, traceIdp } from '../engine';
import { CopyButton } from './CopyButton';
import { buildRows } from '../state/rows';
import { analysisOptions, DEFAULT_SETTINGS } from '../state/settings-form';
import type { CompareRequest } from '../state/compare';
import type { InputBatch } from '../state/viewer-input';
import { timeReference } from '../state/time-reference';
import { Toolbar } from './Toolbar';
import { MessageList } from './MessageList';
import { MessageDetail, EntryDetail } from './MessageDetail';
import { Verdict } from './Verdict';
import { Findings } from './Findings';
import { SettingsForm } from './Settings';
import { InputPane } from './InputPane';
import { ExportDialog } from './ExportDialog';
import { ReportDialog } from './ReportDialog';
import { CompareDialog } from './CompareDialog';
import { CompareView } from './CompareView';

export type Mode = 'panel' | 'viewer' | 'options';

export interface AppProps {
  source: DataSource;
  mode: Mode;
  /** The DevTools theme, read by the entry point (`chrome.devtools.panels.themeName`). */
  theme?: Theme;
}

const EMPTY_REPORT: Report = {
  schemaVersion: 1,
  messages: [],
  findings: [],
  flows: [],
  summary: { entries: 0, messages: 0, flows: 0, errors: 0, warnings: 0, infos: 0, profile: 'generic', at: 'capture' },
};

function isTyping(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

export function App({ source, mode, theme }: AppProps) {
  const [extra, setExtra] = useState<TraceEntry[]>([]);
  const [batches, setBatches] = useState(0);
  const [preview, setPreview] = useState<Settings>();
  const cap = useCapture(source, extra, mode !== 'viewer', preview);
  const systemDark = useSystemDark();
  const settings = cap.settings ?? DEFAULT_SETTINGS;
  const dataTheme = resolveTheme(settings.theme, theme, systemDark);

  const saveSettings = useCallback(async (next: Settings) => {
    await source.setSettings(next);
    cap.reload();
  }, [source, cap.reload]);

  if (mode === 'options') {
    return (
      <div class="sl-app sl-options" data-theme={dataTheme}>
        <h1>SAML Lens settings</h1>
        {cap.error ? <p class="sl-error-text">{cap.error}</p> : null}
        {cap.settings ? <SettingsForm settings={cap.settings} onSave={saveSettings} /> : <p class="sl-muted">Loading…</p>}
      </div>
    );
  }
  return (
    <Workspace
      source={source}
      mode={mode}
      dataTheme={dataTheme}
      cap={cap}
      settings={settings}
      saveSettings={saveSettings}
      onPreview={setPreview}
      onAdd={(b) => {
        setBatches((n) => n + 1);
        setExtra((prev) => [...prev, ...b.entries]);
      }}
      onClearExtra={() => setExtra([])}
      extraCount={extra.length}
      batchNumber={batches + 1}
    />
  );
}

interface WorkspaceProps {
  source: DataSource;
  mode: 'panel' | 'viewer';
  dataTheme: Theme;
  cap: ReturnType<typeof useCapture>;
  settings: Settings;
  saveSettings: (s: Settings) => Promise<void>;
  onPreview: (draft: Settings | undefined) => void;
  onAdd: (b: InputBatch) => void;
  onClearExtra: () => void;
  extraCount: number;
  batchNumber: number;
}

function Workspace({ source, mode, dataTheme, cap, settings, saveSettings, onPreview, onAdd, onClearExtra, extraCount, batchNumber }: WorkspaceProps) {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<MessageKind | ''>('');
  const [minSeverity, setMinSeverity] = useState<Severity | ''>('');
  const [allTabs, setAllTabs] = useState(false);
  const [showOthers, setShowOthers] = useState(false);
  const [cursorKey, setCursorKey] = useState<string | undefined>();
  const [detailOpen, setDetailOpen] = useState(false);
  const [drawer, setDrawer] = useState(false);
  const [dialog, setDialog] = useState<{ type: 'export' } | { type: 'report'; flow?: string } | { type: 'compare'; message: number }>();
  const [compare, setCompare] = useState<CompareRequest>();
  const searchRef = useRef<HTMLInputElement | null>(null);
  const listRef = useRef<HTMLDivElement | null>(null);
  const detailRef = useRef<HTMLDivElement | null>(null);
  const filterText = useDebounced(text, 150);

  const report = cap.report ?? EMPTY_REPORT;
  const tabId = source.inspectedTabId !== undefined && !allTabs ? source.inspectedTabId : undefined;
  const filter = useMemo(() => ({ text: filterText, kinds: kind ? [kind] : [], minSeverity: minSeverity || undefined }), [filterText, kind, minSeverity]);
  const rows = useMemo(() => buildRows(report, cap.entries, { tabId, showOthers, filter }), [report, cap.entries, tabId, showOthers, filter]);
  const flowLabels = useMemo(() => new Map(report.flows.map((f, i) => [f.id, `#${i + 1}`])), [report]);
  const entriesById = useMemo(() => new Map(cap.entries.map((e) => [e.id, e])), [cap.entries]);
  const cursor = cursorKey === undefined ? -1 : rows.findIndex((r) => r.key === cursorKey);
  // The detail follows the cursor once it rests: holding an arrow key must not render each message on the way.
  const shownKey = useDebounced(cursorKey, 80);

  // On a narrow panel the list is hidden while the detail is open: focus it once it is shown again.
  const backToList = useCallback(() => {
    setDetailOpen(false);
    setTimeout(() => listRef.current?.focus(), 0);
  }, []);

  const openDetail = useCallback(() => {
    setDetailOpen(true);
    setTimeout(() => detailRef.current?.focus(), 0);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !isTyping(e.target)) {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === 'Escape') {
        if (dialog) setDialog(undefined);
        else if (drawer) setDrawer(false);
        else if (compare) setCompare(undefined);
        else if (detailOpen || detailRef.current?.contains(e.target as Node) || e.target === searchRef.current) {
          backToList();
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [drawer, dialog, compare, detailOpen, backToList]);

  const detail = (() => {
    if (compare) {
      return (
        <CompareView request={compare} lookup={ruleInfo} onSwap={() => setCompare({ a: compare.b, b: compare.a })} onClose={() => setCompare(undefined)} />
      );
    }
    if (shownKey === 'trace') {
      return (
        <article class="sl-detail-inner">
          <Verdict verdict={report.summary.verdict} />
          <h2>Findings about the whole trace</h2>
          <Findings findings={report.findings} lookup={ruleInfo} idp={traceIdp(report)} />
        </article>
      );
    }
    const row = rows.find((r) => r.key === shownKey);
    if (row?.type === 'message') {
      const m = report.messages[row.index];
      if (m) {
        const actions = (
          <>
            <CopyButton label="Copy flow as Markdown" text={() => markdownReport(report, m.flow)} />
            <CopyButton label="Copy all as Markdown" text={() => markdownReport(report)} />
            <button type="button" onClick={() => setDialog({ type: 'report', flow: m.flow })}>
              Save HTML report…
            </button>
            <button type="button" class="sl-compare-open" onClick={() => setDialog({ type: 'compare', message: m.index })}>
              Compare with…
            </button>
          </>
        );
        return <MessageDetail key={row.key} m={m} entry={entriesById.get(m.entry)} time={timeReference(report, m)} lookup={ruleInfo} idp={messageIdp(report, m)} actions={actions} verdict={report.flows.find((f) => f.id === m.flow)?.verdict} />;
      }
    }
    if (row?.type === 'other') return <EntryDetail entry={row.entry} />;
    return <p class="sl-none sl-pad">Select a message (↑/↓, Enter) to see what is wrong with it and how to fix it.</p>;
  })();

  return (
    <div class={`sl-app${detailOpen ? ' sl-detail-open' : ''}`} data-theme={dataTheme}>
      <Toolbar
        mode={mode}
        recording={cap.recording}
        onRecording={mode === 'panel' ? (on) => void source.setRecording(on).then(cap.reload) : undefined}
        onClear={mode === 'panel' ? () => void source.clear().then(cap.reload) : undefined}
        text={text}
        onText={setText}
        kind={kind}
        onKind={setKind}
        minSeverity={minSeverity}
        onMinSeverity={setMinSeverity}
        allTabs={source.inspectedTabId !== undefined ? allTabs : undefined}
        onAllTabs={setAllTabs}
        showOthers={showOthers}
        onShowOthers={setShowOthers}
        onSettings={() => setDrawer((d) => !d)}
        onExport={cap.entries.length ? () => setDialog({ type: 'export' }) : undefined}
        onReport={report.messages.length || report.findings.length ? () => setDialog({ type: 'report' }) : undefined}
        report={cap.report}
        analysing={cap.analysing}
        searchRef={searchRef}
      />
      {mode === 'viewer' ? <InputPane onAdd={onAdd} onClear={onClearExtra} loadedCount={extraCount} batchNumber={batchNumber} report={cap.report} /> : null}
      {cap.error ? (
        <div class="sl-banner sl-error-text" role="alert">
          {cap.error}
        </div>
      ) : null}
      {report.findings.length > 0 ? (
        <button type="button" class={`sl-banner sl-trace${shownKey === 'trace' ? ' sl-selected' : ''}`} onClick={() => (setCompare(undefined), setCursorKey('trace'), openDetail())}>
          {report.findings.length} finding{report.findings.length === 1 ? '' : 's'} about the whole trace
        </button>
      ) : null}
      <main class="sl-main">
        <MessageList
          rows={rows}
          report={report}
          cursor={cursor}
          onCursor={(i) => (setCompare(undefined), setCursorKey(rows[i]?.key))}
          onOpen={openDetail}
          flowLabels={flowLabels}
          listRef={listRef}
          emptyText={
            mode === 'viewer'
              ? 'Paste a message above, or drop a HAR / SAML-tracer / trace file anywhere on the input box.'
              : cap.entries.length === 0
                ? 'Nothing captured yet. Sign in to a SAML application in this tab; SAML Lens records in the background.'
                : 'No SAML message matches.'
          }
        />
        <div class="sl-detail" ref={detailRef} tabIndex={-1}>
          {detailOpen ? (
            <button type="button" class="sl-back" onClick={backToList}>
              ← Back (Esc)
            </button>
          ) : null}
          {detail}
        </div>
      </main>
      {dialog?.type === 'export' ? (
        <ExportDialog entries={cap.entries} report={report} rows={rows} settings={settings} analysing={cap.analysing} onClose={() => setDialog(undefined)} />
      ) : null}
      {dialog?.type === 'report' ? (
        <ReportDialog report={report} flow={dialog.flow} flowLabel={dialog.flow ? flowLabels.get(dialog.flow) : undefined} onClose={() => setDialog(undefined)} />
      ) : null}
      {dialog?.type === 'compare' && report.messages[dialog.message] ? (
        <CompareDialog
          report={report}
          message={report.messages[dialog.message]!}
          flowLabel={flowLabels.get(report.messages[dialog.message]!.flow)}
          options={analysisOptions(settings)}
          onCompare={(request) => (setCompare(request), setDialog(undefined), openDetail())}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      {drawer ? (
        <aside class="sl-drawer" aria-label="Settings">
          <SettingsForm settings={settings} onSave={saveSettings} onClose={() => setDrawer(false)} onPreview={onPreview} />
        </aside>
      ) : null}
    </div>
  );
}
