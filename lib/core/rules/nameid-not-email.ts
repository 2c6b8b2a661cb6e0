import type { CheckRule } from './rule';
import { isEmail, isSuccessResponse } from './helpers';
import { EMAIL_FORMAT } from '../profiles/names';

export const nameidNotEmail: CheckRule = {
  slug: 'nameid-not-email',
  severity: 'warning',
  title: 'NameID is not an e-mail address',
  why: 'SPs that identify users by e-mail (Twilio Console, for one) compare the NameID with the e-mail address of the account. A user principal name, an object ID or a random identifier does not match, and the login fails or lands on the wrong user. A NameID whose format says emailAddress but whose value is not one confuses every SP.',
  fix: {
    general: 'Send the user\'s e-mail address as the NameID value, exactly as it is stored on the SP account.',
    entra:
      'Enterprise applications > your app > Single sign-on > Attributes & Claims > Unique User Identifier (Name ID): source attribute user.mail (user.userprincipalname only if it equals the e-mail address).',
    okta: 'Applications > your app > General > SAML Settings > Edit: Application username "Email".',
    adfs: '"Send LDAP Attributes as Claims" rule: E-Mail-Addresses -> E-Mail Address; then "Transform an Incoming Claim": E-Mail Address -> Name ID, format Email.',
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
