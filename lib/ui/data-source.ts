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
  /** Called when entries, recording state or settings change; returns an unsubscribe function. */
  subscribe(onChange: () => void): () => void;
  clear(): Promise<void>;
  getRecording(): Promise<boolean>;
  setRecording(on: boolean): Promise<void>;
  getSettings(): Promise<Settings>;
  setSettings(next: Settings): Promise<void>;
  /** The DevTools-inspected tab, when shown inside DevTools. */
  inspectedTabId?: number;
}
