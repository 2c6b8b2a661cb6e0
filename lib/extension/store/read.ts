// How the pages read the capture. Chromium hands a page 5,000 stored requests in about half a second (more on a
// busy machine), converted in one task that freezes the page: values are read by key, a few hundred a call, so
// the page keeps answering in between, and the panel can ask for the SAML messages first.
import type { TraceEntry } from '../../core/model';
import { OUTCOME_LOOKAHEAD } from '../../core/outcome';
import { type Area, AREAS, isEntry, readEntriesByKey, storageArea, storedKeys } from './entries';
import { isEntryKey, parseEntryKey, unconfirmedKey } from './keys';

/** Values per storage call: one call's answer is converted in one task (about 20 ms for 250 requests). */
const READ_CHUNK = 250;

interface Listed {
  key: string;
  /** Where the value is read: the local copy wins over a session one with the same key. */
  area: Area;
}

/**
 * Every entry key of both areas in capture order (keys sort by capture time), without reading a value. An entry the
 * worker wrote before it knew whether recording was on is left out while recording is paused (the worker removes it
 * then). Undefined where the browser cannot list keys.
 */
async function listEntries(): Promise<Listed[] | undefined> {
  const [listed, recording] = await Promise.all([
    Promise.all(AREAS.map(storedKeys)),
    Promise.all(AREAS.map(async (area) => (await storageArea(area).get('recording')).recording)),
  ]);
  if (listed.some((keys) => keys === undefined)) return undefined;
  const where = new Map<string, Area>();
  AREAS.forEach((area, i) => listed[i]!.forEach((key) => where.set(key, area)));
  const paused = recording.includes(false);
  return [...where.keys()]
    .filter((key) => isEntryKey(key) && !(paused && where.has(unconfirmedKey(key))))
    .sort()
    .map((key) => ({ key, area: where.get(key)! }));
}

/** The values of `listed`, in its order, READ_CHUNK keys per call and one call at a time. */
async function readListed(listed: Listed[]): Promise<TraceEntry[]> {
  const out: TraceEntry[] = [];
  for (let i = 0; i < listed.length; i += READ_CHUNK) {
    const chunk = listed.slice(i, i + READ_CHUNK);
    const read = await Promise.all(AREAS.map((area) => readEntriesByKey(area, chunk.filter((l) => l.area === area).map((l) => l.key))));
    for (const { key, area } of chunk) {
      const entry = read[AREAS.indexOf(area)]!.get(key);
      if (entry) out.push(entry);
    }
  }
  return out;
}

/** Without getKeys (Chrome < 130, Firefox < 143): both areas in one read each. */
async function readEverything(): Promise<TraceEntry[]> {
  const merged = new Map<string, TraceEntry>();
  const stored = await Promise.all(AREAS.map(async (area) => (await storageArea(area).get(null)) as Record<string, unknown>));
  const paused = stored.some((all) => all.recording === false);
  for (const all of stored) {
    for (const [key, value] of Object.entries(all)) {
      if (!isEntryKey(key) || !isEntry(value)) continue;
      if (paused && stored.some((a) => a[unconfirmedKey(key)] !== undefined)) continue;
      merged.set(key, value);
    }
  }
  return [...merged.keys()].sort().map((key) => merged.get(key) as TraceEntry);
}

/**
 * All captured entries of both areas, in capture order. An entry the worker wrote before it knew whether recording
 * was on is left out while recording is paused (the worker removes it then).
 */
export async function readEntries(): Promise<TraceEntry[]> {
  const listed = await listEntries();
  return listed ? readListed(listed) : readEverything();
}

/**
 * The SAML entries and the OUTCOME_LOOKAHEAD entries after each (all that analyze reads to judge them), at the
 * positions readEntries gives them, so that they are judged the same way: the panel shows these first. Undefined
 * where the browser cannot list keys.
 */
export async function readSamlFirst(): Promise<TraceEntry[] | undefined> {
  const listed = await listEntries();
  if (!listed) return undefined;
  let until = -1;
  return readListed(
    listed.filter(({ key }, i) => {
      if (parseEntryKey(key)?.saml) until = i + OUTCOME_LOOKAHEAD;
      return i <= until;
    }),
  );
}
