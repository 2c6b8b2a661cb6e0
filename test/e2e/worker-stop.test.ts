// Issue 15: a service-worker stop at any instant of a request loses no SAML message. Chromium is told to stop the
// worker (CDP ServiceWorker.stopAllWorkers) at many offsets from the start of a request in a burst of SAML POSTs
// and redirects; every message the demo servers received must then be in storage.
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceEntry } from '../../lib/core/model';
import { looksLikeSaml } from '../../lib/core/binding';
import { buildResponse } from '../../lib/samlgen/build';
import { encodePostValue } from '../../lib/samlgen/encode';
import { startDemo, type Demo } from '../../lib/demo/servers';
import { E2E_TIMEOUT, ensureBuilt, type Extension, hasChromium, launchExtension, sleep, SKIP_MESSAGE, storedEntries } from './harness';

if (!hasChromium) console.warn(SKIP_MESSAGE);
/**
 * Opt-in (SAML_LENS_WORKER_STOP=1) until it passes: Chromium 156 drops the extension API calls of a worker it was
 * told to stop and, after a stop during an event, often does not restart the worker for the next requests, so
 * whole bursts never reach the extension (see the issue 15 notes). It prints per-round counts when it fails.
 */
const RUN = process.env.SAML_LENS_WORKER_STOP === '1';
if (hasChromium && !RUN) console.warn('worker-stop test skipped: set SAML_LENS_WORKER_STOP=1 to run it (it fails on Chromium 156, see the file)');

/** Per round: this many redirects (SP /login -> 302 -> IdP /sso?SAMLRequest=...) and as many SAML POSTs, interleaved. */
const PAIRS = 4;
/** The stop is sent this many ms after Chromium reports the anchor request started (0: at once). */
const OFFSETS = [0, 0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 60, 90];
/** Which request of the burst anchors the stop: the first, one in the middle, the last. */
const ANCHORS = [0, PAIRS, 2 * PAIRS - 1];

describe.skipIf(!hasChromium || !RUN)('worker stopped at any instant (Chromium)', () => {
  let demo: Demo;
  let ext: Extension;
  let site: Page;
  let panel: Page;
  let stopper: CDPSession;
  let network: CDPSession;
  /** What the servers received: the SAML messages whose requests the browser made. */
  const sent = new Set<string>();

  beforeAll(async () => {
    await ensureBuilt();
    demo = await startDemo({
      idleTimeoutMs: 15 * 60_000,
      onRequest: (req, server) => {
        const url = req.url ?? '';
        if (server === 'idp' && url.startsWith('/sso?')) sent.add(new URL(url, demo.idpUrl).searchParams.get('SAMLRequest') ?? url);
        if (server === 'sp' && url.startsWith('/acs?n=')) sent.add(url.slice('/acs?n='.length));
      },
    });
    ext = await launchExtension();
    panel = await ext.openPanel();
    site = await ext.context.newPage();
    await site.goto(`${demo.spUrl}/app`);
    stopper = await ext.context.newCDPSession(panel);
    await stopper.send('ServiceWorker.enable');
    network = await ext.context.newCDPSession(site);
    await network.send('Network.enable');
  }, E2E_TIMEOUT);

  afterAll(async () => {
    await ext?.close();
    await demo?.close();
  });

  /** The identity of a stored SAML entry, as the servers' log names it. */
  const identity = (e: TraceEntry): string | undefined => {
    const url = new URL(e.url);
    if (url.pathname === '/sso') return url.searchParams.get('SAMLRequest') ?? undefined;
    if (url.pathname === '/acs') return url.searchParams.get('n') ?? undefined;
    return undefined;
  };

  /** One burst in the page; the worker is stopped `offset` ms after request number `anchor` starts. */
  const round = async (name: string, anchor: number, offset: number | 'before' | 'storm'): Promise<void> => {
    const posts = Array.from({ length: PAIRS }, (_, i) => ({
      n: `${name}-p${i}`,
      body: new URLSearchParams({ SAMLResponse: encodePostValue(buildResponse({ id: `_${name}_${i}`, destination: demo.sp.acsUrl })), RelayState: `${name}-${i}` }).toString(),
    }));
    let seen = 0;
    let stopAt: Promise<unknown> | undefined;
    const stop = () => stopper.send('ServiceWorker.stopAllWorkers').catch(() => undefined);
    const onRequest = (e: { request: { url: string } }) => {
      if (!/\/(acs|login)\?n=/.test(e.request.url) || !e.request.url.includes(`n=${name}-`)) return;
      if (typeof offset === 'number' && seen++ === anchor) {
        if (offset === 0) stopAt = stop();
        else stopAt = sleep(offset).then(stop);
      }
    };
    network.on('Network.requestWillBeSent', onRequest);
    let storm = true;
    const storming = offset === 'storm' ? (async () => { while (storm) { await stop(); await sleep(3); } })() : undefined;
    if (offset === 'before') await stop();
    await site.evaluate(async ({ posts, name }) => {
      // Redirects and POSTs interleaved, two at a time, so stops land on every phase of some request.
      const all: Array<Promise<unknown>> = [];
      posts.forEach((p, i) => {
        all.push(fetch(`/login?n=${name}-r${i}`, { mode: 'no-cors', cache: 'no-store' }).catch(() => undefined));
        all.push(fetch(`/acs?n=${p.n}`, { method: 'POST', body: p.body, headers: { 'content-type': 'application/x-www-form-urlencoded' }, cache: 'no-store' }).catch(() => undefined));
      });
      await Promise.all(all);
    }, { posts, name });
    storm = false;
    await storming;
    await stopAt;
    network.off('Network.requestWillBeSent', onRequest);
  };

  it('keeps every SAML message whatever the instant the worker is stopped', { timeout: E2E_TIMEOUT }, async () => {
    const started = Date.now();
    const plan: Array<[number, number | 'before' | 'storm']> = [[0, 'before'], [0, 'storm']];
    for (const anchor of ANCHORS) for (const offset of OFFSETS) plan.push([anchor, offset]);
    let r = 0;
    for (const [anchor, offset] of plan) await round(`r${r++}`, anchor, offset);
    await ext.worker(30_000);
    await ext.settle();
    // The burst's late answers (the IdP's /sso pages) may wake the worker once more: settle again.
    await sleep(300);
    await ext.settle();

    const saml = (await storedEntries(panel)).filter(looksLikeSaml);
    const stored = new Set(saml.map(identity).filter((x): x is string => x !== undefined));
    const lost = [...sent].filter((id) => !stored.has(id));
    const incomplete = saml.filter((e) => e.incomplete);
    const offsets = plan.length;
    const all = await storedEntries(panel);
    if (lost.length) {
      const perRound = plan.map((p, i) => {
        const name = `r${i}`;
        const posts = saml.filter((e) => e.url.includes(`n=${name}-p`)).length;
        const logins = all.filter((e) => e.url.includes(`/login?n=${name}-r`)).length;
        return `${name}(${p.join('@')}): ${posts} posts, ${logins} logins`;
      });
      console.log(perRound.join('\n'));
    }
    console.log(
      `[e2e] worker stopped at ${offsets} instants (offsets ${OFFSETS.join(', ')} ms after requests ${ANCHORS.join(', ')} of each burst started, ` +
        `before a burst, and every ~3 ms through one): ${sent.size} SAML messages sent (${plan.length * PAIRS} POSTs, ${plan.length * PAIRS} redirects), ` +
        `${sent.size - lost.length} in storage, ${lost.length} lost; ${incomplete.length} marked incomplete; ${Math.round((Date.now() - started) / 1000)} s`,
    );
    expect(sent.size).toBe(plan.length * PAIRS * 2);
    expect(lost).toEqual([]);
    // What a stop cut short says so: no stored message lacks its response without saying why.
    const silent = saml.filter((e) => e.responseStatus === undefined && !e.incomplete);
    expect(silent.map((e) => e.url.slice(0, 80))).toEqual([]);
  });
});
