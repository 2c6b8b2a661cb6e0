/** What the user tells SAML Lens to expect. Every field optional: absent means "not checked against". */
export interface Expectations {
  /** Built-in profile id (lib/core/profiles): 'generic', 'twilio-flex', 'slack', ... */
  profile?: string;
  /**
   * A profile document (profile.schema.json), as parsed JSON: used instead of `profile` when present. Untrusted:
   * a document that does not validate is reported and judging falls back to the generic profile.
   */
  profileDocument?: unknown;
  idpEntityId?: string;
  spEntityId?: string;
  acsUrl?: string;
  /** Twilio Account SID (AC + 32 hex), from which twilio-flex derives ACS URL and SP entity ID. */
  accountSid?: string;
  /** Trusted IdP signing certificates: PEM, base64 DER or bare base64 as IdP consoles export them. */
  trustedCertificates?: string[];
  /** IdP / SP metadata XML: fills idpEntityId, trustedCertificates, spEntityId, acsUrl when not set. */
  idpMetadataXml?: string;
  spMetadataXml?: string;
  /** Allowed clock difference for time conditions. Default 180. */
  clockSkewSeconds?: number;
  /** Time reference for validity windows: each entry's capture time (default), the current time, or an ISO instant. */
  at?: 'capture' | 'now' | string;
  /** SP private key (PEM) to decrypt EncryptedAssertion; kept in memory only. */
  spPrivateKeyPem?: string;
}

export interface AnalyzeOptions extends Expectations {
  /** Injected clock for `at: 'now'` and for entries without a capture time. */
  now?: () => Date;
}
