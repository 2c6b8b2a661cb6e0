import type { CheckRule } from './rule';
import { SUCCESS } from './helpers';
import { explainStatus } from '../status-codes';
import { DOCS } from '../idp/docs';

const NO_PASSIVE = 'urn:oasis:names:tc:SAML:2.0:status:NoPassive';
const INVALID_POLICY = 'urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy';

export const statusError: CheckRule = {
  slug: 'status-error',
  severity: 'error',
  title: 'The IdP answered with an error status',
  why: 'A StatusCode other than Success means the IdP refused or failed the request, and a failed Response usually carries no assertion at all. The top-level code says whose side failed (Requester: what the SP asked for; Responder: the IdP); the nested code and the StatusMessage say what actually went wrong.',
  fix: {
    general:
      'Read the nested status code and the StatusMessage in the finding; they name the cause.\nInvalidNameIDPolicy: the IdP cannot issue the NameID format the SP requested; align the format on both sides.\nRequestDenied: the user is not assigned to the application or a policy blocks them.\nAuthnFailed: see the IdP\'s sign-in log.\nNoAuthnContext: the SP demands an authentication method the IdP does not offer.',
    'entra-id': 'InvalidNameIDPolicy: Attributes & Claims > Unique User Identifier (Name ID) > Choose name identifier format = the format the SP requests.\nRequestDenied: Enterprise applications > your app > Users and groups: assign the user.\nAuthnFailed: Monitoring > Sign-in logs shows the error code (AADSTS...).',
    adfs: 'InvalidNameIDPolicy: Relying party trust > Edit Claim Issuance Policy > Add Rule > "Transform an Incoming Claim": E-Mail Address -> Name ID, outgoing name ID format Email (AD FS sends no NameID without such a rule).\nRequestDenied: Edit Access Control Policy to permit the user.\nAuthnFailed: Event Viewer > AD FS > Admin.',
    okta: 'InvalidNameIDPolicy: SAML Settings > Name ID format = the format the SP requests.\nRequestDenied: Assignments: assign the user or group.\nAuthnFailed: Reports > System Log.',
    google: 'InvalidNameIDPolicy: Service provider details > Name ID format = the format the SP requests.\nUser not allowed ("403 app_not_enabled_for_user"): your app > User access: turn the app on for the user\'s organizational unit or group.',
    keycloak: 'InvalidNameIDPolicy: Clients > your client > Settings > Name ID Format = the requested format, or "Force Name ID Format" On.',
    shibboleth: 'InvalidNameIDPolicy: conf/saml-nameid.xml has no generator for the requested format; add one (e.g. SAML2AttributeSourcedGenerator) and release its source attribute.',
    simplesamlphp: 'InvalidNameIDPolicy: set `\'NameIDFormat\'` in the SP\'s saml20-sp-remote.php entry and a NameID filter (saml:AttributeNameID) that produces it.',
    sources: {
      'entra-id': [DOCS.entraClaims, DOCS.entraAssign, DOCS.entraSignIns],
      adfs: [DOCS.adfsTransformRule, DOCS.adfsAccessControl, DOCS.adfsLogging],
      okta: [DOCS.oktaSamlReference, DOCS.oktaAssign, DOCS.oktaSystemLog],
      google: [DOCS.googleCustomApp, DOCS.googleErrors],
      keycloak: [DOCS.keycloakSamlClient],
      shibboleth: [DOCS.shibNameId, DOCS.shibCustomNameId],
      simplesamlphp: [DOCS.sspSpRemote, DOCS.sspNameId],
    },
  },
  spec: 'saml-core §3.2.2.2 (StatusCode)',
  check(ctx) {
    const view = ctx.view;
    const s = view?.status;
    if (!view || !s?.code || s.code.trim() === SUCCESS) return [];
    const explanation = explainStatus(s.code, s.subCodes, s.message);
    const asked = ctx.flow.request?.view?.request;
    // What the request asked for is the other half of an InvalidNameIDPolicy; the fix is the codes' own (verdict/fix.ts).
    const policy = s.subCodes.includes(INVALID_POLICY)
      ? asked?.nameIdPolicyFormat
        ? ` The AuthnRequest asked for NameIDPolicy Format ${asked.nameIdPolicyFormat}.`
        : asked
          ? ' The AuthnRequest named no NameIDPolicy Format.'
          : ''
      : '';
    // NoPassive is the normal answer to a passive probe for an existing session.
    const probing = asked?.isPassive === true && s.subCodes.includes(NO_PASSIVE);
    return [
      {
        message: `${view.kind} status ${explanation}${policy}`,
        location: s.path,
        severity: probing ? 'info' : undefined,
      },
    ];
  },
};
