import type { CheckRule, Hit } from './rule';
import { rootPath } from './context';
import { duration, parseInstant, skewNote } from './time';
import { DOCS } from '../idp/docs';

export const clockSkew: CheckRule = {
  slug: 'clock-skew',
  severity: 'warning',
  title: 'Clock difference between sender and capture',
  why: 'A message is issued moments before the browser carries it, so its IssueInstant should be close to the capture time. An IssueInstant in the future, or far in the past, means the sender\'s clock (or the capturing machine\'s) is off. That is the usual cause of intermittent "not yet valid" or "expired" rejections.',
  fix: {
    general: 'Synchronise the clocks of IdP, SP and the capturing machine with NTP, then capture again.',
    adfs: 'Check the AD FS servers\' time with `w32tm /query /status`.',
    sources: {
      adfs: [DOCS.windowsTime],
    },
  },
  spec: 'saml-core §1.3.3 (time values are UTC); saml-core §3.2.2 and §2.3.3 (IssueInstant)',
  check(ctx) {
    const view = ctx.view;
    if (!view) return [];
    const hits: Hit[] = [];
    const skew = ctx.time.skewSeconds * 1000;
    const stamps: Array<{ what: string; value?: string; path: string }> = [{ what: `${view.kind} IssueInstant`, value: view.issueInstant, path: rootPath(view) }];
    const a = ctx.identity;
    if (a && a.path !== rootPath(view)) stamps.push({ what: 'Assertion IssueInstant', value: a.issueInstant, path: a.path });
    const ref = ctx.time.instant;
    if (ref) {
      for (const s of stamps) {
        const t = parseInstant(s.value);
        if (!t) continue;
        const diff = t.getTime() - ref.getTime();
        if (diff > skew) {
          hits.push({ message: `${s.what} ${s.value} is ${duration(diff)} after ${ctx.time.label} (${skewNote(ctx)}): the sender's clock runs ahead, or the capturing machine's runs behind.`, location: s.path });
        } else if (ctx.time.source === 'capture' && ctx.flow.repeatOf === undefined && -diff > skew) {
          hits.push({ message: `${s.what} ${s.value} is ${duration(diff)} before ${ctx.time.label} (${skewNote(ctx)}): the sender's clock runs behind, the capturing machine's runs ahead, or the message was held up or replayed.`, location: s.path });
        }
      }
      return hits;
    }
    // No capture time: only the message's own timestamps can be compared with each other.
    const outer = parseInstant(view.issueInstant);
    const inner = parseInstant(a?.issueInstant);
    if (a && outer && inner && a.path !== rootPath(view) && Math.abs(outer.getTime() - inner.getTime()) > skew) {
      hits.push({ message: `Assertion IssueInstant ${a.issueInstant} is ${duration(outer.getTime() - inner.getTime())} away from the Response IssueInstant ${view.issueInstant}.`, location: a.path });
    }
    return hits;
  },
};
