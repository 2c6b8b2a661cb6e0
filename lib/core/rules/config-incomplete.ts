import type { StageRule } from './rule';

export const configIncomplete: StageRule = {
  slug: 'config-incomplete',
  severity: 'info',
  raisedBy: 'engine',
  title: 'Some checks need more configuration',
  why: 'The chosen profile can check more than it did, but a value it needs (for example a Twilio Account SID) was not given.',
  fix: {
    general: 'Pass the value named in the message to enable the skipped checks.',
  },
  spec: '-',
};
