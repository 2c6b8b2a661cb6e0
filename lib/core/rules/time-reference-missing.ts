import type { CheckRule } from './rule';
import { rootPath } from './context';

export const timeReferenceMissing: CheckRule = {
  slug: 'time-reference-missing',
  severity: 'info',
  title: 'No capture time: validity window judged only for consistency',
  why: 'Times are judged against the moment a message was captured, never against "now" unless you ask: a response that was valid when it was posted is not "expired" because you look at it a day later. A pasted message (or a SAML-tracer export, which records no per-request time) has no capture time, so only its internal consistency is checked.',
  fix: {
    general: 'To judge the validity window anyway, choose a time reference: "now", or the ISO 8601 time the message was sent; in the CLI, --at now or --at 2026-01-15T10:00:00Z (the extension judges against capture times only).',
  },
  spec: 'saml-core §2.5.1.2',
  check(ctx) {
    const view = ctx.view;
    if (!view || ctx.time.source !== 'none') return [];
    const a = ctx.identity;
    const timed = !!a && (!!a.conditions?.notOnOrAfter || !!a.conditions?.notBefore || a.confirmations.some((c) => c.notOnOrAfter));
    if (!timed) return [];
    const why = ctx.entry.source === 'saml-tracer' ? 'SAML-tracer exports record no time per request' : 'it has no capture time';
    return [
      {
        message: `Validity window not judged against a clock because ${why}; only checked that it was valid at its own IssueInstant. Choose a time reference ("now" or an ISO instant) to judge it.`,
        location: rootPath(view),
      },
    ];
  },
};
