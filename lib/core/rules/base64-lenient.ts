import type { StageRule } from './rule';

export const base64Lenient: StageRule = {
  slug: 'base64-lenient',
  severity: 'info',
  raisedBy: 'decoder',
  title: 'Base64 needed a lenient decoder',
  why: 'The value only decoded after removing whitespace, accepting the URL-safe alphabet or adding missing padding. Lenient SPs accept this; strict ones reject the message as undecodable.',
  fix: {
    general:
      'If the value was pasted or exported, this is usually harmless (line breaks from e-mail or a log).\nIf it came from the sender as is, make it emit standard base64 (RFC 4648 §4) with padding and without line breaks.',
  },
  spec: 'saml-bindings §3.5.4; RFC 4648 §4',
};
