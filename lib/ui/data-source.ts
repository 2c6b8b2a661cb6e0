import type { TraceEntry, Expectations } from '../core/model';

/**
 * What the user configured. Versioned: lib/extension migrates older stored shapes to this one.
 * The SP private key (Expectations.spPrivateKeyPem) is kept in memory only unless `rememberSpKey` is on.
 */
export interface Settings extends Expectations {
  version: number;
  /** Keep captured entries across a browser restart (storage.local instead of storage.session). */
  keepAcrossRestart: boolean;
  /** Persist spPrivateKeyPem in storage.local (otherwise it lives only in the page that received it). */
  rememberSpKey: boolean;
  theme?: 'auto' | 'light' | 'dark';
}

/**
 * Where the UI gets its data. The extension builds one from browser storage (lib/extension); the UI's
 * own tests and the standalone viewer can build one in memory. The UI never touches `browser.*`.
 */
export interface DataSource {
  /** All captured entries (all tabs) in capture order. */
  load(): Promise<TraceEntry[]>;
  /**
   * The SAML entries and the traffic the analysis reads right after them, in capture order, without the thousands
   * of other requests a busy capture holds: judged and shown while `load` reads everything. Optional (a source
   * that reads everything quickly needs none); undefined when it cannot tell them apart cheaply.
   */
  loadSamlFirst?(): Promise<TraceEntry[] | undefined>;
  /** Called when entries, recording state or settings change; returns an unsubscribe function. */
  subscribe(onChange: () => void): () => void;
  clear(): Promise<void>;
  getRecording(): Promise<boolean>;
  setRecording(on: boolean): Promise<void>;
  getSettings(): Promise<Settings>;
  setSettings(next: Settings): Promise<void>;
  /** What the capture had to drop (capture window, storage quota); absent for sources that drop nothing. */
  loadDrops?(): Promise<CaptureDrops>;
  /** The DevTools-inspected tab, when shown inside DevTools. */
  inspectedTabId?: number;
}

/** What the capture had to drop (lib/extension/store/drops.ts counts it); the panel says it out loud. */
export interface CaptureDrops {
  /** Non-SAML requests evicted by the capture window (per tab or in total). */
  window: number;
  /** Non-SAML requests removed to make room when the browser's storage quota was reached. */
  quota: number;
  /** SAML messages that could not be stored at all (the quota was reached even after making room). */
  saml: number;
}
