import type { CheckRule, Hit } from './rule';
import { rootPath } from './context';
import { isSuccessResponse } from './helpers';
import { DOCS } from '../idp/docs';

const ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';

/** A LogoutRequest may name the user with an EncryptedID or BaseID instead of a NameID (saml-core §3.7.1). */
function hasIdentifier(root: Element | undefined): boolean {
  if (!root) return false;
  for (let n = root.firstChild; n; n = n.nextSibling) {
    const el = n as Element;
    // A sloppy sender may leave the namespace off; the user is still named, so this is not "no NameID".
    const ns = el.namespaceURI ?? '';
    if (n.nodeType === 1 && (ns === ASSERTION_NS || ns === '') && (el.localName === 'EncryptedID' || el.localName === 'BaseID')) return true;
  }
  return false;
}

export const nameidMissing: CheckRule = {
  slug: 'nameid-missing',
  severity: 'error',
  title: 'No NameID in the assertion',
  why: 'The NameID is how the SP knows which user logged in. Without it most SPs refuse the login or cannot match an account. AD FS sends no NameID at all unless a claim rule produces one.',
  fix: {
    general: 'Configure the IdP to send a NameID (usually the user\'s e-mail address, format emailAddress, or whatever the SP documents).',
    'entra-id': 'Enterprise applications > your app > Single sign-on > Attributes & Claims > Unique User Identifier (Name ID): source attribute user.mail (or user.userprincipalname), Name identifier format "Email address".',
    adfs: 'Relying party trust > Edit Claim Issuance Policy > Add Rule > "Transform an Incoming Claim": incoming claim type E-Mail Address, outgoing claim type Name ID, outgoing name ID format Email. (The E-Mail Address claim must itself be issued by an earlier "Send LDAP Attributes as Claims" rule.)',
    okta: 'Applications > your app > General > SAML Settings > Edit: Name ID format "EmailAddress", Application username "Email".',
    google: 'Apps > Web and mobile apps > your app > Service provider details: Name ID "Basic Information > Primary email" (the default) with Name ID format EMAIL.',
    shibboleth: 'In conf/saml-nameid.xml, uncomment a custom generator (SAML2AttributeSourcedGenerator) for the format the SP wants and release its source attribute to the SP in the attribute filter.',
    auth0: 'Applications > your app > Addons > SAML2 Web App > Settings: `"nameIdentifierProbes"` lists the claims tried, in order, for the NameID value; put the claim holding the SP\'s identifier first.',
    jumpcloud: 'SSO > your app > SSO tab: "SAMLSubject NameID" (by default the user\'s email).',
    simplesamlphp: 'In the SP\'s entry in metadata/saml20-sp-remote.php: `\'NameIDFormat\'` and `\'simplesaml.nameidattribute\' => \'mail\'` (the attribute must be among those released to the SP).',
    sources: {
      'entra-id': [DOCS.entraClaims],
      adfs: [DOCS.adfsTransformRule, DOCS.adfsLdapRule],
      okta: [DOCS.oktaSamlReference],
      google: [DOCS.googleCustomApp],
      shibboleth: [DOCS.shibCustomNameId],
      auth0: [DOCS.auth0Assertions],
      jumpcloud: [DOCS.jumpcloudFields],
      simplesamlphp: [DOCS.sspSpRemote],
    },
  },
  spec: 'saml-core §2.4.1 (Subject); saml-profiles §4.1.4.2',
  check(ctx) {
    const view = ctx.view;
    if (!view) return [];
    const hits: Hit[] = [];
    const a = ctx.identity;
    if ((isSuccessResponse(view) || view.kind === 'Assertion') && a && !a.nameId && !a.encryptedNameId) {
      hits.push({ message: 'The assertion\'s Subject has no NameID, so the SP cannot tell which user this is.', location: `${a.path}/Subject` });
    }
    if (view.kind === 'LogoutRequest' && !view.logout?.nameId && !hasIdentifier(ctx.parsed?.root)) {
      hits.push({ message: 'The LogoutRequest has no NameID, so the receiver cannot tell whose session to end.', location: rootPath(view) });
    }
    return hits;
  },
};
