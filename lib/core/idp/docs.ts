// The public pages the per-IdP fixes are taken from. Each rule's `fix.sources` names, per product, the pages
// its text rests on; a product without a page here has no per-product text. Where the vendor's own page could
// not be found, a service provider's published set-up guide for that IdP is cited instead (marked below).

export const DOCS = {
  entraSigning: 'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/certificate-signing-options',
  entraSetupSso: 'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/add-application-portal-setup-sso',
  entraClaims: 'https://learn.microsoft.com/en-us/entra/identity-platform/saml-claims-customization',
  entraEncryption: 'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/howto-saml-token-encryption',
  entraCertificates: 'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/tutorial-manage-certificates-for-federated-single-sign-on',
  entraAssign: 'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/assign-user-or-group-access-portal',
  entraSignIns: 'https://learn.microsoft.com/en-us/entra/identity/monitoring-health/concept-sign-ins',
  entraSamlProtocol: 'https://learn.microsoft.com/en-us/entra/identity-platform/single-sign-on-saml-protocol',
  entraMyApps: 'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/end-user-experiences',

  adfsRpTrustCmdlet: 'https://learn.microsoft.com/en-us/powershell/module/adfs/set-adfsrelyingpartytrust',
  adfsRpTrust: 'https://learn.microsoft.com/en-us/windows-server/identity/ad-fs/operations/create-a-relying-party-trust',
  adfsTransformRule: 'https://learn.microsoft.com/en-us/windows-server/identity/ad-fs/operations/create-a-rule-to-transform-an-incoming-claim',
  adfsLdapRule: 'https://learn.microsoft.com/en-us/windows-server/identity/ad-fs/operations/create-a-rule-to-send-ldap-attributes-as-claims',
  adfsCertificates: 'https://learn.microsoft.com/en-us/windows-server/identity/ad-fs/operations/configure-ts-td-certs-ad-fs',
  adfsUpdateCertificate: 'https://learn.microsoft.com/en-us/powershell/module/adfs/update-adfscertificate',
  adfsGetCertificate: 'https://learn.microsoft.com/en-us/powershell/module/adfs/get-adfscertificate',
  adfsProperties: 'https://learn.microsoft.com/en-us/powershell/module/adfs/get-adfsproperties',
  adfsIdpInitiated: 'https://learn.microsoft.com/en-us/windows-server/identity/ad-fs/troubleshooting/ad-fs-tshoot-initiatedsignon',
  adfsLogging: 'https://learn.microsoft.com/en-us/windows-server/identity/ad-fs/troubleshooting/ad-fs-tshoot-logging',
  adfsAccessControl: 'https://learn.microsoft.com/en-us/windows-server/identity/ad-fs/operations/access-control-policies-in-ad-fs',
  adfsAuthPolicies: 'https://learn.microsoft.com/en-us/windows-server/identity/ad-fs/operations/configure-authentication-policies',
  adfsEndpoints: 'https://learn.microsoft.com/en-us/windows-server/identity/ad-fs/troubleshooting/ad-fs-tshoot-endpoints',
  windowsTime: 'https://learn.microsoft.com/en-us/windows-server/networking/windows-time-service/windows-time-service-tools-and-settings',

  oktaSamlReference: 'https://help.okta.com/en-us/content/topics/apps/aiw-saml-reference.htm',
  oktaSigningCertificates: 'https://help.okta.com/oie/en-us/content/topics/apps/manage-signing-certificates.htm',
  oktaRotate: 'https://support.okta.com/help/s/article/how-to-rotate-signing-certificate-for-custom-saml-applications',
  oktaAssign: 'https://help.okta.com/en-us/content/topics/provisioning/lcm/lcm-assign-app-user.htm',
  oktaSystemLog: 'https://help.okta.com/en-us/content/topics/reports/reports_syslog.htm',

  googleCustomApp: 'https://support.google.com/a/answer/6087519',
  googleErrors: 'https://support.google.com/a/answer/6301076',
  googleCertificates: 'https://support.google.com/a/answer/7394709',

  keycloakSamlClient: 'https://www.keycloak.org/docs/latest/server_admin/#_client-saml-configuration',
  keycloakMappers: 'https://www.keycloak.org/docs/latest/server_admin/#_protocol-mappers',
  // The mapper's "SAML Attribute Name" and "SAML Attribute NameFormat" fields, as the Terraform/Pulumi provider documents them.
  keycloakAttributeMapper: 'https://www.pulumi.com/registry/packages/keycloak/api-docs/saml/userattributeprotocolmapper/',
  keycloakKeys: 'https://www.keycloak.org/docs/latest/server_admin/#realm_keys',
  keycloakDescriptor:
    'https://github.com/keycloak/keycloak/blob/main/docs/documentation/server_admin/topics/clients/saml/proc-using-an-entity-descriptor.adoc',

  shibSso: 'https://wiki.shibboleth.net/confluence/display/IDP4/SAML2SSOConfiguration',
  shibNameId: 'https://wiki.shibboleth.net/confluence/display/IDP4/NameIDGenerationConfiguration',
  shibCustomNameId: 'https://wiki.shibboleth.net/confluence/display/IDP4/CustomNameIDGenerationConfiguration',

  auth0Assertions: 'https://auth0.com/docs/authenticate/protocols/saml/saml-configuration/customize-saml-assertions',

  jumpcloudFields: 'https://jumpcloud.com/support/sso-application-connector-fields',
  jumpcloudAttributes: 'https://jumpcloud.com/support/saml-attribute-notes',
  // Service providers' set-up guides for JumpCloud (signing and NameID format fields).
  jumpcloudGuideFoxit: 'https://kb.foxit.com/hc/en-us/articles/16583786752276-JumpCloud-SSO-SAML-Configuration',
  jumpcloudGuideFirmex: 'https://support.firmex.com/hc/en-us/articles/9130980569499-Setting-up-Jumpcloud-for-Firmex-SSO',

  // Service providers' set-up guides for OneLogin's "SAML Custom Connector (Advanced)".
  oneloginGuideWorkstars: 'https://support.workstars.com/hc/en-gb/articles/8166534041873',
  oneloginGuideComponentSpace:
    'https://www.componentspace.com/documentation/saml-for-asp-net-core/integrations/ComponentSpace%20OneLogin%20Integration%20Guide.html',
  oneloginGuideAampe: 'https://kb.aampe.com/developer-guide/sso/sso_onelogin',

  pingSigning:
    'https://docs.pingidentity.com/pingfederate/latest/administrators_reference_guide/pf_configuring_digital_signatures_service_provider_connections.html',
  pingAttributeContract:
    'https://docs.pingidentity.com/pingfederate/latest/administrators_reference_guide/help_assertioncreationtasklet_createattributecontractstate.html',

  sspSpRemote: 'https://simplesamlphp.org/docs/stable/simplesamlphp-reference-sp-remote.html',
  sspIdpHosted: 'https://simplesamlphp.org/docs/stable/simplesamlphp-reference-idp-hosted.html',
  sspIdpMore: 'https://simplesamlphp.org/docs/stable/simplesamlphp-idp-more.html',
  sspNameId: 'https://github.com/simplesamlphp/simplesamlphp/blob/master/modules/saml/docs/nameid.md',
  sspAttributeMap: 'https://github.com/simplesamlphp/simplesamlphp/blob/master/modules/core/docs/authproc_attributemap.md',
} as const;
