/** Size caps applied while decoding one parameter value. */
export interface DecodeLimits {
  /** Longest encoded value (characters) we start decoding at all. */
  maxEncodedChars: number;
  /** Inflating stops as soon as the output passes this many bytes (DEFLATE bombs). */
  maxInflatedBytes: number;
}

// Real SAML messages are a few KB to a few hundred KB; these leave a wide margin while keeping one
// message's worst case (about 15 MB decoded plus 10 MB inflated) bearable in a browser extension.
export const DEFAULT_DECODE_LIMITS: DecodeLimits = Object.freeze({
  maxEncodedChars: 20_000_000,
  maxInflatedBytes: 10 * 1024 * 1024,
});
