import type { CheckRule, Hit } from './rule';
import { rootPath } from './context';
import { envelopeNote, sameId, unseenDifference } from './helpers';
import { trimXml } from '../xml/nodes';
import { DOCS } from '../idp/docs';

/** Why two entity IDs that look alike still differ, because that is what people miss. */
function nearMiss(actual: string, expected: string): string {
  const a = trimXml(actual);
  const e = trimXml(expected);
  if (a.replace(/\/+$/, '') === e.replace(/\/+$/, '')) return ' They differ only by a trailing slash, which is enough for the SP to reject it.';
  if (a.replace(/^https?:/i, '') === e.replace(/^https?:/i, '')) return ' They differ only by http versus https, which is enough for the SP to reject it (AD FS issues http://<host>/adfs/services/trust).';
  if (a.toLowerCase() === e.toLowerCase()) return ' They differ only in upper/lower case; entity IDs are compared exactly.';
  return unseenDifference(a, e);
}

export const issuerMismatch: CheckRule = {
  slug: 'issuer-mismatch',
  severity: 'error',
  title: 'Issuer is not the expected entity ID',
  why: 'The SP only accepts responses from the IdP it is configured for, compared character by character with the Issuer. A different Issuer means the SP has another IdP (or another tenant) configured, or a subtly different spelling: a trailing slash, http instead of https, a different tenant ID. The login then fails although the response looks fine.',
  fix: {
    general: 'Copy the IdP\'s entity ID exactly as the IdP sends it (see the value in the message) into the SP\'s "IdP issuer" / "IdP entity ID" setting, or import the IdP metadata into the SP.',
    'entra-id': 'Entra ID issues https://sts.windows.net/<tenant-id>/ (with the trailing slash). It is shown as "Microsoft Entra Identifier" under Enterprise applications > your app > Single sign-on > Set up <app>.',
    adfs: 'AD FS issues its federation service identifier, http://<federation service name>/adfs/services/trust by default (http, not https). Check with `Get-AdfsProperties | Select-Object Identifier`.',
    okta: 'Applications > your app > Sign On > View SAML setup instructions shows the issuer to configure on the SP.',
    google: 'Apps > Web and mobile apps > your app: the Entity ID under "Google Identity Provider details" (or in the downloaded IdP metadata) is the issuer.',
    onelogin: 'Applications > your app > SSO tab: "Issuer URL" is the issuer to configure on the SP.',
    keycloak: 'The realm\'s IdP metadata at <server>/realms/<realm>/protocol/saml/descriptor has the entityID the SP must be configured with.',
    jumpcloud: 'SSO > your app > SSO tab: "IdP Entity ID" is chosen per app; the SP must be configured with exactly that value.',
    simplesamlphp: 'The IdP\'s entity ID is its key in metadata/saml20-idp-hosted.php (generated when the key is `__DYNAMIC:1__`); copy it from the IdP\'s metadata.',
    sources: {
      'entra-id': [DOCS.entraSamlProtocol, DOCS.entraSetupSso],
      adfs: [DOCS.adfsProperties],
      okta: [DOCS.oktaSigningCertificates],
      google: [DOCS.googleCustomApp],
      onelogin: [DOCS.oneloginGuideWorkstars, DOCS.oneloginGuideComponentSpace],
      keycloak: [DOCS.keycloakDescriptor],
      jumpcloud: [DOCS.jumpcloudFields, DOCS.jumpcloudGuideFoxit],
      simplesamlphp: [DOCS.sspIdpHosted],
    },
  },
  spec: 'saml-profiles §4.1.4.2; saml-profiles §4.1.4.3 (SP must verify the Issuer)',
  check(ctx) {
    const view = ctx.view;
    if (!view) return [];
    const hits: Hit[] = [];
    const idp = ctx.expect.idpEntityId;
    if (idp && (view.kind === 'Response' || view.kind === 'Assertion')) {
      const a = ctx.identity;
      if (a?.issuer && !sameId(a.issuer, idp.value) && a.path !== rootPath(view)) {
        hits.push({
          message: `Assertion Issuer "${a.issuer}" is not the expected IdP entity ID "${idp.value}" (${idp.source}).${nearMiss(a.issuer, idp.value)}`,
          location: `${a.path}/Issuer`,
        });
      }
      const own = view.issuer;
      if (own && !sameId(own, idp.value)) {
        const flex = ctx.profile.requireResponseIssuer ? ` ${ctx.profile.name} compares the Response Issuer with its "Identity Provider Issuer" setting exactly.` : '';
        hits.push({
          message: `${view.kind} Issuer "${own}" is not the expected IdP entity ID "${idp.value}" (${idp.source})${envelopeNote(ctx)}.${nearMiss(own, idp.value)}${flex}`,
          location: `${rootPath(view)}/Issuer`,
        });
      }
    }
    const sp = ctx.expect.spEntityId;
    if (sp && view.kind === 'AuthnRequest' && view.issuer && !sameId(view.issuer, sp.value)) {
      hits.push({
        message: `AuthnRequest Issuer "${view.issuer}" is not the expected SP entity ID "${sp.value}" (${sp.source}); the IdP will look up a different application, or none.${nearMiss(view.issuer, sp.value)}`,
        location: `${rootPath(view)}/Issuer`,
        severity: 'warning',
      });
    }
    return hits;
  },
};
