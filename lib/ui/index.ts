import { h, render } from 'preact';
import './styles/panel.css';
import './printable-text';
import type { DataSource } from './data-source';
import { App, type Mode } from './components/App';

export type { DataSource, Settings } from './data-source';
export type { Mode };

export interface MountOptions {
  mode: Mode;
  /** DevTools theme (`chrome.devtools.panels.themeName`: 'dark' means dark, anything else light). */
  theme?: 'light' | 'dark';
}

/**
 * Renders the SAML Lens UI into `el`. Returns a function that unmounts it. The same UI serves the DevTools
 * panel, the viewer page and the options page; only the injected source and the mode differ.
 */
export function mountPanel(el: HTMLElement, source: DataSource, opts: MountOptions): () => void {
  render(h(App, { source, mode: opts.mode, theme: opts.theme }), el);
  return () => render(null, el);
}
