import type { CheckRule, Hit } from './rule';
import { BEARER } from './helpers';
import { duration, judgeAt, parseInstant, skewNote } from './time';

export const assertionExpired: CheckRule = {
  slug: 'assertion-expired',
  severity: 'error',
  title: 'Assertion expired',
  why: 'An assertion is valid only until its NotOnOrAfter times (Conditions and the bearer SubjectConfirmationData). Checked against the moment the message was captured, an expired assertion means the SP refused it for good reason: the IdP\'s or SP\'s clock is wrong, the assertion lifetime is very short, or the response was held up or replayed.',
  fix: {
    general:
      'Compare the clocks of IdP and SP with a time source (both should use NTP).\nIf the clocks are right, look for what delayed the POST (a slow proxy, a user leaving the auto-post page open) or check whether the response was replayed.\nAn SP allowing a few minutes of clock skew is normal; very short assertion lifetimes are not needed.',
    adfs: 'Assertion lifetime per relying party: Set-AdfsRelyingPartyTrust -TargetIdentifier <SP entity ID> -NotBeforeSkew <minutes> (allows for SP clocks that run behind); check the AD FS servers\' time with w32tm /query /status.',
  },
  spec: 'saml-core §2.5.1.2 (NotOnOrAfter); saml-profiles §4.1.4.2 (SubjectConfirmationData NotOnOrAfter)',
  check(ctx) {
    const a = ctx.identity;
    if (!a) return [];
    const hits: Hit[] = [];
    const c = a.conditions;
    const from = parseInstant(c?.notBefore);
    const until = parseInstant(c?.notOnOrAfter);
    if (c && from && until && from.getTime() >= until.getTime()) {
      hits.push({ message: `Conditions NotBefore ${c.notBefore} is not before NotOnOrAfter ${c.notOnOrAfter}: the assertion is never valid.`, location: c.path });
    }
    const at = judgeAt(ctx);
    if (!at) return hits;
    const skew = ctx.time.skewSeconds * 1000;
    const late = (limit: Date | undefined) => (limit && at.instant.getTime() >= limit.getTime() + skew ? at.instant.getTime() - limit.getTime() : undefined);
    const overdue = late(until);
    if (c && overdue !== undefined && !hits.length) {
      hits.push({ message: `Conditions NotOnOrAfter ${c.notOnOrAfter} is ${duration(overdue)} before ${at.label}, ${skewNote(ctx)}.`, location: c.path });
    }
    for (const sc of a.confirmations) {
      if (sc.method !== BEARER) continue;
      const scLate = late(parseInstant(sc.notOnOrAfter));
      if (scLate !== undefined) {
        hits.push({ message: `SubjectConfirmationData NotOnOrAfter ${sc.notOnOrAfter} is ${duration(scLate)} before ${at.label}, ${skewNote(ctx)}.`, location: sc.path });
      }
    }
    return hits;
  },
};
