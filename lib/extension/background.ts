import browser from 'webextension-polyfill';
import type { TraceEntry } from '../core/model';
import type { Settings } from '../ui/data-source';
import { looksLikeSaml } from '../core/binding';
import { Assembler, type BeforeRequest } from './capture/assembler';
import type { Hop } from './capture/hop';
import { isDevtoolsRefetch, mayBeDevtoolsRefetch, RefetchFilter } from './capture/refetch';
import { hopToEntry, patchEntry } from './capture/to-entry';
import { compactOther } from './capture/compact';
import { countMessagesWithErrors, showBadge } from './badge';
import { DEFAULT_SETTINGS, getSettings } from './settings';
import { entryKey, isEntryKey } from './store/keys';
import { CaptureIndex } from './store/window';
import { type Area, EntryWriter, entryKeys, moveEntries, readEntriesByKey } from './store/entries';
import { verifyHook, type VerifyHook } from './test-hook';
import { registerListeners } from './listeners';
import { listenForOffers } from './settings-offer';

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
    settings: DEFAULT_SETTINGS as Settings,
    errors: 0,
  };
  const index = new CaptureIndex();
  const refetch = new RefetchFilter();
  const ownOrigin = browser.runtime.getURL('/').replace(/\/$/, '');
  const writer = new EntryWriter(
    async () => {
      await areaReady;
      return state.area;
    },
    () => index.shed(0.2),
    (message) => console.warn(`SAML Lens: ${message}`),
  );
  /** Key under which a SAML hop was stored when it started, so its completion overwrites it. */
  const early = new Map<Hop, string>();
  /** Hops that began while recording was paused. */
  const skipped = new WeakSet<Hop>();

  const handle: BackgroundHandle = {
    ready: false,
    flush: async () => {
      await ready;
      await writer.flush();
      await writer.flush();
    },
    stats: () => ({ entries: index.size(), saml: index.samlKeys().length, recording: state.recording, area: state.area, errors: state.errors }),
    ...verifyHook,
  };

  const store = (hop: Hop, entry: TraceEntry, saml: boolean) => {
    const key = entryKey({ micros: hop.timeStamp * 1000, tabId: hop.tabId, saml, requestId: hop.requestId, hop: hop.hop });
    const previous = early.get(hop);
    early.delete(hop);
    if (previous && previous !== key) {
      index.remove(previous);
      writer.remove([previous]);
    }
    const victims = index.add(key);
    writer.put(key, saml ? entry : compactOther(entry), saml);
    writer.remove(victims);
    if (saml) badge.schedule();
    return key;
  };

  const assembler = new Assembler(
    {
      started(hop) {
        void areaReady.then(() => {
          if (!state.recording) {
            skipped.add(hop);
            return;
          }
          const entry = hopToEntry(hop);
          // A SAML message is stored the moment it is seen: if the worker stops before the response, it is not lost.
          if (!mayBeDevtoolsRefetch(hop) && looksLikeSaml(entry)) early.set(hop, store(hop, entry, true));
        });
      },
      finished(hop) {
        void areaReady.then(() => {
          if (skipped.has(hop) || isDevtoolsRefetch(hop)) return;
          const entry = hopToEntry(hop);
          store(hop, entry, early.has(hop) || looksLikeSaml(entry));
        });
      },
      orphan(requestId, patch) {
        void ready.then(async () => {
          const key = index.findRequest(requestId);
          if (!key) return;
          const found = (await readEntriesByKey(state.area, [key])).get(key);
          if (found && found.url === patch.url) writer.put(key, patchEntry(found, patch), true);
        });
      },
    },
    (d: BeforeRequest) => !isOwn(d, ownOrigin) && !refetch.isRefetch(d.method, d.url, d.timeStamp),
  );

  registerListeners(browser.webRequest, assembler);
  listenForOffers();

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
    }
    badge.schedule();
  };

  // Two steps: where to write (one settings read) gates capturing, so a message that woke the worker
  // is stored within milliseconds; rebuilding the index of what is stored can follow.
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
  })();

  const ready: Promise<void> = areaReady.then(async () => {
    try {
      // Entries in the other area: the setting changed while this worker was not running.
      await moveEntries(state.area);
      index.load(await entryKeys(state.area));
      const saml = await readEntriesByKey(state.area, index.samlKeys());
      for (const entry of saml.values()) {
        const at = entry.capturedAt ? Date.parse(entry.capturedAt) : NaN;
        if (Number.isFinite(at)) refetch.isRefetch(entry.method, entry.url, at);
      }
    } catch (error) {
      console.warn(`SAML Lens: could not read earlier captures: ${String(error)}`);
    }
  });

  void ready.then(() => {
    handle.ready = true;
    badge.schedule();
  });
  return handle;
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
