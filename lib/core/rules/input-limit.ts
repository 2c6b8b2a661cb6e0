import type { StageRule } from './rule';

export const inputLimit: StageRule = {
  slug: 'input-limit',
  severity: 'warning',
  raisedBy: 'input',
  title: 'Part of a big file was left out',
  why: 'A HAR or SAML-tracer file keeps every request with a SAML message and the pages around it, and the other requests (scripts, images, API calls) up to a limit per file, so a capture of a whole working day stays quick to list and within memory. What was left out is said here, with the counts: nothing is dropped silently. The SAML messages and their redirect chains are never among what is left out.',
  fix: {
    general:
      'To see the requests that were left out, capture again closer to the sign-in (clear the Network panel, then sign in), or save only the part of the HAR around the failure.\nThe SAML messages and the verdicts are complete either way.',
  },
  spec: 'HAR 1.2 (log.entries)',
};
