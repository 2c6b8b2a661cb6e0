import { isoInstant, parseInstant } from '../flow/time';
import type { RuleContext } from './context';

/**
 * The instant to judge validity windows at. Without a capture time (a pasted message) the message is judged
 * at its own IssueInstant: that checks internal consistency (was the assertion valid when it was issued?)
 * without pretending the current time says anything about a message captured at an unknown moment.
 */
export function judgeAt(ctx: RuleContext): { instant: Date; label: string; inferred: boolean } | undefined {
  if (ctx.time.instant) return { instant: ctx.time.instant, label: ctx.time.label, inferred: false };
  const issued = parseInstant(ctx.view?.issueInstant) ?? parseInstant(ctx.identity?.issueInstant);
  return issued
    ? { instant: issued, label: `the message's own IssueInstant ${isoInstant(issued)} (there is no capture time)`, inferred: true }
    : undefined;
}

/**
 * Judged at the message's own IssueInstant, a window problem shows an odd message, not that the SP refused
 * it (the SP judged against its own clock): a warning, not an error.
 */
export function inferredSeverity(at: { inferred: boolean }): 'warning' | undefined {
  return at.inferred ? 'warning' : undefined;
}

export function duration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 120) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 120) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ${min % 60} min`;
  return `${Math.round(h / 24)} days`;
}

export function skewNote(ctx: RuleContext): string {
  return `allowing ${ctx.time.skewSeconds} s of clock skew`;
}

export { parseInstant };
