import browser from 'webextension-polyfill';

/** Adds the "SAML" panel to DevTools; its page is the same one the popup opens as a tab. */
export function createDevtoolsPanel(): void {
  void browser.devtools.panels.create('SAML', '/icon/32.png', '/devtools-panel.html');
}
