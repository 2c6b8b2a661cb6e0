import browser from 'webextension-polyfill';
import type { TraceEntry } from '../core/model';
import type { CaptureDrops, Settings } from '../ui/data-source';
import { looksLikeSaml } from '../core/binding';
import { Assembler, type BeforeRequest } from './capture/assembler';
import type { Hop } from './capture/hop';
import { isDevtoolsRefetch, RefetchFilter } from './capture/refetch';
import { hopToEntry, patchEntry } from './capture/to-entry';
import { compactOther } from './capture/compact';
import { countMessagesWithErrors, showBadge } from './badge';
import { DEFAULT_SETTINGS, getSettings } from './settings';
import { entryKey, isEntryKey, parseEntryKey, unconfirmedKey } from './store/keys';
import { addDrops, DROPS_KEY, NO_DROPS } from './store/drops';
import { CaptureIndex } from './store/window';
import { type Area, EntryWriter, entryKeys, moveEntries, readDropsIn, readEntriesByKey, settleUnconfirmed } from './store/entries';
import { verifyHook, type VerifyHook } from './test-hook';
import { registerListeners } from './listeners';
import { listenForOffers } from './settings-offer';
import { PageIntake } from './page-capture/intake';

/** What tests (over CDP) and the badge can ask the running worker. */
export interface BackgroundHandle extends VerifyHook {
  ready: boolean;
  /** Resolves when every captured entry so far is in storage. */
  flush(): Promise<void>;
  stats(): { entries: number; saml: number; recording: boolean; area: Area; errors: number };
}

const BADGE_DELAY_MS = 600;

/**
 * The capture. Must be called synchronously from the background's main(): webRequest listeners have to
 * be registered in the first turn of the worker, or the events that woke it are lost. Everything
 * asynchronous (reading settings, rebuilding the index) happens after, and events wait for it.
 */
export function startBackground(): BackgroundHandle {
  const state = {
    recording: true,
    area: 'session' as Area,
    /** False until the first settings read answers: until then SAML entries are written ahead to session. */
    known: false,
    settings: DEFAULT_SETTINGS as Settings,
    errors: 0,
    drops: NO_DROPS as CaptureDrops,
  };
  const index = new CaptureIndex();
  const refetch = new RefetchFilter();
  const ownOrigin = browser.runtime.getURL('/').replace(/\/$/, '');
  const countDrops = (more: Partial<CaptureDrops>) => {
    state.drops = addDrops(state.drops, more);
    writer.put(DROPS_KEY, state.drops);
  };
  const writer = new EntryWriter(
    async () => {
      await areaReady;
      return state.area;
    },
    () => index.shed(0.2),
    (message) => console.warn(`SAML Lens: ${message}`),
    40,
    countDrops,
  );
  /** Key under which a SAML hop was stored when it started, so its completion overwrites it. */
  const early = new Map<Hop, string>();
  /** Hops that began while recording was paused. */
  const skipped = new WeakSet<Hop>();

  const handle: BackgroundHandle = {
    ready: false,
    flush: async () => {
      await ready;
      await orphans;
      await pages.flush();
      await writer.flush();
      await writer.flush();
    },
    stats: () => ({ entries: index.size(), saml: index.samlKeys().length, recording: state.recording, area: state.area, errors: state.errors }),
    ...verifyHook,
  };

  const keyOf = (hop: Hop, saml: boolean) => entryKey({ micros: hop.timeStamp * 1000, tabId: hop.tabId, saml, requestId: hop.requestId, hop: hop.hop });

  /**
   * A SAML entry goes to storage within the listener's turn (no timer, no await). Before the settings are
   * known it is written ahead to session with a marker; the start-up then moves it to the chosen area, or
   * removes it if recording turned out to be paused.
   */
  const storeSamlNow = (key: string, entry: TraceEntry) => {
    index.add(key);
    if (state.known) void writer.now(state.area, { [key]: entry });
    else void writer.now('session', { [key]: entry, [unconfirmedKey(key)]: 1 });
    pages.noteWebRequest(entry);
    badge.schedule();
  };

  const store = (hop: Hop, entry: TraceEntry, saml: boolean) => {
    const key = keyOf(hop, saml);
    const previous = early.get(hop);
    early.delete(hop);
    if (previous && previous !== key) {
      index.remove(previous);
      writer.remove([previous]);
    }
    if (saml) return storeSamlNow(key, entry);
    const victims = index.add(key);
    writer.put(key, compactOther(entry));
    if (victims.length) {
      writer.remove(victims);
      countDrops({ window: victims.length });
    }
  };

  /** The orphan patches of one request are applied in order: each reads what the previous one wrote. */
  let orphans: Promise<void> = Promise.resolve();

  const assembler = new Assembler(
    {
      started(hop) {
        if (state.known && !state.recording) {
          skipped.add(hop);
          return;
        }
        const entry = hopToEntry(hop);
        // A SAML message is stored the moment it is seen, marked as lacking its response until that comes: if
        // the worker stops before then, the message is kept and says what is missing.
        if (!looksLikeSaml(entry)) return;
        const key = keyOf(hop, true);
        early.set(hop, key);
        storeSamlNow(key, { ...entry, incomplete: NO_RESPONSE });
      },
      finished(hop) {
        if (skipped.has(hop)) return;
        const key = early.get(hop);
        if (isDevtoolsRefetch(hop)) {
          // Written ahead as a possible message; it was DevTools fetching from its cache, not traffic.
          if (key) {
            early.delete(hop);
            index.remove(key);
            writer.remove([key]);
          }
          return;
        }
        const entry = withFailure(hopToEntry(hop), hop.error);
        if (state.known && !state.recording && !key) return;
        store(hop, entry, key !== undefined || looksLikeSaml(entry));
      },
      orphan(requestId, patch, final) {
        orphans = orphans.then(() => ready).then(async () => {
          const key = index.findRequest(requestId);
          if (!key) return rebuild(requestId, patch, final, 0);
          const area = (await readEntriesByKey(state.area, [key])).has(key) ? state.area : 'session';
          const found = (await readEntriesByKey(area, [key])).get(key);
          // Stored under another URL: an earlier hop of a redirect chain; this hop's start was missed.
          if (found && found.url !== patch.url) return rebuild(requestId, patch, final, (parseEntryKey(key)?.hop ?? 0) + 1);
          if (!found) return;
          const patched = patchEntry(found, patch);
          // A rebuilt entry stays marked: its start is missing however the request ended.
          if (patched.incomplete?.startsWith(MISSED_START)) patched.incomplete = final ? MISSED_START : `${MISSED_START}; ${NO_COMPLETION}`;
          else if (final && patch.error !== undefined && patched.responseStatus === undefined) patched.incomplete = failed(patch.error);
          // Complete only with its response: a final event without a status leaves the mark saying what is missing.
          else if (final && patched.responseStatus !== undefined) delete patched.incomplete;
          else if (patched.incomplete === NO_RESPONSE && patched.responseStatus !== undefined) patched.incomplete = NO_COMPLETION;
          writer.now(area, { [key]: patched });
        }).catch((error: unknown) => console.warn(`SAML Lens: could not complete a captured message: ${String(error)}`));
      },
    },
    (d: BeforeRequest) => !isOwn(d, ownOrigin) && !refetch.isRefetch(d.method, d.url, d.timeStamp),
  );

  /**
   * A later event of a request whose start this worker never saw and storage does not have (the worker that saw
   * it was stopped, and its write with it): a message in the URL (Redirect binding) is rebuilt from this event.
   * What only the earlier events carried (a POST body, request headers) is missing and the entry says so.
   */
  const rebuild = (requestId: string, patch: Partial<Hop>, final: boolean, hopNumber: number) => {
    if (!state.recording || patch.url === undefined) return;
    const hop: Hop = { method: 'GET', tabId: -1, timeStamp: Date.now(), ...patch, requestId, hop: hopNumber, url: patch.url };
    const entry = hopToEntry(hop);
    if (!looksLikeSaml(entry)) return;
    storeSamlNow(keyOf(hop, true), { ...entry, incomplete: final ? MISSED_START : `${MISSED_START}; ${NO_COMPLETION}` });
  };

  registerListeners(browser.webRequest, assembler);
  listenForOffers();
  // The second path: what the content script saw of a message in the page, for when webRequest's events were lost.
  const pages = new PageIntake({
    recording: () => state.recording,
    keepAcrossRestart: () => state.settings.keepAcrossRestart,
    store: (key, entry) => {
      index.add(key);
      badge.schedule();
      return writer.now(state.area, { [key]: entry });
    },
    remove: (key) => {
      index.remove(key);
      writer.remove([key]);
    },
  });
  pages.listen();

  const badge = debounce(async () => {
    const entries = [...(await readEntriesByKey(state.area, index.samlKeys())).values()];
    state.errors = await countMessagesWithErrors(entries, state.settings);
    await showBadge(state.errors);
  }, BADGE_DELAY_MS);

  browser.storage.onChanged.addListener((changes, areaName) => {
    void ready.then(async () => {
      for (const [key, change] of Object.entries(changes)) {
        if (isEntryKey(key)) {
          // Removals by the panel (Clear) or by a move between areas; additions are ours or a move's.
          if (areaName !== state.area) continue;
          if (change.newValue === undefined) index.remove(key);
          else index.add(key);
          badge.schedule();
        } else if (key === DROPS_KEY && areaName === state.area && change.newValue === undefined) {
          state.drops = NO_DROPS; // Clear
        } else if (key === 'recording' && areaName === 'local') {
          state.recording = change.newValue !== false;
        } else if ((key === 'settings' && areaName === 'local') || (key === 'spKey' && areaName === 'session')) {
          await applySettings(await getSettings());
        }
      }
    });
  });

  const applySettings = async (settings: Settings) => {
    const area: Area = settings.keepAcrossRestart ? 'local' : 'session';
    state.settings = settings;
    if (area !== state.area) {
      await writer.flush();
      state.area = area;
      await moveEntries(area);
      state.drops = await readDropsIn(area);
    }
    badge.schedule();
  };

  // Two steps: where to write (one settings read) decides where entries go and whether recording is on;
  // rebuilding the index of what is stored can follow.
  const areaReady: Promise<void> = (async () => {
    try {
      const [recording, settings] = await Promise.all([
        browser.storage.local.get('recording').then((r) => r.recording !== false),
        getSettings(),
      ]);
      state.recording = recording;
      state.settings = settings;
      state.area = settings.keepAcrossRestart ? 'local' : 'session';
    } catch (error) {
      console.warn(`SAML Lens: starting with default settings: ${String(error)}`);
    }
    state.known = true;
    if (!state.recording) {
      // Written ahead while paused: never finished into storage; start-up removes what was written (its markers).
      for (const [hop, key] of early) {
        skipped.add(hop);
        index.remove(key);
      }
      early.clear();
    }
  })();

  const ready: Promise<void> = areaReady.then(async () => {
    try {
      // Entries written ahead (this worker's first milliseconds, or an earlier worker stopped in them): kept
      // unless recording is paused. Then entries in the other area: written ahead, or the setting changed
      // while this worker was not running.
      await settleUnconfirmed(state.recording);
      await moveEntries(state.area);
      index.load(await entryKeys(state.area));
      state.drops = addDrops(await readDropsIn(state.area), state.drops);
      const saml = await readEntriesByKey(state.area, index.samlKeys());
      for (const [key, entry] of saml) pages.remember(key, entry);
      for (const entry of saml.values()) {
        const at = entry.capturedAt ? Date.parse(entry.capturedAt) : NaN;
        if (Number.isFinite(at)) refetch.isRefetch(entry.method, entry.url, at);
      }
    } catch (error) {
      console.warn(`SAML Lens: could not read earlier captures: ${String(error)}`);
    }
  });

  void ready.then(() => {
    void pages.start().catch((error: unknown) => console.warn(`SAML Lens: could not read messages seen in pages: ${String(error)}`));
    handle.ready = true;
    badge.schedule();
  });
  return handle;
}

/** Marks a SAML entry stored when its request started; removed when the response is recorded. */
const NO_RESPONSE = 'the extension stopped before the response arrived (or the request is still in progress), so the response status and headers are missing';
const NO_COMPLETION = 'the extension stopped before the request completed, so the response may be partial';
const NO_STATUS = 'the browser reported the end of this request without a response status, so the response is missing';
const MISSED_START = 'the extension was stopped when this request started and rebuilt it from a later event, so what only the start carried (a form body, possibly the request headers) is missing';

/** A request that failed (aborted, refused, cancelled) before its response: the entry says why nothing came back. */
function failed(error: string): string {
  return `the request failed (${error}) before a response arrived`;
}

/** A hop that ended without a response status says why: the request failed, or the browser reported none. */
function withFailure(entry: TraceEntry, error: string | undefined): TraceEntry {
  if (entry.responseStatus !== undefined) return entry;
  return { ...entry, incomplete: error !== undefined ? failed(error) : NO_STATUS };
}

function isOwn(d: BeforeRequest, ownOrigin: string): boolean {
  return d.url.startsWith(ownOrigin) || d.initiator === ownOrigin || (d.originUrl?.startsWith(ownOrigin) ?? false);
}

function debounce(fn: () => Promise<void>, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  return {
    schedule() {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        running = running.then(fn).catch(() => undefined);
      }, ms);
    },
  };
}
