import type { CheckRule, Hit } from './rule';
import { isSuccessResponse, isUriName } from './helpers';
import { lookalikes, partLookalikes } from './attribute-match';
import { DOCS } from '../idp/docs';

export const attributeNamespaced: CheckRule = {
  slug: 'attribute-namespaced',
  severity: 'warning',
  title: 'Attribute name is a URI where a bare name is expected',
  why: 'Some SPs read attributes by a short, bare name such as email or FirstName. IdPs, Entra ID and AD FS in particular, name claims with URIs by default (http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress). The SP does not treat that as email, so the value is silently ignored: empty user fields, or a login refused for a "missing" attribute.',
  fix: {
    general: 'Rename the claim on the IdP to exactly the bare name the SP documents (names are case-sensitive) and remove any namespace.',
    'entra-id': 'Enterprise applications > your app > Single sign-on > Attributes & Claims: open the claim, set Name to the bare name (e.g. email) and clear the Namespace field.',
    adfs: 'In the claim rule, type the bare name into "Outgoing claim type" instead of picking a predefined claim type (which are URIs).',
    okta: 'Applications > your app > General > SAML Settings > Edit > Attribute Statements: Name = the bare name (e.g. email), Name format "Unspecified" or "Basic".',
    google: 'Apps > Web and mobile apps > your app > SAML attribute mapping: the App attribute name is free text; type the bare name (e.g. email).',
    onelogin: 'Applications > your app > Parameters tab: the field name is the attribute name sent; use the bare name and tick "Include in SAML assertion".',
    ping: 'PingFederate: SP connection > Assertion Creation > Attribute Contract: attribute names are case-sensitive and sent as entered; use the bare name, with a basic or unspecified attribute name format.',
    keycloak: 'Clients > your client > Client scopes > the dedicated scope > Mappers: in each mapper set "SAML Attribute Name" to the bare name and "SAML Attribute NameFormat" to Basic or Unspecified.',
    auth0: 'Applications > your app > Addons > SAML2 Web App > Settings: `"mappings"`, e.g. `{ "email": "email" }`, maps a profile attribute to the attribute name sent.',
    jumpcloud: 'SSO > your app > SSO tab > User Attributes: "Service Provider Attribute Name" is the name sent; type the bare name.',
    simplesamlphp: 'Remove a core:AttributeMap filter that renames attributes to URIs (e.g. name2oid), or map the name back to the bare one; set `\'attributes.NameFormat\' => \'urn:oasis:names:tc:SAML:2.0:attrname-format:basic\'` in the SP\'s saml20-sp-remote.php entry.',
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
      simplesamlphp: [DOCS.sspAttributeMap, DOCS.sspSpRemote],
    },
  },
  spec: 'saml-core §2.7.3.1 (Attribute Name and NameFormat); saml-profiles §8.2 (attribute name formats)',
  check(ctx) {
    const view = ctx.view;
    const a = ctx.identity;
    if (!view || !a || !(isSuccessResponse(view) || view.kind === 'Assertion')) return [];
    const hits: Hit[] = [];
    for (const wanted of ctx.profile.requiredAttributes) {
      // SP metadata names the exact attribute the SP reads, so its bare names are bare whatever the profile says.
      if (!(wanted.bare ?? ctx.profile.bareAttributeNames)) continue;
      if (a.attributes.some((x) => x.name === wanted.name)) continue;
      const reader = wanted.requiredBy ? 'the SP' : ctx.profile.name;
      for (const found of lookalikes(wanted, a.attributes).filter((x) => isUriName(x.name))) {
        hits.push({
          message: `Attribute "${found.name}" looks like ${wanted.purpose}, but ${reader} reads only the bare name "${wanted.name}"; this value is ignored.`,
          location: found.path,
          attribute: found.name,
          expected: wanted.name,
        });
      }
      if (lookalikes(wanted, a.attributes).length) continue;
      for (const part of partLookalikes(wanted, a.attributes).filter((x) => isUriName(x.name))) {
        hits.push({
          message: `Attribute "${part.name}" holds part of ${wanted.purpose}, but ${ctx.profile.name} reads only the bare name "${wanted.name}"; this value is ignored.`,
          location: part.path,
          attribute: part.name,
          expected: wanted.name,
        });
      }
    }
    return hits;
  },
};
