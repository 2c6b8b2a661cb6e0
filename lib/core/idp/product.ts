// The identity-provider products SAML Lens can recognise. The ids are a contract: `--json` prints them as
// `idp.product` on every flow and message, and rule fixes are keyed by them.

export const IDP_PRODUCTS = [
  'entra-id',
  'adfs',
  'okta',
  'google',
  'onelogin',
  'ping',
  'keycloak',
  'shibboleth',
  'auth0',
  'jumpcloud',
  'simplesamlphp',
] as const;

export type KnownIdpProduct = (typeof IDP_PRODUCTS)[number];
export type IdpProduct = KnownIdpProduct | 'unknown';

/** The names people see in consoles and documentation. */
export const IDP_NAMES: Record<KnownIdpProduct, string> = {
  'entra-id': 'Microsoft Entra ID',
  adfs: 'AD FS',
  okta: 'Okta',
  google: 'Google Workspace',
  onelogin: 'OneLogin',
  ping: 'PingFederate / PingOne',
  keycloak: 'Keycloak',
  shibboleth: 'Shibboleth IdP',
  auth0: 'Auth0',
  jumpcloud: 'JumpCloud',
  simplesamlphp: 'SimpleSAMLphp',
};

/** Which IdP product a message or flow came from, and what that was recognised from. */
export interface IdpRecognition {
  product: IdpProduct;
  /** Plain-words evidence, e.g. `Issuer https://sts.windows.net/…/`; empty when unknown. */
  evidence: string[];
}

/** How a flow ended, as far as the capture shows. `--json` prints it as `flows[].outcome`. */
export type FlowOutcome = 'signed-in' | 'refused-by-idp' | 'refused-by-sp' | 'abandoned' | 'unknown';
