import type { Severity } from '../model';
import type { ProfileDocument } from './document';

/** An attribute a service provider reads, with the names IdPs commonly send it under instead. */
export interface RequiredAttribute {
  /** The exact Name the SP reads. */
  name: string;
  /** Lower-case names (full URIs/URNs, or the last path segment of one) that mean the same thing. */
  aliases: string[];
  /** Why the SP needs it, in a few words, for the finding message. */
  purpose: string;
  nameFormat?: string;
  friendlyName?: string;
  /** Who requires it, when not the profile itself (e.g. "the SP metadata"), for the finding message. */
  requiredBy?: string;
  /** The SP reads this exact name (overrides the profile's bareAttributeNames for this attribute). */
  bare?: boolean;
  /** Documentation URL. */
  source?: string;
}

/**
 * What one service provider expects of a SAML response, resolved from a ProfileDocument (FIELD-NOTES.md).
 * The rules read these fields; nothing in a rule is specific to one SP.
 */
export interface Profile {
  id: string;
  name: string;
  summary: string;
  /** Documentation the requirements come from. */
  sources: string[];
  /** NameID format the SP requires (absent: any). */
  nameIdFormat?: string;
  /** NameID formats the SP refuses. */
  refusedNameIdFormats: string[];
  /** The NameID value must be the user's e-mail address. */
  nameIdEmail: boolean;
  requiredAttributes: RequiredAttribute[];
  /** The SP reads attribute names literally: a URI/URN claim name is not the bare name it wants. */
  bareAttributeNames: boolean;
  /** Which parts the SP requires to be signed. */
  sign: { response: boolean; assertion: boolean };
  /** SHA-1 is refused, not merely discouraged. */
  requireSha256: boolean;
  /** The SP compares the Response's own Issuer with its configured IdP issuer. */
  requireResponseIssuer: boolean;
  /** Just-in-time user provisioning only happens on IdP-initiated logins. */
  jitOnlyIdpInitiated: boolean;
  /** false: the SP cannot decrypt an EncryptedAssertion (absent: not known). */
  acceptsEncryptedAssertions?: boolean;
  spEntityId?: string;
  acsUrl?: string;
  /**
   * The SP reads only the first Attribute element of a name: values in further Attribute elements with the same
   * Name are lost (absent: not known; attribute-duplicate is then a warning, not an error).
   */
  readsFirstAttributeOnly?: boolean;
  /** ACS URL and SP entity ID derived from a Twilio Account SID (`{AccountSid}` placeholder). */
  accountSid?: { acsUrl: string; spEntityId: string };
  /** Per-slug severities that differ from the rule's default. */
  severities: Partial<Record<string, Severity>>;
  /** The document this profile was resolved from, `extends` chain inline (what Settings exports and edits). */
  document?: ProfileDocument;
}
