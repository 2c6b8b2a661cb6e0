// How much of an imported file is kept: every SAML request and the pages around it, and the other requests
// up to a limit, so a HAR of a whole working day neither fills the viewer's memory nor slows the list.
import type { Problem, TraceEntry } from '../model';
import { requestTypeOf, type RequestType } from '../http/request-type';
import { RESPONSE_BODY_MAX_CHARS } from './body';

/** Response bodies worth keeping on a request that is neither SAML nor around a SAML message. */
const BODY_TYPES: ReadonlySet<RequestType> = new Set(['document', 'fetch']);

export interface ImportLimits {
  /** Requests without a SAML message kept per file, beyond the ones around a SAML message. */
  maxOtherEntries: number;
  /** Characters of request and response bodies kept per file for requests without a SAML message. */
  maxOtherBodyChars: number;
}

/**
 * 5,000 others: what the panel keeps of one tab's live traffic (lib/extension/store/window.ts), and what it
 * lists quickly. 50,000,000 characters of bodies: a busy HAR's pages and API answers, far from the memory
 * a browser tab has.
 */
export const IMPORT_LIMITS: ImportLimits = { maxOtherEntries: 5_000, maxOtherBodyChars: 50_000_000 };

/** 7212 -> "7,212" (fixed, not the locale's: messages are compared in tests and pasted into tickets). */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

function bodyChars(e: TraceEntry): number {
  return (e.body?.length ?? 0) + (e.responseBody?.text.length ?? 0);
}

/** Counts what one file had and what was kept of it; says so when a limit was reached. */
export class KeepBudget {
  private total = 0;
  private kept = 0;
  private others = 0;
  private left = 0;
  private chars = 0;
  private bodiesDropped = 0;

  constructor(private readonly limits: ImportLimits = IMPORT_LIMITS) {}

  maxOthers(): number {
    return this.limits.maxOtherEntries;
  }

  /** One more request in the file. */
  seen(): void {
    this.total += 1;
  }

  /** Whether one more request without SAML (and not around a SAML message) may be kept. */
  hasRoom(): boolean {
    if (this.others < this.limits.maxOtherEntries) return true;
    this.left += 1;
    return false;
  }

  /** A request kept for its SAML message or as a page around one: always, bodies included. */
  keepContext(): void {
    this.kept += 1;
  }

  /**
   * A request kept only as context of the file: the response body only when it is a page or an API answer
   * (a script, style sheet or image says nothing about a sign-in, and a busy page has thousands), and its
   * bodies count against the file's budget.
   */
  keepOther(e: TraceEntry): void {
    this.kept += 1;
    this.others += 1;
    if (e.responseBody && !BODY_TYPES.has(requestTypeOf(e))) delete e.responseBody;
    const n = bodyChars(e);
    if (n === 0) return;
    const oneTooBig = (e.body?.length ?? 0) > RESPONSE_BODY_MAX_CHARS;
    if (oneTooBig || this.chars + n > this.limits.maxOtherBodyChars) {
      delete e.body;
      delete e.responseBody;
      this.bodiesDropped += 1;
      return;
    }
    this.chars += n;
  }

  keptCount(): number {
    return this.kept;
  }

  /** What the limits left out, as findings (rule input-limit); none when everything was kept. */
  problems(): Problem[] {
    const out: Problem[] = [];
    const { maxOtherEntries, maxOtherBodyChars } = this.limits;
    if (this.left > 0) {
      out.push({
        rule: 'input-limit',
        severity: 'warning',
        message:
          `Kept ${thousands(this.kept)} of ${thousands(this.total)} entries: every request with a SAML message and the pages around it, ` +
          `and the first ${thousands(maxOtherEntries)} other requests (the limit per file); the ${thousands(this.left)} later other requests were left out.`,
      });
    }
    if (this.bodiesDropped > 0) {
      out.push({
        rule: 'input-limit',
        severity: 'info',
        message:
          `Kept ${thousands(this.bodiesDropped)} request${this.bodiesDropped === 1 ? '' : 's'} without a SAML message without their bodies: ` +
          `a request body over ${thousands(RESPONSE_BODY_MAX_CHARS)} characters, or beyond ${thousands(maxOtherBodyChars)} characters of such bodies per file.`,
      });
    }
    return out;
  }
}
