import type { CheckRule, Hit } from './rule';
import { isSuccessResponse, listSome } from './helpers';
import { lookalikes, partLookalikes } from './attribute-match';
import { DOCS } from '../idp/docs';

export const attributeMissing: CheckRule = {
  slug: 'attribute-missing',
  severity: 'error',
  title: 'Required attribute missing',
  why: 'The SP needs this attribute to create or update the user (Twilio Flex: email, full_name and roles; SendGrid: FirstName and LastName). Without it the login fails ("SAML response doesn\'t have a role attribute") or the user is created with empty fields or as "Unknown".',
  fix: {
    general: 'Add an attribute (claim) with exactly the required name to the IdP application, mapped to the right user property. Names are case-sensitive; a multi-valued attribute such as roles must have at least one value.',
    'entra-id': 'Enterprise applications > your app > Single sign-on > Attributes & Claims > Add new claim: Name = the required name, Namespace empty, Source attribute e.g. user.mail, user.displayname, user.givenname, user.surname, or user.assignedroles for roles.',
    adfs: 'Relying party trust > Edit Claim Issuance Policy > Add Rule > "Send LDAP Attributes as Claims": LDAP attribute (E-Mail-Addresses, Display-Name, Given-Name, Surname, Department or Token-Groups - Unqualified Names) -> outgoing claim type typed as the bare required name.',
    okta: 'Applications > your app > General > SAML Settings > Edit > Attribute Statements: add Name = the required name, value e.g. user.email, user.firstName, user.lastName; for roles use a Group Attribute Statement.',
    google: 'Apps > Web and mobile apps > your app > SAML attribute mapping > Add mapping: a Google Directory attribute -> App attribute = the required name.',
    onelogin: 'Applications > your app > Parameters tab > add a field named as required, with a value, and tick "Include in SAML assertion".',
    ping: 'PingFederate: SP connection > Assertion Creation > Attribute Contract > Extend the Contract with the required name (case-sensitive), then fulfil it from a data source.',
    keycloak: 'Clients > your client > Client scopes > the dedicated scope > Mappers > Add mapper (by configuration): User Property or User Attribute, "SAML Attribute Name" = the required name.',
    auth0: 'Applications > your app > Addons > SAML2 Web App > Settings: add the attribute to `"mappings"`, e.g. `{ "given_name": "FirstName" }`.',
    jumpcloud: 'SSO > your app > SSO tab > User Attributes > add attribute: "Service Provider Attribute Name" = the required name, mapped to a JumpCloud attribute.',
    simplesamlphp: 'In the SP\'s entry in metadata/saml20-sp-remote.php: list the attribute in `\'attributes\'` (core:AttributeLimit releases only those).',
    sources: {
      'entra-id': [DOCS.entraClaims],
      adfs: [DOCS.adfsLdapRule],
      okta: [DOCS.oktaSamlReference],
      google: [DOCS.googleCustomApp],
      onelogin: [DOCS.oneloginGuideAampe],
      ping: [DOCS.pingAttributeContract],
      keycloak: [DOCS.keycloakMappers, DOCS.keycloakAttributeMapper],
      auth0: [DOCS.auth0Assertions],
      jumpcloud: [DOCS.jumpcloudAttributes],
      simplesamlphp: [DOCS.sspSpRemote],
    },
  },
  spec: 'saml-core §2.7.3 (AttributeStatement)',
  check(ctx) {
    const view = ctx.view;
    const a = ctx.identity;
    if (!ctx.profile.requiredAttributes.length || !view || !a || !(isSuccessResponse(view) || view.kind === 'Assertion')) return [];
    const hits: Hit[] = [];
    const where = a.attributes[0]?.path.replace(/\/Attribute(\[\d+\])?$/, '') ?? a.path;
    for (const wanted of ctx.profile.requiredAttributes) {
      const present = a.attributes.filter((x) => x.name === wanted.name);
      if (present.length) {
        if (present.every((x) => x.values.every((v) => !v.trim()))) {
          hits.push({ message: `Attribute "${wanted.name}" (${wanted.purpose}) is present but has no value.`, location: present[0]!.path, attribute: wanted.name });
        }
        continue;
      }
      const similar = lookalikes(wanted, a.attributes).map((x) => x.name);
      const parts = similar.length ? [] : partLookalikes(wanted, a.attributes).map((x) => x.name);
      const reader = wanted.requiredBy ? 'the SP' : ctx.profile.name;
      const hint = similar.length
        ? ` Found ${listSome(similar)} instead; ${reader} reads only the exact name "${wanted.name}".`
        : parts.length
          ? ` The value is there in parts, as ${listSome(parts)}; ${reader} reads only "${wanted.name}", so send the whole value under that name.`
          : '';
      const who = wanted.requiredBy ?? `${ctx.profile.name} needs it`;
      hits.push({ message: `Attribute "${wanted.name}" (${wanted.purpose}) is missing; ${who}.${hint}`, location: where, attribute: wanted.name });
    }
    return hits;
  },
};
