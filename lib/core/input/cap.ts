// The trace cap: how many SAML messages one input may carry before the rest is left out (issue 17, class 11).
import type { Problem, TraceEntry } from '../model';
import { hasSamlProtocolNamespace } from '../binding/body';
import { looksLikeSaml } from '../binding/looks-like';
import { parseRawParams, rawQuery } from '../binding/urlencoded';
import { MAX_MESSAGES } from '../xml/limits';
import { thousands } from './limits';

/**
 * Most SAML messages one input is judged and exported with. Every message costs a decode, a parse, signature
 * checks, the rules, and a section of every report and export, so the time grows with their number: 500
 * keeps `check` and each export of a trace under a second, and is far beyond a real capture (a sign-in is two
 * to four messages, a long HAR of a day's work a few dozen). A trace with more is cut after the request that
 * reaches the cap, with a trace-too-large error naming what was left out, never silently.
 */
export const MAX_TRACE_MESSAGES = 500;

const QUERY_MESSAGES = new Set(['samlrequest', 'samlresponse', 'samlart', 'wresult']);
const FORM_MESSAGES = new Set(['SAMLRequest', 'SAMLResponse', 'SAMLart', 'wresult']);

/**
 * How many messages the bindings will read from an entry, counted without decoding anything: one per message
 * parameter (any case, as the Redirect binding reads them) and form field, one for a SAML body, at most the
 * per-request cap of lib/core/binding.
 */
export function messagesCarried(entry: TraceEntry): number {
  if (!looksLikeSaml(entry)) return 0;
  let n = 0;
  for (const p of parseRawParams(rawQuery(entry.url ?? ''))) if (QUERY_MESSAGES.has(p.name.toLowerCase())) n++;
  for (const [name] of entry.formFields ?? []) if (FORM_MESSAGES.has(name)) n++;
  if (entry.body !== undefined && hasSamlProtocolNamespace(entry.body)) n++;
  return Math.min(MAX_MESSAGES, Math.max(1, n));
}

/** Counts messages entry by entry; once an entry does not fit, no later one does. */
export class TraceCap {
  messages = 0;
  full = false;

  constructor(readonly max = MAX_TRACE_MESSAGES) {}

  fits(entry: TraceEntry): boolean {
    if (this.full) return false;
    const n = messagesCarried(entry);
    if (n > 0 && this.messages + n > this.max) {
      this.full = true;
      return false;
    }
    this.messages += n;
    return true;
  }

  /** The trace-too-large error: what was judged, and which entries (`requests` of them with SAML) were left out. */
  problem(left: { first: string; last: string; entries: number; requests: number }): Problem {
    // Not toLocaleString: loading the ICU locale data costs a CLI start tens of milliseconds.
    const n = thousands;
    const plural = (x: number, one: string, many: string) => `${n(x)} ${x === 1 ? one : many}`;
    return {
      rule: 'trace-too-large',
      severity: 'error',
      message:
        `The input carries more than ${n(this.max)} SAML messages, the most SAML Lens judges and exports from one input: ` +
        `the first ${n(this.messages)}, in the entries before ${left.first}, were judged; ` +
        `${plural(left.entries, 'entry', 'entries')} from ${left.first} to ${left.last}, ${plural(left.requests, 'request', 'requests')} of them carrying SAML, ` +
        'were left out: not judged and not exported.',
    };
  }
}

/** The entries up to the one that would pass the cap; the rest are named in a trace-too-large problem. */
export function capTrace(entries: TraceEntry[], max = MAX_TRACE_MESSAGES): { entries: TraceEntry[]; problem?: Problem } {
  const cap = new TraceCap(max);
  const cut = entries.findIndex((e) => !cap.fits(e));
  if (cut < 0) return { entries };
  const left = entries.slice(cut);
  const requests = left.filter((e) => messagesCarried(e) > 0).length;
  return { entries: entries.slice(0, cut), problem: cap.problem({ first: left[0]!.id, last: left[left.length - 1]!.id, entries: left.length, requests }) };
}
