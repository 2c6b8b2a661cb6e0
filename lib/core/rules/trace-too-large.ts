import { MAX_TRACE_MESSAGES } from '../input/cap';
import type { StageRule } from './rule';

export const traceTooLarge: StageRule = {
  slug: 'trace-too-large',
  severity: 'error',
  raisedBy: 'input',
  title: 'Trace too large: messages left out',
  why: `The input carries more SAML messages than SAML Lens judges from one input (${MAX_TRACE_MESSAGES}). Judging and exporting every one would take time without bound, so the trace is cut after the request that reaches the cap: what follows is neither judged nor exported, and a problem there goes unseen. No real sign-in produces that many messages; a file that does was assembled or generated, possibly to hide a forged message behind many genuine ones.`,
  fix: {
    general:
      'Capture only the sign-in you are investigating (clear the DevTools Network log, reproduce, export), or split the HAR file into smaller ones and check each.\nIf the file was generated, look at where it came from: the entries after the cut were not checked.',
  },
  spec: 'HAR 1.2; VALIDATION.md (bounded time)',
};
