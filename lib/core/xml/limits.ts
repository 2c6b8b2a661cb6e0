export interface XmlLimits {
  /** Longest XML text accepted, in UTF-16 code units (characters). */
  maxChars: number;
  /** Deepest element nesting accepted (the root is depth 1). */
  maxDepth: number;
  /** Most messages or tokens one document may carry side by side (each becomes a message report). Default 32. */
  maxMessages?: number;
}

/**
 * Limits for one SAML message. A real Response with thousands of attribute values is about 1 MB; 2 MiB
 * (2,097,152 characters) leaves room for that and keeps a message's worst case (parse, signature checks,
 * rules, export) well under a second: a few kilobytes of DEFLATE in a URL can inflate to megabytes, and a
 * hostile paste must not freeze the panel. Above it the message is refused with xml-refused, never judged
 * silently. The deepest legitimate message is about 15 levels (SOAP Envelope/Body/ArtifactResponse/Response/
 * EncryptedAssertion/EncryptedData/KeyInfo/EncryptedKey/KeyInfo/X509Data/X509Certificate); 64 is generous
 * and still stops stack-hungry nesting attacks. A WS-Trust collection legitimately returns a few tokens and a
 * SOAP Body one message; 32 side by side is already no real exchange, and each one is judged on its own.
 */
export const MAX_MESSAGES = 32;
export const DEFAULT_XML_LIMITS: XmlLimits = { maxChars: 2 * 1024 * 1024, maxDepth: 64, maxMessages: MAX_MESSAGES };

/** Metadata is read once, not per message, and a federation's aggregate can be a few MB. */
export const METADATA_XML_LIMITS: XmlLimits = { maxChars: 10_000_000, maxDepth: 64 };
