import type { StageRule } from './rule';

export const internalError: StageRule = {
  slug: 'internal-error',
  severity: 'error',
  raisedBy: 'engine',
  title: 'SAML Lens could not finish checking this message',
  why: 'An unexpected error stopped one of the checks for this message. The other messages of the trace are still checked; this one may have problems that were not reported.',
  fix: {
    general:
      'Please report it with the message (redact personal data first) so it can be fixed. Meanwhile, do not treat the missing findings as a clean result.',
  },
  spec: '-',
};
