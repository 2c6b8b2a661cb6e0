// One smoke test through the real DevTools window: the "SAML" panel inside DevTools shows the inspected tab's flow.
// It reaches into DevTools' own front-end (InspectorView), which is internal: keep it to this one test.
import type { CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type Demo } from '../../lib/demo/servers';
import { E2E_TIMEOUT, ensureBuilt, type Extension, hasChromium, launchExtension, signIn, SKIP_MESSAGE, sleep } from './harness';

if (!hasChromium) console.warn(SKIP_MESSAGE);

interface TargetInfo { targetId: string; type: string; url: string }

/** Runtime.evaluate in another target over the browser session (non-flat sessions work with playwright's CDPSession). */
function targetCaller(cdp: CDPSession) {
  let next = 0;
  const waiting = new Map<number, (m: { result?: { result?: { value?: unknown } }; error?: unknown }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: { result?: { value?: unknown } }; error?: unknown };
    if (m.id !== undefined) waiting.get(m.id)?.(m);
  });
  const sessions = new Map<string, string>();
  return async function evaluate<T>(targetId: string, expression: string): Promise<T> {
    let sessionId = sessions.get(targetId);
    if (!sessionId) {
      sessionId = ((await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string }).sessionId;
      sessions.set(targetId, sessionId);
    }
    const id = ++next;
    const reply = new Promise<{ result?: { result?: { value?: unknown } }; error?: unknown }>((resolve) => waiting.set(id, resolve));
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } }),
    });
    const m = await reply;
    waiting.delete(id);
    if (m.error) throw new Error(JSON.stringify(m.error));
    return m.result?.result?.value as T;
  };
}

describe.skipIf(!hasChromium)('DevTools panel (Chromium, real DevTools window)', () => {
  let demo: Demo;
  let ext: Extension;

  beforeAll(async () => {
    await ensureBuilt();
    demo = await startDemo({ idleTimeoutMs: 10 * 60_000 });
    ext = await launchExtension({ devtools: true });
  }, E2E_TIMEOUT);

  afterAll(async () => {
    await ext?.close();
    await demo?.close();
  });

  it('shows the inspected tab\'s flow and its findings in the SAML panel', { timeout: E2E_TIMEOUT }, async () => {
    const site = await ext.context.newPage();
    await signIn(site, demo, 'unsigned');
    await ext.settle();

    const cdp = await ext.context.browser()!.newBrowserCDPSession();
    const evaluate = targetCaller(cdp);
    const targets = async () => ((await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] }).targetInfos;

    // Every DevTools window (one per tab): select our panel through DevTools' own inspector view.
    const windows = (await targets()).filter((t) => t.url.startsWith('devtools://devtools/bundled/devtools_app.html'));
    expect(windows.length).toBeGreaterThan(0);
    for (const w of windows) {
      // The extension's panel is added a moment after the DevTools window opens.
      let shown: string | undefined;
      // Until DevTools' front-end has loaded, the evaluation answers with an exception object, not a tab id.
      for (let attempt = 0; attempt < 50 && !shown; attempt++, await sleep(shown ? 0 : 200)) shown = await evaluate<unknown>(
        w.targetId,
        `(async () => {
          const UI = await import('./ui/legacy/legacy.js');
          const view = UI.InspectorView.InspectorView.instance();
          const pane = view.tabbedPane;
          const id = (pane.tabIds ? pane.tabIds() : pane.tabs.map((t) => t.id)).find((i) => i.endsWith('SAML'));
          if (id) await view.showPanel(id);
          return id;
        })()`,
        ).then((r) => (typeof r === 'string' ? r : undefined));
      expect(shown).toBe(`chrome-extension://${ext.id}SAML`);
    }

    // The panel frames appear as targets once shown; read what each one displays.
    const panelUrl = `chrome-extension://${ext.id}/devtools-panel.html`;
    let panels: Array<{ tabId: number; kinds: string[]; slugs: string[] }> = [];
    for (let attempt = 0; attempt < 50; attempt++) {
      const frames = (await targets()).filter((t) => t.url.startsWith(panelUrl));
      panels = [];
      for (const f of frames) {
        panels.push(
          await evaluate(
            f.targetId,
            `(async () => {
              const rows = [...document.querySelectorAll('.sl-row-msg')];
              const response = rows.find((r) => r.querySelector('.sl-kind')?.textContent === 'Response');
              if (response) {
                response.click();
                await new Promise((r) => setTimeout(r, 300));
              }
              return {
                tabId: chrome.devtools.inspectedWindow.tabId,
                kinds: rows.map((r) => r.querySelector('.sl-kind')?.textContent ?? ''),
                slugs: [...document.querySelectorAll('.sl-finding .sl-slug')].map((s) => s.textContent ?? ''),
              };
            })()`,
          ),
        );
      }
      if (panels.some((p) => p.kinds.includes('Response') && p.slugs.length > 0)) break;
      await sleep(200);
    }
    const withFlow = panels.find((p) => p.kinds.includes('Response'));
    expect(withFlow?.kinds).toEqual(['AuthnRequest', 'Response']);
    expect(withFlow?.slugs).toContain('message-unsigned');
    // The other DevTools window inspects a tab without SAML traffic: its panel shows that tab only.
    expect(panels.filter((p) => p !== withFlow).every((p) => p.kinds.length === 0)).toBe(true);
    await cdp.detach();
  });
});
