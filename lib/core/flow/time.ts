import type { TraceEntry } from '../model';
import type { TimeMode } from '../profiles';
import { parseInstant } from '../instant';

export { parseInstant };

/** The instant a message's validity windows are judged against, and how to name it in a finding. */
export interface TimeReference {
  /** Undefined when there is nothing to judge against (a pasted message judged at its capture time). */
  instant?: Date;
  source: 'capture' | 'now' | 'fixed' | 'none';
  skewSeconds: number;
  /** e.g. "the capture time 2026-01-15T10:00:02.000Z". */
  label: string;
}

/**
 * `d.toISOString()`, written out: the built-in's first call costs about 0.6 ms (measured in Node 20), a
 * noticeable part of a CLI cold start that names its judging instant in every report.
 */
export function isoInstant(d: Date): string {
  const year = d.getUTCFullYear();
  // Outside four-digit years (and for an invalid date, which throws) the built-in's own form.
  if (!(year >= 0 && year <= 9999)) return d.toISOString();
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}Z`;
}

/**
 * A trace is judged as it was when captured: a response that was valid when the browser posted it is not
 * "expired" because someone opens the HAR file a day later.
 */
export function timeReference(entry: TraceEntry, time: TimeMode, skewSeconds: number): TimeReference {
  if (time.mode === 'now') return { instant: time.instant, source: 'now', skewSeconds, label: `now (${isoInstant(time.instant)})` };
  if (time.mode === 'fixed') {
    return { instant: time.instant, source: 'fixed', skewSeconds, label: `the chosen time ${isoInstant(time.instant)}` };
  }
  // SAML-tracer records no time per request; the export time only says the message is older than that.
  const captured = entry.source === 'saml-tracer' ? undefined : parseInstant(entry.capturedAt);
  const served = captured && serverClock(entry, captured);
  if (served) {
    const minutes = Math.round(Math.abs(served.getTime() - captured!.getTime()) / 60_000);
    return {
      instant: served,
      source: 'capture',
      skewSeconds,
      label: `the receiving server's clock ${isoInstant(served)} (its Date header, where the capturing machine's clock said ${isoInstant(captured!)}, ${minutes} min ${served > captured! ? 'behind' : 'ahead'})`,
    };
  }
  if (captured) return { instant: captured, source: 'capture', skewSeconds, label: `the capture time ${isoInstant(captured)}` };
  return { source: 'none', skewSeconds, label: 'no capture time' };
}

/** Beyond the Date header's one-second grain and a slow answer: the capturing machine's clock is off. */
const CLOCK_OFF_MS = 60_000;

/**
 * The receiving server's clock when the capturing machine's disagrees with it by more than a minute: the HTTP
 * Date header of the exchange that carried the message (the SP's, for a Response posted to its ACS) is the
 * clock that judged the message, and a laptop whose clock is off must not make a valid login look expired.
 */
function serverClock(entry: TraceEntry, captured: Date): Date | undefined {
  const date = entry.responseHeaders.find((h) => h.name.toLowerCase() === 'date')?.value;
  const served = date ? new Date(date) : undefined;
  if (!served || Number.isNaN(served.getTime())) return undefined;
  return Math.abs(served.getTime() - captured.getTime()) > CLOCK_OFF_MS ? served : undefined;
}
