export interface XmlLimits {
  /** Longest XML text accepted, in UTF-16 code units (characters). */
  maxChars: number;
  /** Deepest element nesting accepted (the root is depth 1). */
  maxDepth: number;
  /** Most messages or tokens one document may carry side by side (each becomes a message report). Default 32. */
  maxMessages?: number;
}

/**
 * A real Response with thousands of attribute values is about 1 MB, and an IdP metadata aggregate can be a
 * few MB; 10 M characters leaves room for both while keeping a hostile paste from freezing the panel.
 * The deepest legitimate message is about 15 levels (SOAP Envelope/Body/ArtifactResponse/Response/
 * EncryptedAssertion/EncryptedData/KeyInfo/EncryptedKey/KeyInfo/X509Data/X509Certificate); 64 is generous
 * and still stops stack-hungry nesting attacks. A WS-Trust collection legitimately returns a few tokens and a
 * SOAP Body one message; 32 side by side is already no real exchange, and each one is judged on its own.
 */
export const MAX_MESSAGES = 32;
export const DEFAULT_XML_LIMITS: XmlLimits = { maxChars: 10_000_000, maxDepth: 64, maxMessages: MAX_MESSAGES };
