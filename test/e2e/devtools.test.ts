// One smoke test through the real DevTools window: the "SAML" panel inside DevTools shows the inspected tab's flow.
// It reaches into DevTools' own front-end (InspectorView), which is internal: keep it to this one test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type Demo } from '../../lib/demo/servers';
import { E2E_TIMEOUT, ensureBuilt, type Extension, hasChromium, launchExtension, signIn, SKIP_MESSAGE, sleep } from './harness';
import { devtoolsWindows, showSamlPanel, targetCaller, targets as listTargets } from './devtools-frames';

if (!hasChromium) console.warn(SKIP_MESSAGE);

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
    const call = targetCaller(cdp);
    const evaluate = call.evaluate;
    const targets = () => listTargets(cdp);

    // Every DevTools window (one per tab): select our panel through DevTools' own inspector view.
    const windows = devtoolsWindows(await targets());
    expect(windows.length).toBeGreaterThan(0);
    for (const w of windows) expect(await showSamlPanel(call, w.targetId)).toBe(`chrome-extension://${ext.id}SAML`);

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
