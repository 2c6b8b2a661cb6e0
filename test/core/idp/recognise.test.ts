// IdP products recognised from what the IdP names itself (Issuer, metadata entityID), where requests go (SSO
// and SLO URLs) and the hosts of its pages; every answer says what it was recognised from.
import { describe, expect, it } from 'vitest';
import { IDP_PRODUCTS, type KnownIdpProduct } from '../../../lib/core/idp/product';
import { clueFromEndpoint, clueFromEntityId, clueFromHost, decide } from '../../../lib/core/idp/recognise';

const ENTITY_IDS: Array<[KnownIdpProduct, string]> = [
  ['entra-id', 'https://sts.windows.net/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/'],
  ['adfs', 'http://adfs.contoso.example/adfs/services/trust'],
  ['okta', 'http://www.okta.com/exk8f2a1b3c4d5E6f7g8'],
  ['google', 'https://accounts.google.com/o/saml2?idpid=C01x2y3z4'],
  ['onelogin', 'https://app.onelogin.com/saml/metadata/4f2a9c1e-7b3d-4e5f-8a6b-9c0d1e2f3a4b'],
  ['ping', 'https://auth.pingone.eu/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d'],
  ['keycloak', 'https://kc.example.test/realms/demo'],
  ['keycloak', 'https://kc.example.test/auth/realms/master'],
  ['shibboleth', 'https://idp.university.example/idp/shibboleth'],
  ['auth0', 'urn:example-tenant.eu.auth0.com'],
  ['simplesamlphp', 'https://ssp.example.test/simplesaml/saml2/idp/metadata.php'],
  ['simplesamlphp', 'https://ssp.example.test/simplesaml/module.php/saml/idp/metadata'],
];

const ENDPOINTS: Array<[KnownIdpProduct, string]> = [
  ['entra-id', 'https://login.microsoftonline.com/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/saml2'],
  ['adfs', 'https://adfs.contoso.example/adfs/ls/'],
  ['okta', 'https://example-org.okta.com/app/example-org_app_1/exk8f2a1b3c4d5E6f7g8/sso/saml'],
  ['google', 'https://accounts.google.com/o/saml2/idp?idpid=C01x2y3z4'],
  ['onelogin', 'https://example.onelogin.com/trust/saml2/http-post/sso/4f2a9c1e'],
  ['ping', 'https://sso.example.test/idp/SSO.saml2'],
  ['ping', 'https://sso.example.test/idp/startSSO.ping?PartnerSpId=https%3A%2F%2Fsp.example.test'],
  ['ping', 'https://auth.pingone.com/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d/saml20/idp/sso'],
  ['keycloak', 'https://kc.example.test/realms/demo/protocol/saml'],
  ['shibboleth', 'https://idp.university.example/idp/profile/SAML2/Redirect/SSO'],
  ['auth0', 'https://example-tenant.eu.auth0.com/samlp/Xq7Lm2Np9Rs4Tv6W'],
  ['jumpcloud', 'https://sso.jumpcloud.com/saml2/my-app'],
  ['simplesamlphp', 'https://ssp.example.test/simplesaml/saml2/idp/SSOService.php'],
  ['simplesamlphp', 'https://ssp.example.test/simplesaml/module.php/saml/idp/singleSignOnService?spentityid=x'],
  ['simplesamlphp', 'https://ssp.example.test/simplesaml/module.php/saml/idp/singleLogout'],
];

describe('IdP product recognition', () => {
  it.each(ENTITY_IDS)('%s from its entity ID %s', (product, id) => {
    const clue = clueFromEntityId(id, 'Issuer');
    expect(clue?.product).toBe(product);
    expect(clue?.evidence).toBe(`Issuer ${id}`);
  });

  it.each(ENDPOINTS)('%s from its endpoint %s', (product, url) => {
    expect(clueFromEndpoint(url, 'SSO URL')?.product).toBe(product);
  });

  it('covers every product the JSON can name', () => {
    const covered = new Set([...ENTITY_IDS, ...ENDPOINTS].map(([p]) => p));
    expect([...covered].sort()).toEqual([...IDP_PRODUCTS].sort());
  });

  it('does not take SP entity IDs, look-alike hosts or paths for an IdP', () => {
    for (const id of [
      'https://sp.example.test/saml/metadata',
      'https://sp.example.test/shibboleth', // a Shibboleth SP, not the IdP
      'https://sp.example.test/simplesaml/module.php/saml/sp/metadata.php/default-sp', // a SimpleSAMLphp SP
      'https://sts.windows.net.evil.example/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/',
      'http://www.okta.com.evil.example/exk1',
      'urn:auth0:example-tenant:saml-connection', // Auth0 as SP
    ]) {
      expect(clueFromEntityId(id, 'Issuer'), id).toBeUndefined();
    }
    // PingFederate as the SP starts its sign-in at /sp/startSSO.ping: not an IdP's endpoint.
    for (const url of ['https://evil.example/login.microsoftonline.com/x/saml2', 'https://okta.com.evil.example/sso/saml', 'https://sp.example.test/saml/acs', 'https://sp.example.test/sp/startSSO.ping?PartnerIdpId=x']) {
      expect(clueFromEndpoint(url, 'SSO URL'), url).toBeUndefined();
    }
    expect(clueFromHost('https://notokta.com/', 'IdP page')).toBeUndefined();
    expect(clueFromHost('https://example-org.okta.com/login/login.htm', 'IdP page')?.product).toBe('okta');
  });

  it('weighs what the IdP names itself above where a request was sent, and lists the evidence strongest first', () => {
    const decided = decide([
      clueFromEndpoint('https://sso.example.test/idp/SSO.saml2', 'SSO URL'),
      clueFromEntityId('https://kc.example.test/realms/demo', 'Issuer'),
      undefined,
    ]);
    expect(decided).toEqual({ product: 'keycloak', evidence: ['Issuer https://kc.example.test/realms/demo'] });
    expect(decide([])).toEqual({ product: 'unknown', evidence: [] });
  });

  it('shortens long URLs in evidence (a Redirect URL carries kilobytes of SAMLRequest)', () => {
    const url = `https://login.microsoftonline.com/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/saml2?SAMLRequest=${'A'.repeat(3000)}`;
    const clue = clueFromEndpoint(url, 'SSO URL')!;
    expect(clue.evidence).toBe('SSO URL https://login.microsoftonline.com/6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b/saml2?…');
  });
});
