import { describe, expect, it } from 'vitest';
import { Assembler } from '../../lib/extension/capture/assembler';
import { registerListeners } from '../../lib/extension/listeners';

const assembler = () => new Assembler({ started: () => undefined, finished: () => undefined, orphan: () => undefined });

const EVENTS = ['onBeforeRequest', 'onSendHeaders', 'onHeadersReceived', 'onBeforeRedirect', 'onCompleted', 'onErrorOccurred'];

/** A webRequest API that records registrations and, like Firefox, refuses what Firefox refuses. */
function fakeWebRequest(browser: 'chrome' | 'firefox') {
  const registered: Record<string, unknown[]> = {};
  const api: Record<string, { addListener: (...args: unknown[]) => void }> = {};
  for (const name of EVENTS) {
    api[name] = {
      addListener: (...args: unknown[]) => {
        if (browser === 'firefox') {
          if (args.length > 2 && args[2] === undefined) throw new Error(`Incorrect argument types for webRequest.${name}.`);
          if (Array.isArray(args[2]) && args[2].includes('extraHeaders')) throw new Error('Invalid enumeration value "extraHeaders"');
        }
        registered[name] = args.slice(2);
      },
    };
  }
  return { api, registered };
}

describe('registering the capture listeners', () => {
  it('in Firefox: every event is registered, without extraHeaders and without an undefined extraInfoSpec', () => {
    const { api, registered } = fakeWebRequest('firefox');
    registerListeners(api, assembler());
    expect(Object.keys(registered).sort()).toEqual([...EVENTS].sort());
    expect(registered.onErrorOccurred).toEqual([]);
    expect(registered.onSendHeaders).toEqual([['requestHeaders']]);
  });

  it('in Chrome: cookies are asked for with extraHeaders', () => {
    const { api, registered } = fakeWebRequest('chrome');
    registerListeners(api, assembler());
    expect(registered.onSendHeaders).toEqual([['requestHeaders', 'extraHeaders']]);
    expect(registered.onBeforeRequest).toEqual([['requestBody']]);
  });
});
