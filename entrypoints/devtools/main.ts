import { browser } from 'wxt/browser';

browser.devtools.panels.create('SAML', '/icon/32.png', '/devtools-panel.html');
