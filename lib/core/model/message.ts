import type { Problem } from './finding';

export type Binding = 'HTTP-Redirect' | 'HTTP-POST' | 'HTTP-Artifact' | 'SOAP' | 'WS-Fed' | 'Pasted';

/** One transformation applied to get from the captured bytes to XML, shown to the user. */
export interface DecodeStep {
  /** e.g. 'form field SAMLResponse', 'url-decode', 'base64', 'base64 (lenient)', 'inflate', 'utf-8', 'soap-unwrap' */
  name: string;
  /** What was special about it, e.g. 'whitespace removed', '1.2 KB -> 4.8 KB'. */
  note?: string;
}

/** HTTP-Artifact `SAMLart`, parsed (saml-bindings §3.6.4). */
export interface ArtifactInfo {
  raw: string;
  typeCode: number;
  endpointIndex: number;
  /** 20 bytes, hex: SHA-1 of the issuer's entity ID. */
  sourceId: string;
  /** 20 bytes, hex. */
  messageHandle: string;
  /** Entity ID seen in the trace whose SHA-1 equals sourceId. */
  matchedEntityId?: string;
}

/** The signature parameters of an HTTP-Redirect message (saml-bindings §3.4.4.1). */
export interface RedirectSignature {
  sigAlg?: string;
  /** base64 signature value as sent (URL-decoded). */
  signature?: string;
  /** The exact raw octets `SAMLRequest=...&RelayState=...&SigAlg=...` as they appeared in the URL. */
  signedOctets: string;
  /** Why the signature cannot count whatever key it verifies with (a parameter repeated or re-cased). */
  refused?: string;
  /**
   * The HTTP-POST-SimpleSign binding's signature (SigAlg and Signature form fields over
   * `SAMLResponse=<the XML>&RelayState=...&SigAlg=...`), checked like a query signature.
   */
  simpleSign?: boolean;
}

/** A SAML (or WS-Fed / artifact) message found in a trace entry, decoded as far as possible. */
export interface ExtractedMessage {
  entryId: string;
  binding: Binding;
  /** Where it was carried: 'SAMLRequest', 'SAMLResponse', 'SAMLart', 'wresult', 'body', 'pasted'. */
  parameter: string;
  relayState?: string;
  redirectSignature?: RedirectSignature;
  artifact?: ArtifactInfo;
  /** The decoded XML text, exactly as decoded (the byte-exact view; what was signed). */
  xml?: string;
  steps: DecodeStep[];
  /** decode-failed and similar, raised while decoding. */
  problems: Problem[];
}
