import { watchPage } from '../lib/extension/page-capture/scan';
import { reportToStorage } from '../lib/extension/page-capture/report';

// The second capture path (issue 15): SAML messages seen in the page itself, stored without the service worker.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_start',
  main() {
    watchPage(reportToStorage);
  },
});
