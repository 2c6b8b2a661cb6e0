// Reaching into the real DevTools window over CDP: its front-end (to show the SAML panel) and the panel's frame.
// DevTools' InspectorView is internal: keep its use to the few lines of showSamlPanel.
import type { CDPSession } from 'playwright-core';
import { sleep } from './harness';

export interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

type Reply = { result?: Record<string, unknown>; error?: unknown };

/** CDP commands and Runtime.evaluate in other targets over the browser session (non-flat sessions work with playwright's CDPSession). */
export function targetCaller(cdp: CDPSession) {
  let next = 0;
  const waiting = new Map<number, (m: Reply) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as Reply & { id?: number };
    if (m.id !== undefined) waiting.get(m.id)?.(m);
  });
  const sessions = new Map<string, string>();
  async function send<T = Record<string, unknown>>(targetId: string, method: string, params: Record<string, unknown> = {}): Promise<T> {
    let sessionId = sessions.get(targetId);
    if (!sessionId) {
      sessionId = ((await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string }).sessionId;
      sessions.set(targetId, sessionId);
    }
    const id = ++next;
    const reply = new Promise<Reply>((resolve) => waiting.set(id, resolve));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    const m = await reply;
    waiting.delete(id);
    if (m.error) throw new Error(JSON.stringify(m.error));
    return m.result as T;
  }
  async function evaluate<T>(targetId: string, expression: string): Promise<T> {
    const r = await send<{ result?: { value?: unknown } }>(targetId, 'Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    return r.result?.value as T;
  }
  return { send, evaluate };
}

export async function targets(cdp: CDPSession): Promise<TargetInfo[]> {
  return ((await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] }).targetInfos;
}

export function devtoolsWindows(all: TargetInfo[]): TargetInfo[] {
  return all.filter((t) => t.url.startsWith('devtools://devtools/bundled/devtools_app.html'));
}

/** Selects the extension's SAML panel in one DevTools window; returns the panel's id, or undefined if it never appeared. */
export async function showSamlPanel(call: ReturnType<typeof targetCaller>, windowId: string): Promise<string | undefined> {
  let shown: string | undefined;
  // Until DevTools' front-end has loaded, the evaluation answers with an exception object, not a tab id.
  for (let attempt = 0; attempt < 50 && !shown; attempt++, await sleep(shown ? 0 : 200)) {
    shown = await call
      .evaluate<unknown>(
        windowId,
        `(async () => {
          const UI = await import('./ui/legacy/legacy.js');
          const view = UI.InspectorView.InspectorView.instance();
          const pane = view.tabbedPane;
          const id = (pane.tabIds ? pane.tabIds() : pane.tabs.map((t) => t.id)).find((i) => i.endsWith('SAML'));
          if (id) await view.showPanel(id);
          return id;
        })()`,
      )
      .then((r) => (typeof r === 'string' ? r : undefined));
  }
  return shown;
}
