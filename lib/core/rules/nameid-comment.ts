import type { CheckRule, Hit } from './rule';
import { SPLIT_BY } from './helpers';

export const nameidComment: CheckRule = {
  slug: 'nameid-comment',
  severity: 'error',
  title: 'NameID split by a comment or CDATA',
  why: 'A NameID like alice@example.com<!---->.evil.com is read as "alice@example.com" by some libraries and as the whole text by others, while the signature still verifies (canonicalisation drops the comment). This is the comment-injection attack that let attackers log in as other users (Duo 2018, CVE-2017-11427 to 11430). No IdP writes NameIDs like that.',
  fix: {
    general: 'Treat the message as an attack. Update the SP\'s SAML library and make sure it reads the full text content of the NameID.',
  },
  spec: 'saml-sec-consider §6.5; xml-exc-c14n §3 (comments removed)',
  check(ctx) {
    const hits: Hit[] = [];
    for (const n of [ctx.identity?.nameId, ctx.view?.logout?.nameId]) {
      if (n?.splitBy) {
        hits.push({
          message: `NameID is split by ${SPLIT_BY[n.splitBy]}; its full text is "${n.value}", but a library reading only the first part would see a different user.`,
          location: n.path,
        });
      }
    }
    return hits;
  },
};
