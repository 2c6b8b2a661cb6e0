export interface XmlLimits {
  /** Longest XML text accepted, in UTF-16 code units (characters). */
  maxChars: number;
  /** Deepest element nesting accepted (the root is depth 1). */
  maxDepth: number;
}

/**
 * A real Response with thousands of attribute values is about 1 MB, and an IdP metadata aggregate can be a
 * few MB; 10 M characters leaves room for both while keeping a hostile paste from freezing the panel.
 * The deepest legitimate message is about 15 levels (SOAP Envelope/Body/ArtifactResponse/Response/
 * EncryptedAssertion/EncryptedData/KeyInfo/EncryptedKey/KeyInfo/X509Data/X509Certificate); 64 is generous
 * and still stops stack-hungry nesting attacks.
 */
export const DEFAULT_XML_LIMITS: XmlLimits = { maxChars: 10_000_000, maxDepth: 64 };
