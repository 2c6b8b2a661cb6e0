import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Report, TraceEntry } from '../../core/model';
import type { CaptureDrops, DataSource, Settings } from '../data-source';
import { runAnalysis } from '../engine';
import { analysisOptions } from '../state/settings-form';

export interface CaptureState {
  entries: TraceEntry[];
  settings?: Settings;
  recording: boolean;
  /** What the capture had to drop (storage limits), when the source counts it. */
  drops?: CaptureDrops;
  report?: Report;
  /** True while an analysis runs (the previous report stays on screen meanwhile). */
  analysing: boolean;
  /** A failure of the source or of the analysis, in words; the last good report stays shown. */
  error?: string;
  /** True while the SAML entries are shown and the other requests are still being read (`loadSamlFirst`). */
  reading?: boolean;
}

// One shared empty list: a fresh `[]` per render would re-trigger the reload effect on every render.
const NO_ENTRIES: TraceEntry[] = [];

/** Resolves once the browser could paint what was rendered (at the latest after 100 ms: a hidden panel draws no frames). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), resolve()), 0));
  });
}

function words(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Entries and settings from the data source, judged by the core. Captures arrive in bursts (a login is
 * a dozen requests, a busy page hundreds): change notifications are coalesced, and at most one analysis
 * runs at a time; when more changes came in meanwhile, one more run follows with the latest data.
 */
export function useCapture(
  source: DataSource,
  extra: TraceEntry[] = NO_ENTRIES,
  /** false: judge only `extra` (the viewer shows what the person loaded, not the live capture). */
  includeSource = true,
  /** Settings being edited and not yet saved: the report judges with these meanwhile. */
  preview?: Settings,
  /** An imported trace's own settings: judged with these instead of the saved ones (which stay the live capture's). */
  judgeWith?: Settings,
): CaptureState & { reload: () => void } {
  const [state, setState] = useState<CaptureState>({ entries: [], recording: false, analysing: false });
  const running = useRef(false);
  const dirty = useRef(false);
  const latest = useRef<{ entries: TraceEntry[]; settings?: Settings }>({ entries: [] });
  const alive = useRef(true);
  const extraRef = useRef(extra);
  extraRef.current = extra;
  const previewRef = useRef(preview);
  previewRef.current = preview;
  const judgeRef = useRef(judgeWith);
  judgeRef.current = judgeWith;

  const analyseLoop = useCallback(async () => {
    if (running.current) {
      dirty.current = true;
      return;
    }
    running.current = true;
    setState((s) => ({ ...s, analysing: true }));
    do {
      dirty.current = false;
      const { entries, settings } = latest.current;
      // Yield first so the key press or click that caused this is painted before the work starts.
      await new Promise((r) => setTimeout(r, 0));
      try {
        // Redacted entries carry what their file said was found before redaction; analyze shows it as claims.
        const report = await runAnalysis(entries, analysisOptions(previewRef.current ?? judgeRef.current ?? settings));
        if (!alive.current) return;
        setState((s) => ({ ...s, report, error: undefined }));
      } catch (e) {
        if (!alive.current) return;
        setState((s) => ({ ...s, error: `Analysis failed: ${words(e)}` }));
      }
    } while (dirty.current);
    running.current = false;
    if (alive.current) setState((s) => ({ ...s, analysing: false }));
  }, []);

  /**
   * Opening the panel over a busy capture: the SAML messages are judged and painted first, and only then are the
   * thousands of other requests read (Chromium takes about half a second to hand them over).
   */
  const showSamlFirst = useCallback(async () => {
    const [saml, settings, recording] = await Promise.all([source.loadSamlFirst?.(), source.getSettings(), source.getRecording()]);
    if (!saml || !alive.current) return;
    const entries = extraRef.current.length ? [...saml, ...extraRef.current] : saml;
    latest.current = { entries, settings };
    setState((s) => ({ ...s, entries, settings, recording, reading: true }));
    await analyseLoop();
    await afterPaint();
  }, [source, analyseLoop]);

  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const reads = useRef(0);
  const applied = useRef(0);
  const reload = useCallback(() => {
    if (pending.current !== undefined) return;
    const first = reads.current === 0;
    const read = ++reads.current;
    // The first read starts at once (opening the panel is what the person waits for); later ones gather a burst.
    pending.current = setTimeout(async () => {
      pending.current = undefined;
      try {
        if (first && includeSource && source.loadSamlFirst) await showSamlFirst().catch(() => undefined);
        const [captured, settings, recording, drops] = await Promise.all([
          includeSource ? source.load() : Promise.resolve([]),
          source.getSettings(),
          source.getRecording(),
          includeSource && source.loadDrops ? source.loadDrops() : Promise.resolve(undefined),
        ]);
        // A later read was shown already: it is newer than this one.
        if (!alive.current || read < applied.current) return;
        applied.current = read;
        const entries = extraRef.current.length ? [...captured, ...extraRef.current] : captured;
        latest.current = { entries, settings };
        setState((s) => ({ ...s, entries, settings, recording, drops, reading: false }));
        void analyseLoop();
      } catch (e) {
        if (alive.current) setState((s) => ({ ...s, error: `Could not read the captures: ${words(e)}`, reading: false }));
      }
    }, first ? 0 : 50);
  }, [source, analyseLoop, includeSource, showSamlFirst]);

  useEffect(() => {
    alive.current = true;
    reload();
    const off = source.subscribe(reload);
    return () => {
      alive.current = false;
      off();
      // Forgotten as well as cleared: a read still marked pending makes every later reload() return at once,
      // so a drop that re-rendered the panel while a read was scheduled would never be judged, nor the live
      // capture shown again.
      if (pending.current !== undefined) clearTimeout(pending.current);
      pending.current = undefined;
    };
  }, [source, reload]);

  // Settings being edited: judge again with them (and with the saved ones when the editing ends).
  const previewed = useRef(false);
  useEffect(() => {
    if (!preview && !previewed.current) return;
    previewed.current = !!preview;
    void analyseLoop();
  }, [preview, analyseLoop]);

  // The trace's own settings changed (applied from the drawer or from its file): judge again.
  const judged = useRef(judgeWith);
  useEffect(() => {
    if (judged.current === judgeWith) return;
    judged.current = judgeWith;
    void analyseLoop();
  }, [judgeWith, analyseLoop]);

  // Entries added by the viewer (pasted, dropped) are not in the source: re-judge when they change.
  useEffect(() => {
    reload();
  }, [extra, reload]);

  return { ...state, analysing: state.analysing || !!state.reading, reload };
}
