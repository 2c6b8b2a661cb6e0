// Through the real DevTools window: the "SAML" panel inside DevTools shows the inspected tab's flow; and, at the
// sizes people dock it (issue 9: wide, short when docked bottom, narrow when docked right, small), each size and
// theme is saved as a screenshot of the whole DevTools window under test-results/screenshots/ and checked the way a
// person would look at it: the answer (the flow's verdict, or its place, and a fix) in view without a click or a
// scroll, nothing wider than its box, the toolbar on one row, one click on a row showing its detail, the split
// dragged, new captures followed. DevTools' own front-end (InspectorView, DockController) is internal: its use
// stays in devtools-frames.ts and these tests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type Demo } from '../../lib/demo/servers';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_TIMEOUT, ensureBuilt, type Extension, hasChromium, launchExtension, resultsDir, signIn, signOut, SKIP_MESSAGE, sleep, writeSettings, E2E_SUITE } from './harness';
import { devtoolsWindows, showSamlPanel, targetCaller, targets as listTargets } from './devtools-frames';
import { LOOK, SIZES, type Look } from './panel-look';

if (!hasChromium) console.warn(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('DevTools panel (Chromium, real DevTools window)', E2E_SUITE, () => {
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

  it('shows the answer without a click at every docked size, light and dark, with nothing overflowing', { timeout: E2E_TIMEOUT * 2 }, async () => {
    const settingsPage = await ext.openPanel();
    const settings = (theme: 'light' | 'dark') => ({
      profile: 'twilio-flex',
      idpEntityId: demo.idp.entityId,
      spEntityId: demo.sp.entityId,
      acsUrl: demo.sp.acsUrl,
      trustedCertificates: [demo.idp.certificatePem],
      theme,
    });
    await writeSettings(settingsPage, settings('light'));
    const site = await ext.context.newPage();
    // Three sign-ins, the one with errors in the middle, then a clean logout: the error flow is not the newest.
    await signIn(site, demo, 'ok');
    await signIn(site, demo, 'namespaced-claims');
    await signOut(site);
    await ext.settle();

    // One tab left, so one DevTools window: the one whose panel inspects the site.
    for (const p of ext.context.pages()) if (p !== site) await p.close();
    const cdp = await ext.context.browser()!.newBrowserCDPSession();
    const call = targetCaller(cdp);
    const panelUrl = `chrome-extension://${ext.id}/devtools-panel.html`;
    let windows = devtoolsWindows(await listTargets(cdp));
    for (let attempt = 0; attempt < 40 && windows.length !== 1; attempt++, await sleep(250)) windows = devtoolsWindows(await listTargets(cdp));
    expect(windows).toHaveLength(1);
    const devtools = windows[0]!.targetId;
    expect(await showSamlPanel(call, devtools)).toBe(`chrome-extension://${ext.id}SAML`);
    // Undocked, the DevTools window is the panel's frame plus DevTools' tab strip: sized below to the docked sizes.
    await call.evaluate(
      devtools,
      `(async () => {
        const UI = await import('./ui/legacy/legacy.js');
        UI.DockController.DockController.instance().setDockSide('undocked');
        return true;
      })()`,
    );
    let frame: string | undefined;
    for (let attempt = 0; attempt < 60 && !frame; attempt++) {
      for (const f of (await listTargets(cdp)).filter((t) => t.url.startsWith(panelUrl))) {
        const rows = await call.evaluate<number>(f.targetId, `document.querySelectorAll('.sl-row-flow').length`).catch(() => 0);
        if (rows >= 3) frame = f.targetId;
      }
      if (!frame) await sleep(250);
    }
    expect(frame, 'the SAML panel showing the three flows').toBeDefined();
    // Settings as the options page writes them, from the panel (an extension page) itself.
    const write = (theme: 'light' | 'dark') =>
      call.evaluate(frame!, `chrome.storage.local.set({ settings: ${JSON.stringify({ version: 1, keepAcrossRestart: false, rememberSpKey: false, ...settings(theme) })} }).then(() => true)`);
    const size = async (width: number, height: number) => {
      // DevTools' own tab strip sits above the panel: grow the emulated window by it so the panel gets the size.
      const base = await call.evaluate<{ w: number; h: number }>(frame!, `({ w: innerWidth, h: innerHeight })`);
      const win = await call.evaluate<{ w: number; h: number }>(devtools, `({ w: innerWidth, h: innerHeight })`);
      const extraW = win.w - base.w;
      const extraH = win.h - base.h;
      await call.send(devtools, 'Emulation.setDeviceMetricsOverride', { width: width + extraW, height: height + extraH, deviceScaleFactor: 1, mobile: false });
      await sleep(300);
    };

    mkdirSync(join(resultsDir, 'screenshots'), { recursive: true });
    const problems: string[] = [];
    let newestWithError: string | undefined;
    for (const theme of ['light', 'dark'] as const) {
      await write(theme);
      await call.send(devtools, 'Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: theme }] });
      for (const s of SIZES) {
        await size(s.width, s.height);
        // Opened afresh at this size: nothing clicked, so what shows is what the panel chose.
        await call.evaluate(frame!, `setTimeout(() => location.reload(), 0), true`);
        await sleep(500);
        let look: Look | undefined;
        for (let attempt = 0; attempt < 60; attempt++) {
          look = await call.evaluate<Look>(frame!, LOOK).catch(() => undefined);
          const themed = await call.evaluate<string>(frame!, `document.querySelector('.sl-app')?.dataset.theme`).catch(() => '');
          if (look?.detail === 'Response details' && themed === theme) break;
          await sleep(250);
        }
        await sleep(300);
        look = await call.evaluate<Look>(frame!, LOOK);
        const shot = await call.send<{ data: string }>(devtools, 'Page.captureScreenshot', { format: 'png' });
        writeFileSync(join(resultsDir, 'screenshots', `devtools-${s.name}-${theme}.png`), Buffer.from(shot.data, 'base64'));
        const where = `${s.name} ${theme}`;
        if (Math.abs(look.width - s.width) > 2 || Math.abs(look.height - s.height) > 2) problems.push(`${where}: panel is ${look.width}x${look.height}`);
        // The newest flow with an error (the middle one, not the newer logout) is selected and its answer shown.
        // (Where only one of list and detail fits, the list is hidden behind the open detail: its flows were read at a larger size.)
        if (look.flows.length > 0) {
          newestWithError = look.flows.filter((f) => f.error).pop()?.label;
          if (look.flows.length !== 3 || look.flows[1]?.label !== newestWithError) problems.push(`${where}: flows ${JSON.stringify(look.flows)}`);
        }
        if (look.detail !== 'Response details' || look.flowHead !== `Flow ${newestWithError}`) problems.push(`${where}: shows ${look.detail} of ${look.flowHead}`);
        for (const [what, ok, why] of look.inView) if (!ok && (what !== 'fix' || s.fixInView)) problems.push(`${where}: ${what} not in view (${why})`);
        if (look.overflowing.length) problems.push(`${where}: overflowing ${look.overflowing.join(', ')}`);
        if (look.toolbarRows !== 1) problems.push(`${where}: toolbar on ${look.toolbarRows} rows`);

        // One click on another row shows that row's detail, in every layout.
        const clicked = await call.evaluate<string | undefined>(
          frame!,
          `(async () => {
            // Where only one of list and detail fits, the detail is open: back to the list first.
            const back = document.querySelector('.sl-back');
            if (back) {
              back.click();
              await new Promise((r) => setTimeout(r, 200));
            }
            const row = [...document.querySelectorAll('.sl-row-msg')].find((r) => r.querySelector('.sl-kind')?.textContent === 'LogoutRequest');
            if (!row) return 'no LogoutRequest row';
            row.scrollIntoView({ block: 'nearest' });
            row.closest('.sl-vrow').click();
            for (let i = 0; i < 40; i++) {
              await new Promise((r) => setTimeout(r, 50));
              const d = document.querySelector('.sl-detail-inner[aria-label="LogoutRequest details"]');
              if (d && d.getBoundingClientRect().width > 0 && d.getBoundingClientRect().top < innerHeight) return undefined;
            }
            return 'the LogoutRequest detail did not show';
          })()`,
        );
        if (clicked) problems.push(`${where}: ${clicked}`);
      }
      // The XML of the selected Response, docked right: wrapped inside the detail, which is its only scroll box.
      await size(550, 630);
      const xml = await call.evaluate<{ ownScroll: boolean; overflowing: string[] } | string>(
        frame!,
        `(async () => {
          const row = [...document.querySelectorAll('.sl-row-msg')].find((r) => r.querySelector('.sl-kind')?.textContent === 'Response' && r.querySelector('.sl-badge-error'));
          if (!row) return 'no Response row with an error';
          row.closest('.sl-vrow').click();
          const sel = '.sl-detail-inner[aria-label="Response details"] .sl-xml-body';
          for (let i = 0; i < 40 && !document.querySelector(sel); i++) await new Promise((r) => setTimeout(r, 50));
          const body = document.querySelector(sel);
          if (!body) return 'no XML view';
          body.scrollIntoView({ block: 'start' });
          await new Promise((r) => setTimeout(r, 200));
          const cs = getComputedStyle(body);
          const lines = [...document.querySelectorAll('.sl-x-line')].filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent.slice(0, 60));
          return { ownScroll: cs.overflowY === 'auto' || cs.overflowY === 'scroll' || body.scrollHeight > body.clientHeight + 1, overflowing: lines };
        })()`,
      );
      if (typeof xml === 'string') problems.push(`XML ${theme}: ${xml}`);
      else {
        if (xml.ownScroll) problems.push(`XML ${theme}: a scroll box inside the detail's`);
        if (xml.overflowing.length) problems.push(`XML ${theme}: lines wider than the view: ${xml.overflowing.join(' | ')}`);
      }
      const xmlShot = await call.send<{ data: string }>(devtools, 'Page.captureScreenshot', { format: 'png' });
      writeFileSync(join(resultsDir, 'screenshots', `devtools-xml-550-${theme}.png`), Buffer.from(xmlShot.data, 'base64'));

      // The settings drawer at the narrowest docked size: no sideways scrolling.
      await size(400, 630);
      await call.evaluate(frame!, `document.querySelector('.sl-settings-open').click(), true`);
      await sleep(400);
      const drawer = await call.evaluate<Look>(frame!, LOOK);
      if (drawer.overflowing.length) problems.push(`settings drawer 400 ${theme}: overflowing ${drawer.overflowing.join(', ')}`);
      const shot = await call.send<{ data: string }>(devtools, 'Page.captureScreenshot', { format: 'png' });
      writeFileSync(join(resultsDir, 'screenshots', `devtools-settings-400-${theme}.png`), Buffer.from(shot.data, 'base64'));
    }
    // New captures: followed while the list is at its end; when the person scrolled away, a jump button instead.
    await call.evaluate(frame!, `document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' })), true`);
    await size(550, 630);
    const listState = `(() => { const l = document.querySelector('.sl-list'); return { flows: document.querySelectorAll('.sl-row-flow').length, atEnd: l.scrollTop + l.clientHeight >= l.scrollHeight - 30, jump: !!document.querySelector('.sl-jump'), top: l.scrollTop }; })()`;
    type ListState = { flows: number; atEnd: boolean; jump: boolean; top: number };
    const waitFlows = async (n: number): Promise<ListState> => {
      let st: ListState | undefined;
      for (let i = 0; i < 80; i++, await sleep(250)) {
        st = await call.evaluate<ListState>(frame!, listState);
        if (st.flows >= n) break;
      }
      await sleep(400);
      return call.evaluate<ListState>(frame!, listState);
    };
    await call.evaluate(frame!, `(() => { const l = document.querySelector('.sl-list'); l.scrollTop = l.scrollHeight; l.dispatchEvent(new Event('scroll')); return true; })()`);
    await sleep(200);
    await signIn(site, demo, 'ok');
    await ext.settle();
    const followed = await waitFlows(4);
    if (!followed.atEnd || followed.jump) problems.push(`new capture at the end of the list: not followed ${JSON.stringify(followed)}`);
    await call.evaluate(frame!, `(() => { const l = document.querySelector('.sl-list'); l.scrollTop = 0; l.dispatchEvent(new Event('scroll')); return true; })()`);
    await sleep(200);
    await signIn(site, demo, 'ok');
    await ext.settle();
    const away = await waitFlows(5);
    if (away.top !== 0 || !away.jump) problems.push(`new capture while scrolled away: the list moved or no jump button ${JSON.stringify(away)}`);
    await call.evaluate(frame!, `document.querySelector('.sl-jump').click(), true`);
    await sleep(400);
    const jumped = await call.evaluate<ListState>(frame!, listState);
    if (!jumped.atEnd || jumped.jump) problems.push(`"jump to newest" did not reach the end ${JSON.stringify(jumped)}`);

    // The bar between list and detail is dragged with the mouse (real input events through DevTools' window).
    await size(1280, 800);
    const paneWidth = () => call.evaluate<number>(frame!, `document.querySelector('.sl-list-pane').getBoundingClientRect().width`);
    const bar = await call.evaluate<{ x: number; y: number }>(frame!, `(() => { const r = document.querySelector('.sl-splitter').getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`);
    const offset = await call.evaluate<number>(devtools, `innerHeight`).then(async (h) => h - (await call.evaluate<number>(frame!, `innerHeight`)));
    const before = await paneWidth();
    const mouse = (type: string, x: number) => call.send(devtools, 'Input.dispatchMouseEvent', { type, x, y: bar.y + offset, button: 'left', buttons: type === 'mouseReleased' ? 0 : 1, clickCount: 1 });
    await mouse('mousePressed', bar.x);
    for (let dx = 40; dx <= 200; dx += 40) await mouse('mouseMoved', bar.x + dx);
    await mouse('mouseReleased', bar.x + 200);
    await sleep(200);
    const after = await paneWidth();
    if (Math.abs(after - before - 200) > 12) problems.push(`dragging the split by 200 px moved the list's edge from ${before} to ${after}`);

    await call.send(devtools, 'Emulation.clearDeviceMetricsOverride', {});
    await cdp.detach();
    expect(problems).toEqual([]);
  });
});
