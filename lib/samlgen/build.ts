import { attrs, esc, shift, NS } from './xml';

export const STATUS = {
  success: 'urn:oasis:names:tc:SAML:2.0:status:Success',
  requester: 'urn:oasis:names:tc:SAML:2.0:status:Requester',
  responder: 'urn:oasis:names:tc:SAML:2.0:status:Responder',
} as const;

export const NAMEID = {
  email: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
  transient: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
  persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
} as const;

export const DEFAULT_INSTANT = '2026-01-15T10:00:00Z';

export interface AttributeSpec {
  name: string;
  nameFormat?: string;
  friendlyName?: string;
  values: string[];
}

export interface StatusSpec {
  code: string;
  subCode?: string;
  message?: string;
}

export interface ResponseSpec {
  id?: string;
  assertionId?: string;
  /** IssueInstant of Response and Assertion; other times default to minutes around it. */
  issueInstant?: string;
  inResponseTo?: string;
  destination?: string;
  issuer?: string;
  /** Defaults to `issuer`. */
  assertionIssuer?: string;
  /** Omit the Response's own Issuer (it is optional in saml-core). */
  omitResponseIssuer?: boolean;
  status?: StatusSpec;
  /** null: no NameID at all. */
  nameId?: { value: string; format?: string; spNameQualifier?: string } | null;
  audiences?: string[];
  recipient?: string;
  notBefore?: string;
  notOnOrAfter?: string;
  subjectNotOnOrAfter?: string;
  sessionIndex?: string;
  authnContextClassRef?: string;
  attributes?: AttributeSpec[];
  /** Default: an assertion only when the status is Success. */
  includeAssertion?: boolean;
}

export function buildStatus(status: StatusSpec = { code: STATUS.success }): string {
  const inner = status.subCode ? `<samlp:StatusCode Value="${esc(status.subCode)}"/>` : '';
  const code = inner
    ? `<samlp:StatusCode Value="${esc(status.code)}">${inner}</samlp:StatusCode>`
    : `<samlp:StatusCode Value="${esc(status.code)}"/>`;
  const message = status.message ? `<samlp:StatusMessage>${esc(status.message)}</samlp:StatusMessage>` : '';
  return `<samlp:Status>${code}${message}</samlp:Status>`;
}

function buildAttribute(a: AttributeSpec): string {
  const values = a.values
    .map(
      (v) =>
        `<saml:AttributeValue xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xs:string">${esc(v)}</saml:AttributeValue>`,
    )
    .join('');
  return `<saml:Attribute${attrs({ Name: a.name, NameFormat: a.nameFormat, FriendlyName: a.friendlyName })}>${values}</saml:Attribute>`;
}

/** A saml:Assertion element (namespaces declared on it, so it can stand alone or inside a Response). */
export function buildAssertion(spec: ResponseSpec): string {
  const at = spec.issueInstant ?? DEFAULT_INSTANT;
  const issuer = spec.assertionIssuer ?? spec.issuer ?? 'https://idp.example.test/metadata';
  const notBefore = spec.notBefore ?? shift(at, -300);
  const notOnOrAfter = spec.notOnOrAfter ?? shift(at, 300);
  const nameId =
    spec.nameId === null
      ? ''
      : (() => {
          const n = spec.nameId ?? { value: 'alice@example.test', format: NAMEID.email };
          return `<saml:NameID${attrs({ Format: n.format, SPNameQualifier: n.spNameQualifier })}>${esc(n.value)}</saml:NameID>`;
        })();
  const confirmation = `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData${attrs({
    InResponseTo: spec.inResponseTo,
    NotOnOrAfter: spec.subjectNotOnOrAfter ?? notOnOrAfter,
    Recipient: spec.recipient ?? spec.destination,
  })}/></saml:SubjectConfirmation>`;
  const audiences = (spec.audiences ?? ['https://sp.example.test/metadata'])
    .map((a) => `<saml:Audience>${esc(a)}</saml:Audience>`)
    .join('');
  const attributes = spec.attributes?.length
    ? `<saml:AttributeStatement>${spec.attributes.map(buildAttribute).join('')}</saml:AttributeStatement>`
    : '';
  return (
    `<saml:Assertion xmlns:saml="${NS.assertion}"${attrs({ ID: spec.assertionId ?? '_a1b2c3d4e5f60718293a4b5c6d7e8f90', Version: '2.0', IssueInstant: at })}>` +
    `<saml:Issuer>${esc(issuer)}</saml:Issuer>` +
    `<saml:Subject>${nameId}${confirmation}</saml:Subject>` +
    `<saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}"><saml:AudienceRestriction>${audiences}</saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement${attrs({ AuthnInstant: at, SessionIndex: spec.sessionIndex ?? '_session-1' })}><saml:AuthnContext><saml:AuthnContextClassRef>${esc(
      spec.authnContextClassRef ?? 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
    )}</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    attributes +
    `</saml:Assertion>`
  );
}

/** An unsigned samlp:Response. Sign it with signXml. */
export function buildResponse(spec: ResponseSpec = {}): string {
  const at = spec.issueInstant ?? DEFAULT_INSTANT;
  const status = spec.status ?? { code: STATUS.success };
  const withAssertion = spec.includeAssertion ?? status.code === STATUS.success;
  const issuer = spec.issuer ?? 'https://idp.example.test/metadata';
  return (
    `<samlp:Response xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}"${attrs({
      ID: spec.id ?? '_r1b2c3d4e5f60718293a4b5c6d7e8f90',
      Version: '2.0',
      IssueInstant: at,
      Destination: spec.destination,
      InResponseTo: spec.inResponseTo,
    })}>` +
    (spec.omitResponseIssuer ? '' : `<saml:Issuer>${esc(issuer)}</saml:Issuer>`) +
    buildStatus(status) +
    (withAssertion ? buildAssertion(spec) : '') +
    `</samlp:Response>`
  );
}

export interface AuthnRequestSpec {
  id?: string;
  issueInstant?: string;
  destination?: string;
  issuer?: string;
  acsUrl?: string;
  protocolBinding?: string;
  nameIdPolicyFormat?: string;
  forceAuthn?: boolean;
  isPassive?: boolean;
  /** AuthnContextClassRef values of a RequestedAuthnContext (Comparison "exact"). */
  requestedAuthnContext?: string[];
}

export function buildAuthnRequest(spec: AuthnRequestSpec = {}): string {
  const policy = spec.nameIdPolicyFormat
    ? `<samlp:NameIDPolicy Format="${esc(spec.nameIdPolicyFormat)}" AllowCreate="true"/>`
    : '';
  return (
    `<samlp:AuthnRequest xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}"${attrs({
      ID: spec.id ?? '_req0a1b2c3d4e5f60718293a4b5c6d7e8f',
      Version: '2.0',
      IssueInstant: spec.issueInstant ?? DEFAULT_INSTANT,
      Destination: spec.destination ?? 'https://idp.example.test/sso',
      AssertionConsumerServiceURL: spec.acsUrl ?? 'https://sp.example.test/acs',
      ProtocolBinding: spec.protocolBinding ?? 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
      ForceAuthn: spec.forceAuthn,
      IsPassive: spec.isPassive,
    })}>` +
    `<saml:Issuer>${esc(spec.issuer ?? 'https://sp.example.test/metadata')}</saml:Issuer>` +
    policy +
    (spec.requestedAuthnContext?.length
      ? `<samlp:RequestedAuthnContext Comparison="exact">${spec.requestedAuthnContext.map((c) => `<saml:AuthnContextClassRef>${esc(c)}</saml:AuthnContextClassRef>`).join('')}</samlp:RequestedAuthnContext>`
      : '') +
    `</samlp:AuthnRequest>`
  );
}

export interface LogoutRequestSpec {
  id?: string;
  issueInstant?: string;
  destination?: string;
  issuer?: string;
  nameId?: { value: string; format?: string };
  sessionIndex?: string;
}

export function buildLogoutRequest(spec: LogoutRequestSpec = {}): string {
  const n = spec.nameId ?? { value: 'alice@example.test', format: NAMEID.email };
  return (
    `<samlp:LogoutRequest xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}"${attrs({
      ID: spec.id ?? '_lo1b2c3d4e5f60718293a4b5c6d7e8f90',
      Version: '2.0',
      IssueInstant: spec.issueInstant ?? DEFAULT_INSTANT,
      Destination: spec.destination ?? 'https://idp.example.test/slo',
    })}>` +
    `<saml:Issuer>${esc(spec.issuer ?? 'https://sp.example.test/metadata')}</saml:Issuer>` +
    `<saml:NameID${attrs({ Format: n.format })}>${esc(n.value)}</saml:NameID>` +
    `<samlp:SessionIndex>${esc(spec.sessionIndex ?? '_session-1')}</samlp:SessionIndex>` +
    `</samlp:LogoutRequest>`
  );
}

export interface LogoutResponseSpec {
  id?: string;
  issueInstant?: string;
  inResponseTo?: string;
  destination?: string;
  issuer?: string;
  status?: StatusSpec;
}

export function buildLogoutResponse(spec: LogoutResponseSpec = {}): string {
  return (
    `<samlp:LogoutResponse xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}"${attrs({
      ID: spec.id ?? '_lr1b2c3d4e5f60718293a4b5c6d7e8f90',
      Version: '2.0',
      IssueInstant: spec.issueInstant ?? DEFAULT_INSTANT,
      Destination: spec.destination ?? 'https://sp.example.test/slo',
      InResponseTo: spec.inResponseTo ?? '_lo1b2c3d4e5f60718293a4b5c6d7e8f90',
    })}>` +
    `<saml:Issuer>${esc(spec.issuer ?? 'https://idp.example.test/metadata')}</saml:Issuer>` +
    buildStatus(spec.status) +
    `</samlp:LogoutResponse>`
  );
}
