/**
 * Validity windows said relative to the moment that matters (the capture time by default), because
 * "NotOnOrAfter 2024-05-01T10:05:00Z" forces the reader to do clock arithmetic across time zones while
 * "valid until 5 min after capture" answers the question at once.
 */

/** "45 s", "5 min", "2 h", "3 days"; exact zero is "0 s". */
export function formatDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 90) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 90) return `${min} min`;
  const h = Math.round(s / 3600);
  if (h < 48) return `${h} h`;
  const d = Math.round(s / 86400);
  return `${d} days`;
}

/** How `instant` sits against the reference: "2 min before capture", "at capture", "5 min after capture". */
export function relativeTo(instant: number, ref: number, refName: string): string {
  const diff = instant - ref;
  if (Math.abs(diff) < 500) return `at ${refName}`;
  return `${formatDuration(diff)} ${diff < 0 ? 'before' : 'after'} ${refName}`;
}

export interface WindowText {
  text: string;
  /** Where the reference time falls: inside the window, before it starts, after it ended, or unknown. */
  state: 'inside' | 'not-yet' | 'expired' | 'unknown';
}

function parse(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * The wording for a NotBefore / NotOnOrAfter pair. `refName` is what the reference time is called
 * ('capture', 'now', 'the chosen time'). Without a reference the absolute instants are given.
 */
export function validityWindowText(
  notBefore: string | undefined,
  notOnOrAfter: string | undefined,
  reference: string | undefined,
  refName = 'capture',
): WindowText {
  const from = parse(notBefore);
  const until = parse(notOnOrAfter);
  const ref = parse(reference);
  if (notBefore === undefined && notOnOrAfter === undefined) return { text: 'no time limits', state: 'unknown' };
  if ((notBefore !== undefined && from === undefined) || (notOnOrAfter !== undefined && until === undefined)) {
    return { text: `unreadable time: ${[notBefore, notOnOrAfter].filter(Boolean).join(' / ')}`, state: 'unknown' };
  }
  if (ref === undefined) {
    const parts = [from !== undefined ? `from ${notBefore}` : '', until !== undefined ? `until ${notOnOrAfter}` : ''];
    return { text: `valid ${parts.filter(Boolean).join(' ')} (no ${refName} time known)`, state: 'unknown' };
  }
  const state: WindowText['state'] =
    from !== undefined && ref < from ? 'not-yet' : until !== undefined && ref >= until ? 'expired' : 'inside';
  // "valid from 2 min before to 5 min after capture": the reference is named once, at the end.
  let text: string;
  if (from !== undefined && until !== undefined) {
    const fromText = Math.abs(from - ref) < 500 ? refName : `${formatDuration(from - ref)} ${from < ref ? 'before' : 'after'}`;
    text = `valid from ${fromText} to ${relativeTo(until, ref, refName).replace(/^at /, '')}`;
  } else if (from !== undefined) {
    text = `valid from ${relativeTo(from, ref, refName)}, no end`;
  } else {
    text = `valid until ${relativeTo(until as number, ref, refName).replace(/^at /, '')}`;
  }
  if (state === 'not-yet') text += ` (not yet valid at ${refName})`;
  if (state === 'expired') text += ` (expired at ${refName})`;
  return { text, state };
}
