import type { Assembler } from './capture/assembler';

type WebRequestEvent = { addListener(cb: (details: never) => void, filter: object, spec?: string[]): void };

/**
 * Registers the capture listeners on a webRequest API (the browser's, or a fake in tests). Chrome and Firefox
 * differ: Chrome hides Cookie and Set-Cookie without 'extraHeaders', Firefox shows them, rejects that flag, and
 * rejects even an explicit `undefined` extraInfoSpec (onErrorOccurred takes none).
 */
export function registerListeners(webRequest: unknown, assembler: Assembler): void {
  const wr = webRequest as Record<string, WebRequestEvent | undefined>;
  const filter = { urls: ['http://*/*', 'https://*/*'] };
  const on = (event: string, cb: (d: never) => void, spec?: string[]) => {
    const target = wr[event];
    if (!target) return;
    const add = (extra?: string[]) => (extra ? target.addListener(cb, filter, extra) : target.addListener(cb, filter));
    try {
      add(spec);
    } catch {
      add(spec?.filter((s) => s !== 'extraHeaders'));
    }
  };
  on('onBeforeRequest', (d) => assembler.beforeRequest(d), ['requestBody']);
  on('onSendHeaders', (d) => assembler.sendHeaders(d), ['requestHeaders', 'extraHeaders']);
  on('onHeadersReceived', (d) => assembler.headersReceived(d), ['responseHeaders', 'extraHeaders']);
  on('onBeforeRedirect', (d) => assembler.beforeRedirect(d), ['responseHeaders', 'extraHeaders']);
  on('onCompleted', (d) => assembler.completed(d), ['responseHeaders', 'extraHeaders']);
  on('onErrorOccurred', (d) => assembler.errorOccurred(d));
}
