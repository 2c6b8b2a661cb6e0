import type { CheckRule, Hit } from './rule';
import { DOCS } from '../idp/docs';

export const attributeDuplicate: CheckRule = {
  slug: 'attribute-duplicate',
  severity: 'error',
  title: 'Same attribute given twice',
  why: 'Two Attribute elements with the same Name (and NameFormat) in one assertion are ambiguous: one SP takes the first, another the last, another merges them. Attackers use this to smuggle a second role or e-mail address past a check that reads only one of them. IdPs put several values in ONE Attribute instead.',
  fix: {
    general: 'Configure the IdP to emit each attribute once, with several AttributeValue elements for multi-valued attributes. Look for two claim rules or attribute statements producing the same name.',
    'entra-id': 'Enterprise applications > your app > Single sign-on > Attributes & Claims: remove the duplicate claim (a group claim and a custom claim with the same name are a common case).',
    adfs: 'Edit Claim Issuance Policy: two rules issue the same outgoing claim type; merge them into one.',
    okta: 'Applications > your app > General > SAML Settings > Edit: make sure no Attribute Statement and Group Attribute Statement share a name.',
    sources: {
      'entra-id': [DOCS.entraClaims],
      adfs: [DOCS.adfsLdapRule],
      okta: [DOCS.oktaSamlReference],
    },
  },
  spec: 'saml-core §2.7.3.1; saml-sec-consider §6.5',
  check(ctx) {
    const a = ctx.identity;
    if (!a) return [];
    const seen = new Map<string, string>();
    const hits: Hit[] = [];
    for (const x of a.attributes) {
      const key = `${x.name}\u0000${x.nameFormat ?? ''}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, x.path);
        continue;
      }
      hits.push({ message: `Attribute "${x.name}" appears again (first at ${first}); SPs disagree on which one counts.`, location: x.path });
    }
    return hits;
  },
};
