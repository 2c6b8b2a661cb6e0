import type { AttributeView } from '../model';
import type { CheckRule, Hit } from './rule';
import { isPasswordAttribute } from '../password-attribute';

// SimpleSAMLphp's LDAP source fetches every attribute of the entry when `attributes` is null (its documented
// example), and sends them all on unless a filter limits them:
const SSP_LDAP = 'https://github.com/simplesamlphp/simplesamlphp-module-ldap/blob/master/docs/ldap.md';

function namesAPassword(a: AttributeView): string | undefined {
  for (const name of [a.name, a.friendlyName]) {
    if (name !== undefined && isPasswordAttribute(name)) return name;
  }
  return undefined;
}

export const attributePassword: CheckRule = {
  slug: 'attribute-password',
  severity: 'warning',
  title: "The user's password is sent as an attribute",
  why: "An attribute named for the user's password (LDAP's userPassword, Active Directory's unicodePwd, a claim called password) carries the password or its hash to the SP. No SP needs it to sign the user in, and on the way it passes through the browser, where every HAR, SAML-tracer export and proxy log keeps it; a hash is enough to try passwords offline. It usually comes from an IdP that releases every attribute of the directory entry.",
  fix: {
    general:
      "Stop the IdP from releasing the attribute: release to each SP only the attributes it needs (an allow-list, not the whole directory entry). Treat the passwords already sent as exposed: they are in the SP's logs and in any capture of a sign-in, so have the users concerned change them.",
    simplesamlphp:
      "In config/authsources.php, give the ldap:Ldap source an 'attributes' list of what the SPs need: with 'attributes' => null it fetches every attribute of the entry, userPassword included when the bind may read it.",
    sources: { simplesamlphp: [SSP_LDAP] },
  },
  spec: 'saml-sec-consider §7.1.1.1; RFC 4519 §2.41',
  check(ctx) {
    const hits: Hit[] = [];
    for (const a of ctx.identity?.attributes ?? []) {
      const name = namesAPassword(a);
      if (name === undefined) continue;
      const sent = a.values.filter((v) => v.trim() !== '').length;
      // An empty value leaks nothing; the attribute name alone is no alarm.
      if (sent === 0) continue;
      hits.push({
        message: `Attribute "${a.name}" carries the user's password (${sent === 1 ? 'a value' : `${sent} values`}, not shown here): the IdP releases ${name === a.name ? 'it' : `its ${name}`} to the SP, and every capture of this sign-in holds it.`,
        location: a.path,
        attribute: a.name,
      });
    }
    return hits;
  },
};
