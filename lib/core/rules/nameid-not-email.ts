import type { CheckRule } from './rule';
import { isEmail, isSuccessResponse } from './helpers';
import { EMAIL_FORMAT } from '../profiles/names';
import { DOCS } from '../idp/docs';

export const nameidNotEmail: CheckRule = {
  slug: 'nameid-not-email',
  severity: 'warning',
  title: 'NameID is not an e-mail address',
  why: 'SPs that identify users by e-mail (Twilio Console, for one) compare the NameID with the e-mail address of the account. A user principal name, an object ID or a random identifier does not match, and the login fails or lands on the wrong user. A NameID whose format says emailAddress but whose value is not one confuses every SP.',
  fix: {
    general: 'Send the user\'s e-mail address as the NameID value, exactly as it is stored on the SP account.',
    'entra-id': 'Enterprise applications > your app > Single sign-on > Attributes & Claims > Unique User Identifier (Name ID): source attribute user.mail (user.userprincipalname only if it equals the e-mail address).',
    adfs: '"Send LDAP Attributes as Claims" rule: E-Mail-Addresses -> E-Mail Address; then "Transform an Incoming Claim": E-Mail Address -> Name ID, format Email.',
    okta: 'Applications > your app > General > SAML Settings > Edit: Application username "Email".',
    google: 'Apps > Web and mobile apps > your app > Service provider details: Name ID "Basic Information > Primary email", Name ID format EMAIL.',
    ping: 'PingFederate: SP connection > Assertion Creation > Attribute Contract: SAML_SUBJECT with an email-address subject name format, fulfilled from the user\'s mail attribute.',
    shibboleth: 'In conf/saml-nameid.xml, a SAML2AttributeSourcedGenerator for urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress sourced from the mail attribute (released to the SP).',
    auth0: 'Applications > your app > Addons > SAML2 Web App > Settings: put the e-mail claim first in `"nameIdentifierProbes"`, e.g. `["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"]`.',
    jumpcloud: 'SSO > your app > SSO tab: "SAMLSubject NameID" email (the default).',
    simplesamlphp: 'authproc filter saml:AttributeNameID with `\'identifyingAttribute\' => \'mail\'` and `\'Format\' => \'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress\'`.',
    sources: {
      'entra-id': [DOCS.entraClaims],
      adfs: [DOCS.adfsLdapRule, DOCS.adfsTransformRule],
      okta: [DOCS.oktaSamlReference],
      google: [DOCS.googleCustomApp],
      ping: [DOCS.pingAttributeContract],
      shibboleth: [DOCS.shibCustomNameId],
      auth0: [DOCS.auth0Assertions],
      jumpcloud: [DOCS.jumpcloudFields],
      simplesamlphp: [DOCS.sspNameId],
    },
  },
  spec: 'saml-core §8.3.2 (emailAddress format)',
  check(ctx) {
    const view = ctx.view;
    const n = ctx.identity?.nameId;
    if (!view || !n || !(isSuccessResponse(view) || view.kind === 'Assertion') || isEmail(n.value)) return [];
    if (ctx.profile.nameIdEmail) {
      return [{ message: `NameID "${n.value}" is not an e-mail address; ${ctx.profile.name} matches users by their e-mail address.`, location: n.path }];
    }
    if (n.format === EMAIL_FORMAT) {
      return [{ message: `NameID format is ${EMAIL_FORMAT} but the value "${n.value}" is not an e-mail address.`, location: n.path }];
    }
    return [];
  },
};
