import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MessageKind, Report, Severity, TraceEntry } from '../../core/model';
import type { DataSource, Settings } from '../data-source';
import type { SavedSettings } from '../../core/trace';
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
import { describeDrops } from '../state/drops';
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
import { OtherTypeFilter } from './OtherTypeFilter';
import { ImportedBanner } from './ImportedBanner';
import { usePanelImport } from '../hooks/usePanelImport';
import { useFileDrop } from '../hooks/useFileDrop';
import { otherTypeCounts } from '../state/rows';
import type { RequestType } from '../engine';
import { Splitter } from './Splitter';
import { TraceSettingsBanner } from './TraceSettingsBanner';
import { SettingsOfferBanner } from './SettingsOfferBanner';
import { FlowHead } from './FlowHead';
import { useLayout } from '../hooks/useLayout';
import { flowTarget, initialSelection } from '../state/selection';
import { plural } from '../state/plural';
import { describeSavedSettings } from '../../core/trace';

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

/** Entries and messages up to which the filter runs on every key press (building the rows takes 2-6 ms for 5,000). */
const FILTER_EVERY_KEY = 10_000;

function isTyping(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

export function App({ source, mode, theme }: AppProps) {
  const [extra, setExtra] = useState<TraceEntry[]>([]);
  const [batches, setBatches] = useState(0);
  const [preview, setPreview] = useState<Settings>();
  const panelImport = usePanelImport();
  // A file dropped on the panel is shown instead of the live capture. Files loaded here are someone else's
  // trace: judged with their own settings, which start generic (never the live capture's saved ones) and change
  // only by the person's choice.
  const shown = mode === 'panel' ? panelImport.imported : undefined;
  const imported = mode === 'viewer' || !!shown;
  const [traceSettings, setTraceSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [fileOffer, setFileOffer] = useState<FileOffer>();
  const cap = useCapture(source, shown ? shown.entries : extra, mode !== 'viewer' && !shown, preview, imported ? traceSettings : undefined);
  // A new drop on the panel starts again from the generic profile, with its own file's settings offered.
  useEffect(() => {
    if (mode !== 'panel') return;
    setTraceSettings(DEFAULT_SETTINGS);
    setFileOffer(shown?.settings ? { origin: shown.label, settings: shown.settings } : undefined);
  }, [mode, shown]);
  const systemDark = useSystemDark();
  const settings = cap.settings ?? DEFAULT_SETTINGS;
  const dataTheme = resolveTheme(settings.theme, theme, systemDark);

  const saveSettings = useCallback(async (next: Settings) => {
    await source.setSettings(next);
    cap.reload();
  }, [source, cap.reload]);
  // "Use for the live capture": the trace's expectations become the saved ones; the browser preferences stay.
  const useForLive = useCallback(
    (next: Settings) => saveSettings({ version: settings.version, keepAcrossRestart: settings.keepAcrossRestart, rememberSpKey: settings.rememberSpKey, theme: settings.theme, ...analysisOptions(next) }),
    [saveSettings, settings],
  );

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
      judged={imported ? traceSettings : settings}
      imported={imported}
      saveSettings={imported ? async (next) => setTraceSettings(next) : saveSettings}
      useForLive={imported ? useForLive : undefined}
      fileOffer={fileOffer}
      onFileOffer={(apply) => {
        if (apply && fileOffer) setTraceSettings({ ...DEFAULT_SETTINGS, ...fileOffer.settings });
        setFileOffer(undefined);
      }}
      onPreview={setPreview}
      onAdd={(b) => {
        setBatches((n) => n + 1);
        setExtra((prev) => [...prev, ...b.entries]);
        if (b.settings) setFileOffer({ origin: b.label, settings: b.settings });
      }}
      onClearExtra={() => (setExtra([]), setFileOffer(undefined), setTraceSettings(DEFAULT_SETTINGS))}
      extraCount={extra.length}
      batchNumber={batches + 1}
      panelImport={panelImport}
    />
  );
}

/** Settings stored in an imported file: offered, applied only on the person's click. */
interface FileOffer {
  origin: string;
  settings: SavedSettings;
}

interface WorkspaceProps {
  source: DataSource;
  mode: 'panel' | 'viewer';
  dataTheme: Theme;
  cap: ReturnType<typeof useCapture>;
  /** What the trace on screen is judged against: the saved settings, or an imported trace's own. */
  judged: Settings;
  imported: boolean;
  saveSettings: (s: Settings) => Promise<void>;
  useForLive?: (s: Settings) => Promise<void>;
  fileOffer?: FileOffer;
  onFileOffer: (apply: boolean) => void;
  onPreview: (draft: Settings | undefined) => void;
  onAdd: (b: InputBatch) => void;
  onClearExtra: () => void;
  extraCount: number;
  batchNumber: number;
  panelImport: ReturnType<typeof usePanelImport>;
}

function Workspace(props: WorkspaceProps) {
  const { source, mode, dataTheme, cap, judged, imported, saveSettings, useForLive, fileOffer, onFileOffer, onPreview, onAdd, onClearExtra, extraCount, batchNumber, panelImport } = props;
  const [text, setText] = useState('');
  const [kind, setKind] = useState<MessageKind | ''>('');
  const [minSeverity, setMinSeverity] = useState<Severity | ''>('');
  const [allTabs, setAllTabs] = useState(false);
  const [showOthers, setShowOthers] = useState(false);
  const [types, setTypes] = useState<RequestType[]>([]);
  const [dropped, setDropped] = useState<{ files: File[]; seq: number }>();
  // Files dropped anywhere: the panel shows them instead of the live capture, the viewer adds them.
  const drop = useFileDrop(mode === 'panel' ? panelImport.importFiles : (files) => setDropped((d) => ({ files, seq: (d?.seq ?? 0) + 1 })));
  const [cursorKey, setCursorKey] = useState<string | undefined>();
  const [detailOpen, setDetailOpen] = useState(false);
  const [drawer, setDrawer] = useState(false);
  const [dialog, setDialog] = useState<{ type: 'export' } | { type: 'report'; flow?: string } | { type: 'compare'; message: number }>();
  const [compare, setCompare] = useState<CompareRequest>();
  const [split, setSplit] = useState({ columns: 0.42, rows: 0.4 });
  const [revealSeq, setRevealSeq] = useState(0);
  const layout = useLayout();
  const searchRef = useRef<HTMLInputElement | null>(null);
  const listRef = useRef<HTMLDivElement | null>(null);
  const detailRef = useRef<HTMLDivElement | null>(null);
  // Filtering costs a few milliseconds for 5,000 requests (each row's search text is lower-cased once): it follows
  // every key press, and waits for typing to pause only over a list as long as a big imported HAR's.
  const filterText = useDebounced(text, cap.entries.length + (cap.report?.messages.length ?? 0) > FILTER_EVERY_KEY ? 150 : 0);

  const report = cap.report ?? EMPTY_REPORT;
  const tabId = source.inspectedTabId !== undefined && !allTabs ? source.inspectedTabId : undefined;
  const filter = useMemo(() => ({ text: filterText, kinds: kind ? [kind] : [], minSeverity: minSeverity || undefined }), [filterText, kind, minSeverity]);
  const rows = useMemo(() => buildRows(report, cap.entries, { tabId, showOthers, filter, types }), [report, cap.entries, tabId, showOthers, filter, types]);
  const typeCounts = useMemo(() => (showOthers ? otherTypeCounts(report, cap.entries) : undefined), [showOthers, report, cap.entries]);
  const flowLabels = useMemo(() => new Map(report.flows.map((f, i) => [f.id, `#${i + 1}`])), [report]);
  const flowsById = useMemo(() => new Map(report.flows.map((f) => [f.id, f])), [report]);
  const entriesById = useMemo(() => new Map(cap.entries.map((e) => [e.id, e])), [cap.entries]);
  const cursor = cursorKey === undefined ? -1 : rows.findIndex((r) => r.key === cursorKey);
  // The detail follows the cursor once it rests: holding an arrow key must not render each message on the way.
  const shownKey = useDebounced(cursorKey, 80);

  // When only one of list and detail fits, the list is hidden while the detail is open: focus it once it is shown again.
  const backToList = useCallback(() => {
    setDetailOpen(false);
    setTimeout(() => listRef.current?.focus(), 0);
  }, []);

  const openDetail = useCallback((focus = true) => {
    setDetailOpen(true);
    if (focus) setTimeout(() => detailRef.current?.focus(), 0);
  }, []);

  // The answer first: until the person picks a row, the newest flow with an error is selected (and shown).
  const chosen = useRef(false);
  useEffect(() => {
    if (chosen.current || rows.length === 0) return;
    const i = initialSelection(report, rows);
    const key = i === undefined ? undefined : rows[i]?.key;
    if (key === undefined || key === cursorKey) return;
    setCursorKey(key);
    setRevealSeq((n) => n + 1);
    if (layout === 'stack') setDetailOpen(true);
  }, [rows, report]);
  const pick = useCallback((key: string | undefined) => {
    chosen.current = true;
    setCompare(undefined);
    setCursorKey(key);
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
        const flow = flowsById.get(m.flow);
        const actions = (
          <>
            <CopyButton label="Copy flow (Markdown)" text={() => markdownReport(report, m.flow)} />
            <CopyButton label="Copy all" text={() => markdownReport(report)} />
            <button type="button" onClick={() => setDialog({ type: 'report', flow: m.flow })} title="Save an HTML report of this flow for a ticket">
              HTML report…
            </button>
            <button type="button" class="sl-compare-open" onClick={() => setDialog({ type: 'compare', message: m.index })} title="Compare with another flow or message">
              Compare…
            </button>
          </>
        );
        return (
          <MessageDetail
            key={row.key}
            m={m}
            entry={entriesById.get(m.entry)}
            time={timeReference(report, m)}
            lookup={ruleInfo}
            idp={messageIdp(report, m)}
            actions={actions}
            head={flow ? <FlowHead flow={flow} label={flowLabels.get(flow.id)} report={report} /> : undefined}
          />
        );
      }
    }
    if (row?.type === 'other') return <EntryDetail entry={row.entry} />;
    return <p class="sl-none sl-pad">Select a message (click, or ↑/↓ and Enter) to see what is wrong with it and how to fix it.</p>;
  })();

  // The split is a share of the main area; the bar between list and detail moves it.
  const mainStyle =
    layout === 'columns'
      ? { gridTemplateColumns: `minmax(180px, ${Math.round(split.columns * 100)}%) 5px minmax(0, 1fr)` }
      : layout === 'rows'
        ? { gridTemplateRows: `minmax(60px, ${Math.round(split.rows * 100)}%) 5px minmax(0, 1fr)` }
        : undefined;

  return (
    <div class={`sl-app sl-layout-${layout}${detailOpen ? ' sl-detail-open' : ''}${drop.over ? ' sl-dropping' : ''}`} data-theme={dataTheme} {...drop.handlers}>
      <Toolbar
        mode={mode}
        recording={cap.recording}
        onRecording={mode === 'panel' ? (on) => void source.setRecording(on).then(cap.reload) : undefined}
        onClear={mode === 'panel' && !imported ? () => void source.clear().then(cap.reload) : undefined}
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
      {mode === 'viewer' ? <InputPane onAdd={onAdd} onClear={onClearExtra} loadedCount={extraCount} batchNumber={batchNumber} report={cap.report} dropped={dropped} /> : null}
      {mode === 'panel' ? <ImportedBanner imported={panelImport.imported} status={panelImport.status} onClose={panelImport.close} /> : null}
      {typeCounts ? <OtherTypeFilter types={types} onTypes={setTypes} counts={typeCounts} /> : null}
      {cap.error ? (
        <div class="sl-banner sl-error-text" role="alert">
          {cap.error}
        </div>
      ) : null}
      {describeDrops(cap.drops) ? (
        <div class="sl-banner sl-drops" role="status">
          {describeDrops(cap.drops)}
        </div>
      ) : null}
      <TraceSettingsBanner
        scope={imported ? 'import' : 'live'}
        settings={judged}
        onChange={() => setDrawer(true)}
      />
      {fileOffer ? (
        <SettingsOfferBanner
          offer={fileOffer}
          heading={`${fileOffer.origin} carries the settings its maker used`}
          intro="This trace is judged with the generic profile and no expectations. Apply the file's settings only if you trust the file: its certificates would decide which signatures count as valid."
          more={describeSavedSettings({
            idpMetadataXml: fileOffer.settings.idpMetadataXml,
            spMetadataXml: fileOffer.settings.spMetadataXml,
            profileDocument: fileOffer.settings.profileDocument,
            clockSkewSeconds: fileOffer.settings.clockSkewSeconds,
            at: fileOffer.settings.at,
          })}
          onApply={() => onFileOffer(true)}
          onDismiss={() => onFileOffer(false)}
        />
      ) : null}
      <Verdict verdict={report.summary.verdict} scope="trace" />
      {report.findings.length > 0 ? (
        <button type="button" class={`sl-banner sl-trace${shownKey === 'trace' ? ' sl-selected' : ''}`} onClick={() => (pick('trace'), openDetail())}>
          {plural(report.findings.length, 'finding')} about the whole trace
        </button>
      ) : null}
      <main class="sl-main" style={mainStyle}>
        <MessageList
          rows={rows}
          report={report}
          cursor={cursor}
          onCursor={(i) => pick(rows[i]?.key)}
          onOpen={(focus) => openDetail(focus || layout === 'stack')}
          onFlow={(i) => {
            const target = flowTarget(report, rows, i);
            if (target === undefined) return;
            pick(rows[target]?.key);
            openDetail(layout === 'stack');
          }}
          flowLabels={flowLabels}
          listRef={listRef}
          revealSeq={revealSeq}
          emptyText={
            mode === 'viewer'
              ? 'Paste a message above, or drop a HAR / SAML-tracer / trace file anywhere on the input box.'
              : cap.entries.length === 0
                ? 'Nothing captured yet. Sign in to a SAML application in this tab; SAML Lens records in the background.'
                : 'No SAML message matches.'
          }
        />
        {layout !== 'stack' ? (
          <Splitter
            orientation={layout === 'columns' ? 'vertical' : 'horizontal'}
            value={split[layout]}
            onChange={(f) => setSplit((s) => ({ ...s, [layout]: f }))}
          />
        ) : null}
        <div class="sl-detail" ref={detailRef} tabIndex={-1}>
          {layout === 'stack' && detailOpen ? (
            <button type="button" class="sl-back" onClick={backToList}>
              ← Back (Esc)
            </button>
          ) : null}
          {detail}
        </div>
      </main>
      {dialog?.type === 'export' ? (
        <ExportDialog entries={cap.entries} report={report} rows={rows} settings={judged} analysing={cap.analysing} onClose={() => setDialog(undefined)} />
      ) : null}
      {dialog?.type === 'report' ? (
        <ReportDialog report={report} flow={dialog.flow} flowLabel={dialog.flow ? flowLabels.get(dialog.flow) : undefined} onClose={() => setDialog(undefined)} />
      ) : null}
      {dialog?.type === 'compare' && report.messages[dialog.message] ? (
        <CompareDialog
          report={report}
          message={report.messages[dialog.message]!}
          flowLabel={flowLabels.get(report.messages[dialog.message]!.flow)}
          options={analysisOptions(judged)}
          onCompare={(request) => (setCompare(request), setDialog(undefined), openDetail())}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      {drawer ? (
        <aside class="sl-drawer" aria-label="Settings">
          <SettingsForm
            settings={judged}
            onSave={saveSettings}
            onClose={() => setDrawer(false)}
            onPreview={onPreview}
            scope={imported ? 'trace' : 'saved'}
            onUseForLive={useForLive}
          />
        </aside>
      ) : null}
    </div>
  );
}
