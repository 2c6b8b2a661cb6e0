/**
 * The typed, namespace-aware view of one SAML document. Built from ONE parse (lib/core/xml) of the decoded bytes;
 * identity fields are read only from here (VALIDATION.md, parser facts). Every `path` is an element path
 * such as `/Response/Assertion[1]/Subject/NameID` (local names, 1-based index when siblings repeat).
 */
export type MessageKind =
  | 'AuthnRequest'
  | 'Response'
  | 'LogoutRequest'
  | 'LogoutResponse'
  | 'ArtifactResolve'
  | 'ArtifactResponse'
  | 'Assertion'
  | 'EntityDescriptor'
  | 'Artifact'
  | 'Unknown';

/** What splits a text value: a comment, a CDATA section, or several text pieces (a processing instruction between them). */
export type TextSplitKind = 'comment' | 'cdata' | 'several-text-nodes';

/**
 * An identity-bearing text other than the NameID (whose split NameIdView.splitBy records) that comes in
 * pieces: a reader that takes the first text node sees another value than the whole text (comment injection).
 */
export interface TextSplit {
  /** Local name of the element: Issuer, Audience, AttributeValue, AuthnContextClassRef, SessionIndex, Artifact. */
  element: string;
  /** The Name of the Attribute, for an AttributeValue. */
  attribute?: string;
  path: string;
  /** The whole text as SAML reads it (text and CDATA, comments left out), trimmed. */
  value: string;
  /** The first text piece alone, trimmed: what a reader taking only the first text node sees. */
  firstPart: string;
  splitBy: TextSplitKind;
}

export interface NameIdView {
  /** Concatenated text and CDATA content, comments ignored. */
  value: string;
  format?: string;
  nameQualifier?: string;
  spNameQualifier?: string;
  path: string;
  /** Set when comments, CDATA sections or several text nodes split the value (comment injection). */
  splitBy?: TextSplitKind;
}

export interface AttributeView {
  name: string;
  nameFormat?: string;
  friendlyName?: string;
  values: string[];
  path: string;
}

export interface SubjectConfirmationView {
  method?: string;
  recipient?: string;
  notBefore?: string;
  notOnOrAfter?: string;
  inResponseTo?: string;
  address?: string;
  path: string;
}

export interface ConditionsView {
  notBefore?: string;
  notOnOrAfter?: string;
  /** Every Audience value, trimmed, in document order (empty strings kept: `<Audience/>` is an attack). */
  audiences: string[];
  /**
   * The same, one list per AudienceRestriction: each is a condition of its own that must hold (saml-core
   * §2.5.1.4), so the SP must be named in every one of them, not in one.
   */
  audienceRestrictions: string[][];
  oneTimeUse: boolean;
  path: string;
}

export interface AuthnStatementView {
  authnInstant?: string;
  sessionIndex?: string;
  sessionNotOnOrAfter?: string;
  authnContextClassRef?: string;
  path: string;
}

export interface AssertionView {
  id?: string;
  version?: string;
  issueInstant?: string;
  issuer?: string;
  path: string;
  /** True when it is the direct child of the root Response (or is the root); false when nested elsewhere (Advice, Extensions, ...). */
  expectedPlace: boolean;
  nameId?: NameIdView;
  /** An EncryptedID in the Subject instead of a NameID. */
  encryptedNameId: boolean;
  confirmations: SubjectConfirmationView[];
  conditions?: ConditionsView;
  authn?: AuthnStatementView;
  attributes: AttributeView[];
  /** Issuer, Audience, AttributeValue or AuthnContextClassRef texts split into pieces; absent when there are none. */
  textSplits?: TextSplit[];
}

export interface EncryptedAssertionView {
  path: string;
  dataAlgorithm?: string;
  keyAlgorithm?: string;
}

export interface StatusView {
  /** Top-level StatusCode Value. */
  code?: string;
  /** Nested StatusCode Values, outermost first. */
  subCodes: string[];
  message?: string;
  path: string;
}

/** What a ds:Signature element says about itself, before any cryptography. */
export interface SignatureInfo {
  path: string;
  /** Path and local name of the element the Signature is a child of. */
  parentPath: string;
  parentKind: string;
  parentId?: string;
  /** Every Reference URI, in order (more than one is a wrapping sign). */
  referenceUris: string[];
  signatureAlgorithm?: string;
  digestAlgorithm?: string;
  canonicalizationAlgorithm?: string;
  transforms: string[];
  /** base64 DER of every ds:X509Certificate in KeyInfo (attacker-controlled: report only). */
  keyInfoCertificates: string[];
}

export interface AuthnRequestView {
  assertionConsumerServiceUrl?: string;
  assertionConsumerServiceIndex?: string;
  protocolBinding?: string;
  nameIdPolicyFormat?: string;
  allowCreate?: boolean;
  forceAuthn?: boolean;
  isPassive?: boolean;
  requestedAuthnContext: string[];
}

export interface LogoutRequestView {
  nameId?: NameIdView;
  sessionIndexes: string[];
  reason?: string;
  notOnOrAfter?: string;
}

export interface Endpoint {
  binding: string;
  location: string;
  index?: number;
  isDefault?: boolean;
}

/** An IdP or SP EntityDescriptor (saml-metadata). */
export interface MetadataView {
  entityId: string;
  role: 'idp' | 'sp' | 'both' | 'unknown';
  ssoServices: Endpoint[];
  sloServices: Endpoint[];
  acsServices: Endpoint[];
  artifactResolutionServices: Endpoint[];
  /** base64 DER. */
  signingCertificates: string[];
  /**
   * Signing keys given as a bare ds:KeyValue/RSAKeyValue (no certificate in that KeyDescriptor): base64
   * Modulus and Exponent as written.
   */
  signingKeyValues?: Array<{ modulus: string; exponent: string }>;
  encryptionCertificates: string[];
  nameIdFormats: string[];
  wantAuthnRequestsSigned?: boolean;
  wantAssertionsSigned?: boolean;
  authnRequestsSigned?: boolean;
  /** SPSSODescriptor/AttributeConsumingService/RequestedAttribute, from the default (or first) service. */
  requestedAttributes: RequestedAttributeView[];
}

/** An attribute an SP's metadata asks for (saml-metadata §2.4.4.2). */
export interface RequestedAttributeView {
  name: string;
  nameFormat?: string;
  friendlyName?: string;
  /** isRequired="true": the SP cannot work without it. */
  isRequired: boolean;
}

/** A container that may hold one message or token but holds several. */
export interface OverfullView {
  /** How a reader names it: 'SOAP Body', 'ArtifactResponse', 'RequestSecurityTokenResponse'. */
  container: string;
  path: string;
  /** Paths of the elements it holds in place of one, in document order. */
  holds: string[];
}

export interface SiblingsView {
  /**
   * Path of every message or token the document carries, this one included, in document order. Each is judged
   * as a message of its own, with only what lies inside it (a sibling's signature never counts for this one).
   */
  messages: string[];
  /** Containers around (or of) this message that hold more than the one message or token they may. */
  overfull: OverfullView[];
}

export interface SamlView {
  kind: MessageKind;
  /** Root element's namespace URI and local name as parsed. */
  rootNamespace: string;
  rootName: string;
  /** Set when the SAML element is carried inside another document (SOAP Body, WS-Trust token response). */
  wrapper?: 'SOAP 1.1' | 'SOAP 1.2' | 'WS-Trust';
  /** Path of the SAML element judged when it is not the document root, e.g. `/Envelope/Body/ArtifactResponse`. */
  messagePath?: string;
  /**
   * Set when the document carries more than one message or token (a SOAP Body or a WS-Trust collection), or
   * when a container around or of this message holds more than the one it may (issue 17: forged siblings).
   */
  siblings?: SiblingsView;
  /** SAML version: '2.0', or '1.1' for a SAML 1.x assertion in a WS-Fed token. */
  samlVersion?: string;
  id?: string;
  version?: string;
  issueInstant?: string;
  destination?: string;
  inResponseTo?: string;
  /** The root's own Issuer (for a Response: the envelope Issuer). */
  issuer?: string;
  status?: StatusView;
  /** Every Assertion element in the document, wherever it is (see expectedPlace), except inside a sibling message. */
  assertions: AssertionView[];
  encryptedAssertions: EncryptedAssertionView[];
  /** Every ds:Signature element in the document, except inside a sibling message. */
  signatures: SignatureInfo[];
  request?: AuthnRequestView;
  logout?: LogoutRequestView;
  /** ArtifactResolve's Artifact. */
  artifact?: string;
  /** The message's own Issuer, SessionIndex or Artifact text split into pieces; absent when there are none. */
  textSplits?: TextSplit[];
  metadata?: MetadataView;
}
