import type { AttributeView } from '../model';
import type { CheckRule, Hit } from './rule';
import { listSome } from './helpers';
import { DOCS } from '../idp/docs';

// Keycloak's "role list" mapper puts every role in an Attribute of its own unless "Single Role Attribute" is on,
// and the built-in mapper of the role_list client scope is created with it off:
const KEYCLOAK_ROLE_LIST = 'https://github.com/keycloak/keycloak/blob/main/services/src/main/java/org/keycloak/protocol/saml/mappers/RoleListMapper.java';
const KEYCLOAK_BUILTIN = 'https://github.com/keycloak/keycloak/blob/main/services/src/main/java/org/keycloak/protocol/saml/SamlProtocolFactory.java';

function values(list: AttributeView[]): string {
  const all = list.flatMap((x) => x.values);
  return all.length ? listSome(all) : 'no value';
}

export const attributeDuplicate: CheckRule = {
  slug: 'attribute-duplicate',
  severity: 'warning',
  title: 'Same attribute given in several Attribute elements',
  why: 'Several Attribute elements with one Name (and NameFormat) in an assertion are legal SAML, and Keycloak sends roles that way by default, but SP libraries disagree on what they mean: some merge the values, others keep only the first element (or the last), so a user can lose roles or get the wrong e-mail address. Reading one element while another check reads another is also how a second role or address is smuggled past an SP. IdPs normally send one Attribute with several AttributeValue elements. It is an error where the SP is known to read only the first.',
  fix: {
    general:
      'Configure the IdP to emit each attribute once, with several AttributeValue elements for a multi-valued attribute. Look for two claim rules, attribute statements or mappers producing the same name.',
    'entra-id': 'Enterprise applications > your app > Single sign-on > Attributes & Claims: remove the duplicate claim (a group claim and a custom claim with the same name are a common case).',
    adfs: 'Edit Claim Issuance Policy: two rules issue the same outgoing claim type; merge them into one.',
    okta: 'Applications > your app > General > SAML Settings > Edit: make sure no Attribute Statement and Group Attribute Statement share a name.',
    keycloak:
      'Client scopes > role_list > Mappers > role list: switch "Single Role Attribute" on, so all roles go into one Attribute with several values (the built-in mapper has it off and sends one Attribute per role).',
    sources: {
      'entra-id': [DOCS.entraClaims],
      adfs: [DOCS.adfsLdapRule],
      okta: [DOCS.oktaSamlReference],
      keycloak: [KEYCLOAK_ROLE_LIST, KEYCLOAK_BUILTIN],
    },
  },
  spec: 'saml-core §2.7.3.1; saml-sec-consider §6.5',
  check(ctx) {
    const a = ctx.identity;
    if (!a) return [];
    // By name, then by NameFormat (no key joining the two: a new string to hash per attribute); `lists` keeps
    // the order in which each pair first appears.
    const byName = new Map<string, Map<string, AttributeView[]>>();
    const lists: AttributeView[][] = [];
    for (const x of a.attributes) {
      let byFormat = byName.get(x.name);
      if (!byFormat) byName.set(x.name, (byFormat = new Map()));
      const list = byFormat.get(x.nameFormat ?? '');
      if (list) list.push(x);
      else {
        const fresh = [x];
        byFormat.set(x.nameFormat ?? '', fresh);
        lists.push(fresh);
      }
    }
    const readsFirst = ctx.profile.readsFirstAttributeOnly === true;
    const hits: Hit[] = [];
    for (const list of lists) {
      if (list.length < 2) continue;
      const [first, ...rest] = list as [AttributeView, ...AttributeView[]];
      const seen = `an SP that reads only the first sees ${values([first])}; one that merges them sees ${values(list)}`;
      const message = readsFirst
        ? `Attribute "${first.name}" comes in ${list.length} Attribute elements; ${ctx.profile.name} reads only the first (${values([first])}), so ${values(rest)} ${rest.flatMap((x) => x.values).length === 1 ? 'is' : 'are'} lost.`
        : `Attribute "${first.name}" comes in ${list.length} Attribute elements: ${seen}.`;
      hits.push(readsFirst ? { message, location: first.path, severity: 'error' } : { message, location: first.path });
    }
    return hits;
  },
};
