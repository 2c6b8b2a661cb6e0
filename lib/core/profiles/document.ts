import type { Severity } from '../model';

/**
 * A profile as a person writes it: the JSON a `--profile-file` holds, Settings imports and exports, and a
 * trace stores. The built-in profiles are written in this form too. Published as profile.schema.json.
 */
export interface ProfileDocument {
  /** Where an editor finds the schema; ignored. */
  $schema?: string;
  /** Short lower-case id (`acme-hr`); a file's profile without one is `custom`. */
  id?: string;
  name: string;
  summary?: string;
  /**
   * What this profile adds to: a built-in profile's id, another profile document (the CLI puts a file named
   * here inline), or absent for nothing but the SAML specifications.
   */
  extends?: string | ProfileDocument;
  /** Documentation the requirements come from (URLs). */
  sources?: string[];
  /** Added to the base profile's; an entry with the same name replaces the base's. */
  requiredAttributes?: Array<string | RequiredAttributeDocument>;
  /** The SP reads attribute names literally: a URI-named claim is not the bare name it wants. */
  bareAttributeNames?: boolean;
  /** The NameID format the SP requires. */
  nameIdFormat?: string;
  /** NameID formats the SP refuses even though it names no single required format. */
  refusedNameIdFormats?: string[];
  /** The NameID value must be the user's e-mail address. */
  nameIdEmail?: boolean;
  sign?: { response?: boolean; assertion?: boolean };
  /** SHA-1 is refused, not merely discouraged (weak-algorithm becomes an error). */
  requireSha256?: boolean;
  requireResponseIssuer?: boolean;
  jitOnlyIdpInitiated?: boolean;
  /** false: the SP cannot decrypt an EncryptedAssertion. */
  acceptsEncryptedAssertions?: boolean;
  /** The SP reads only the first Attribute element of a name (attribute-duplicate becomes an error). */
  readsFirstAttributeOnly?: boolean;
  /** Expected Audience, and Destination/Recipient, when not configured otherwise. */
  spEntityId?: string;
  acsUrl?: string;
  /** Twilio: ACS URL and SP entity ID derived from an Account SID (`{AccountSid}` placeholder). */
  accountSid?: { acsUrl: string; spEntityId: string };
  /** Per rule slug, the severity this SP warrants. */
  severities?: Record<string, Severity>;
}

export interface RequiredAttributeDocument {
  /** The exact Name the SP reads. */
  name: string;
  /** Other names (claim URIs, OIDs, spellings) an IdP may send the same value under; matched case-insensitively. */
  aliases?: string[];
  /** Why the SP needs it, in a few words, for the finding message. */
  purpose?: string;
  nameFormat?: string;
  friendlyName?: string;
  /** Where this requirement is documented (URL). */
  source?: string;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Limits that keep a hostile or mistaken file from costing more than a glance. */
export const LIMITS = {
  /** Characters of JSON text read as a profile. */
  textChars: 256 * 1024,
  /** Levels of `extends`. */
  extendsDepth: 8,
  requiredAttributes: 200,
  listItems: 100,
  stringChars: 2048,
} as const;
