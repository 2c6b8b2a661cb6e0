import type { TextSplit } from '../model';
import type { CheckRule } from './rule';
import { SPLIT_BY } from './helpers';

function label(s: TextSplit): string {
  return s.attribute !== undefined ? `The AttributeValue of "${s.attribute}"` : `The ${s.element}`;
}

export const textSplit: CheckRule = {
  slug: 'text-split',
  severity: 'error',
  title: 'Issuer, attribute or audience text split by a comment or CDATA',
  why: 'An Issuer, AttributeValue (such as the e-mail an SP links accounts by), Audience, AuthnContextClassRef, SessionIndex or Artifact like admin@example.test<!---->.evil.com is read as "admin@example.test" by libraries that take the first text node and as the whole text by others, while the signature still verifies (canonicalisation drops the comment). It is the comment-injection attack of the NameID (Duo 2018, CVE-2017-11427 to 11430; nameid-comment) aimed at the other values an SP trusts. No IdP writes these values like that.',
  fix: {
    general:
      "Treat the message as an attack. Update the SP's SAML library and make sure it reads the full text content of every value it uses (attributes, Issuer, Audience), not the first text node.",
  },
  spec: 'saml-sec-consider §6.5; xml-exc-c14n §3 (comments removed)',
  check(ctx) {
    const splits = [...(ctx.view?.textSplits ?? []), ...(ctx.identity?.textSplits ?? [])];
    return splits.map((s) => ({
      message: `${label(s)} is split by ${SPLIT_BY[s.splitBy]}; its full text is "${s.value}"${
        s.firstPart !== s.value
          ? `, but a library reading only the first text piece sees "${s.firstPart}"`
          : ', and a library that reads it piece by piece may see only part of it'
      }.`,
      location: s.path,
    }));
  },
};
