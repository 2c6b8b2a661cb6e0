import type { CheckRule, Hit } from './rule';
import { BEARER } from './helpers';
import { duration, inferredSeverity, judgeAt, parseInstant, skewNote } from './time';
import { DOCS } from '../idp/docs';

export const assertionExpired: CheckRule = {
  slug: 'assertion-expired',
  severity: 'error',
  title: 'Assertion expired',
  why: 'An assertion is valid only until its NotOnOrAfter times (Conditions and the bearer SubjectConfirmationData). Checked against the moment the message was captured, an expired assertion means the SP refused it for good reason: the IdP\'s or SP\'s clock is wrong, the assertion lifetime is very short, or the response was held up or replayed.',
  fix: {
    general:
      'Compare the clocks of IdP and SP with a time source (both should use NTP).\nIf the clocks are right, look for what delayed the POST (a slow proxy, a user leaving the auto-post page open) or check whether the response was replayed.\nAn SP allowing a few minutes of clock skew is normal; very short assertion lifetimes are not needed.',
    adfs: 'Per relying party: `Set-AdfsRelyingPartyTrust -TargetIdentifier <SP entity ID> -NotBeforeSkew <minutes>` (allows for SP clocks that run behind); check the AD FS servers\' time with `w32tm /query /status`.',
    auth0: 'Applications > your app > Addons > SAML2 Web App > Settings: `"lifetimeInSeconds"` sets how long the assertion is valid.',
    sources: {
      adfs: [DOCS.adfsRpTrustCmdlet, DOCS.windowsTime],
      auth0: [DOCS.auth0Assertions],
    },
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
    const severity = inferredSeverity(at);
    if (c && overdue !== undefined && !hits.length) {
      hits.push({ message: `Conditions NotOnOrAfter ${c.notOnOrAfter} is ${duration(overdue)} before ${at.label}, ${skewNote(ctx)}.`, location: c.path, severity });
    }
    // The SP needs one bearer confirmation it can accept (saml-profiles §4.1.4.3), not all of them.
    const bearers = a.confirmations.filter((sc) => sc.method === BEARER);
    const expired = bearers.filter((sc) => late(parseInstant(sc.notOnOrAfter)) !== undefined);
    if (bearers.length && expired.length === bearers.length) {
      for (const sc of expired) {
        const scLate = late(parseInstant(sc.notOnOrAfter))!;
        hits.push({ message: `SubjectConfirmationData NotOnOrAfter ${sc.notOnOrAfter} is ${duration(scLate)} before ${at.label}, ${skewNote(ctx)}.`, location: sc.path, severity });
      }
    }
    return hits;
  },
};
