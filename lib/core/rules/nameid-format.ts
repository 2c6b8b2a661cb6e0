import type { CheckRule, Hit } from './rule';
import { isSuccessResponse } from './helpers';
import { UNSPECIFIED_FORMAT, UNSPECIFIED_FORMAT_20 } from '../profiles/names';
import { DOCS } from '../idp/docs';

export const nameidFormat: CheckRule = {
  slug: 'nameid-format',
  severity: 'warning',
  title: 'NameID format is not the one required',
  why: 'SPs match users by NameID and often by its format too. A transient or persistent identifier where the SP expects an e-mail address means the user is not found, or a new, wrong account is created.',
  fix: {
    general: 'Set the NameID format the SP requires on the IdP, with a source attribute that holds that kind of value.',
    'entra-id': 'Enterprise applications > your app > Single sign-on > Attributes & Claims > Unique User Identifier (Name ID) > Choose name identifier format (e.g. "Email address", source user.mail).',
    adfs: 'In the "Transform an Incoming Claim" rule that produces the Name ID, set "Outgoing name ID format" (e.g. Email).',
    okta: 'Applications > your app > General > SAML Settings > Edit: Name ID format (e.g. "EmailAddress").',
    google: 'Apps > Web and mobile apps > your app > Service provider details: Name ID format (e.g. EMAIL) and Name ID (e.g. Basic Information > Primary email).',
    onelogin: 'Applications > your app > Configuration tab: "SAML nameID format" (e.g. Email).',
    ping: 'PingFederate: SP connection > Assertion Creation > Attribute Contract: choose the subject name format of SAML_SUBJECT.',
    keycloak: 'Clients > your client > Settings > SAML capabilities: Name ID Format; "Force Name ID Format" On makes Keycloak use it whatever the request asks.',
    shibboleth: 'In conf/saml-nameid.xml, add (uncomment) a generator for the format from a released attribute, e.g. a SAML2AttributeSourcedGenerator on mail for emailAddress.',
    auth0: 'Applications > your app > Addons > SAML2 Web App > Settings: `"nameIdentifierFormat": "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"` (or the format the SP requires).',
    jumpcloud: 'SSO > your app > SSO tab: "SAMLSubject NameID Format".',
    simplesamlphp: 'In the SP\'s entry in metadata/saml20-sp-remote.php: `\'NameIDFormat\' => \'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress\'`, with a saml:AttributeNameID authproc filter (`\'identifyingAttribute\' => \'mail\'`, `\'Format\'` the same URN) to fill it.',
    sources: {
      'entra-id': [DOCS.entraClaims],
      adfs: [DOCS.adfsTransformRule],
      okta: [DOCS.oktaSamlReference],
      google: [DOCS.googleCustomApp],
      onelogin: [DOCS.oneloginGuideWorkstars],
      ping: [DOCS.pingAttributeContract],
      keycloak: [DOCS.keycloakSamlClient],
      shibboleth: [DOCS.shibNameId, DOCS.shibCustomNameId],
      auth0: [DOCS.auth0Assertions],
      jumpcloud: [DOCS.jumpcloudGuideFirmex, DOCS.jumpcloudFields],
      simplesamlphp: [DOCS.sspSpRemote, DOCS.sspNameId],
    },
  },
  spec: 'saml-core §8.3 (NameID formats); saml-core §3.4.1.1 (NameIDPolicy)',
  check(ctx) {
    const view = ctx.view;
    const n = ctx.identity?.nameId;
    if (!view || !n || !(isSuccessResponse(view) || view.kind === 'Assertion')) return [];
    const actual = n.format ?? `${UNSPECIFIED_FORMAT} (no Format attribute)`;
    const hits: Hit[] = [];
    const accepted = ctx.expect.nameIdFormats;
    if (accepted && !accepted.value.includes(n.format ?? '')) {
      const wanted = accepted.value.length === 1 ? `requires ${accepted.value[0]}` : `accepts only ${accepted.value.join(', ')}`;
      hits.push({ message: `NameID format is ${actual}; ${accepted.source} ${wanted}.`, location: n.path });
    } else if (n.format && ctx.profile.refusedNameIdFormats.includes(n.format)) {
      hits.push({ message: `NameID format is ${n.format}, which ${ctx.profile.name} does not accept.`, location: n.path });
    }
    const asked = ctx.flow.request?.view?.request?.nameIdPolicyFormat;
    if (!hits.length && asked && asked !== UNSPECIFIED_FORMAT && asked !== UNSPECIFIED_FORMAT_20 && n.format !== asked) {
      hits.push({
        message: `The AuthnRequest asked for NameID format ${asked} (NameIDPolicy) but the response carries ${actual}.`,
        location: n.path,
        severity: 'warning',
      });
    }
    return hits;
  },
};
