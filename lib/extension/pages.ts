import browser from 'webextension-polyfill';
import type { DataSource } from '../ui/data-source';
import { createExtensionDataSource } from './data-source';
import { exposeVerifyHook } from './test-hook';
import { collectBodies, type NetworkLike } from './bodies/collector';
import { withBodies } from './bodies/source';

export type PageMode = 'panel' | 'viewer' | 'options';

/**
 * The DevTools theme when the page runs inside DevTools; `?theme=light|dark` overrides it (the panel
 * opened as a tab, e.g. for screenshots). Undefined: follow the system.
 */
export function devtoolsTheme(): 'light' | 'dark' | undefined {
  const asked = new URLSearchParams(location.search).get('theme');
  if (asked === 'light' || asked === 'dark') return asked;
  // browser.devtools exists only inside DevTools (undefined when the panel page is an ordinary tab).
  const name = (browser.devtools as typeof browser.devtools | undefined)?.panels?.themeName;
  if (name === 'dark') return 'dark';
  if (name === 'default' || name === 'light') return 'light';
  return undefined;
}

/** The inspected tab when inside DevTools; undefined when the panel page is an ordinary tab. */
export function inspectedTabId(): number | undefined {
  const id = (browser.devtools as typeof browser.devtools | undefined)?.inspectedWindow?.tabId;
  return typeof id === 'number' ? id : undefined;
}

/** DevTools' network view when the page runs inside DevTools (it reads response bodies the background cannot). */
function devtoolsNetwork(): NetworkLike | undefined {
  const network = (browser.devtools as typeof browser.devtools | undefined)?.network;
  return network?.onRequestFinished ? (network as unknown as NetworkLike) : undefined;
}

export interface PageContext {
  el: HTMLElement;
  source: DataSource;
  mode: PageMode;
  devtoolsTheme?: 'light' | 'dark';
}

/** Everything an entry point needs: the mount element, the data source and the theme. */
export function pageContext(mode: PageMode): PageContext {
  const el = document.getElementById('app') ?? document.body;
  const tabId = mode === 'panel' ? inspectedTabId() : undefined;
  const theme = devtoolsTheme();
  if (theme) document.documentElement.dataset.devtoolsTheme = theme;
  exposeVerifyHook();
  const captured = createExtensionDataSource(tabId !== undefined ? { inspectedTabId: tabId } : {});
  const network = mode === 'panel' ? devtoolsNetwork() : undefined;
  return {
    el,
    mode,
    source: network ? withBodies(captured, collectBodies(network)) : captured,
    ...(theme ? { devtoolsTheme: theme } : {}),
  };
}
