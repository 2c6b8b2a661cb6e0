import { parseInstant } from '../flow/time';
import type { RuleContext } from './context';

/**
 * The instant to judge validity windows at. Without a capture time (a pasted message) the message is judged
 * at its own IssueInstant: that checks internal consistency (was the assertion valid when it was issued?)
 * without pretending the current time says anything about a message captured at an unknown moment.
 */
export function judgeAt(ctx: RuleContext): { instant: Date; label: string } | undefined {
  if (ctx.time.instant) return { instant: ctx.time.instant, label: ctx.time.label };
  const issued = parseInstant(ctx.view?.issueInstant) ?? parseInstant(ctx.identity?.issueInstant);
  return issued ? { instant: issued, label: `the message's own IssueInstant ${issued.toISOString()} (there is no capture time)` } : undefined;
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
