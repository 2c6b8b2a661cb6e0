import browser from 'webextension-polyfill';

/** Opens one of the extension's own pages in a new tab (needs no "tabs" permission). */
export function openExtensionPage(page: 'devtools-panel.html' | 'viewer.html' | 'options.html'): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/${page}`) });
  if (typeof window !== 'undefined') window.close();
}
