import type { CheckRule, Hit } from './rule';
import { duration, inferredSeverity, judgeAt, parseInstant, skewNote } from './time';
import { DOCS } from '../idp/docs';

export const assertionNotYetValid: CheckRule = {
  slug: 'assertion-not-yet-valid',
  severity: 'error',
  title: 'Assertion not yet valid',
  why: 'An assertion is valid only from its NotBefore time. If it arrives earlier (judged at the moment it was captured), the IdP\'s clock runs ahead of the SP\'s, and SPs with little or no skew allowance refuse the login, typically only for some users or some servers.',
  fix: {
    general:
      'Synchronise the IdP and SP clocks with NTP. If you cannot fix the clock, allow a few minutes of clock skew on the SP.',
    adfs: 'Check the AD FS servers\' time (`w32tm /query /status`). `Set-AdfsRelyingPartyTrust -TargetIdentifier <SP entity ID> -NotBeforeSkew 5` makes AD FS back-date NotBefore by 5 minutes for SPs whose clocks run behind.',
    sources: {
      adfs: [DOCS.windowsTime, DOCS.adfsRpTrustCmdlet],
    },
  },
  spec: 'saml-core §2.5.1.2 (NotBefore)',
  check(ctx) {
    const a = ctx.identity;
    const at = a && judgeAt(ctx);
    if (!a || !at) return [];
    const hits: Hit[] = [];
    const skew = ctx.time.skewSeconds * 1000;
    const early = (v: string | undefined) => {
      const t = parseInstant(v);
      return t && t.getTime() > at.instant.getTime() + skew ? t.getTime() - at.instant.getTime() : undefined;
    };
    const severity = inferredSeverity(at);
    const c = a.conditions;
    const cEarly = early(c?.notBefore);
    if (c && cEarly !== undefined) {
      hits.push({ message: `Conditions NotBefore ${c.notBefore} is ${duration(cEarly)} after ${at.label}, ${skewNote(ctx)}.`, location: c.path, severity });
    }
    // One acceptable confirmation is enough for the SP.
    const early_ = a.confirmations.filter((sc) => early(sc.notBefore) !== undefined);
    if (a.confirmations.length && early_.length === a.confirmations.length) {
      for (const sc of early_) {
        hits.push({ message: `SubjectConfirmationData NotBefore ${sc.notBefore} is ${duration(early(sc.notBefore)!)} after ${at.label}, ${skewNote(ctx)}.`, location: sc.path, severity });
      }
    }
    return hits;
  },
};
