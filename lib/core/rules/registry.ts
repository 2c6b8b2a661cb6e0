import type { Rule } from './rule';
import { inputUnrecognised } from './input-unrecognised';
import { inputLimit } from './input-limit';
import { traceTooLarge } from './trace-too-large';
import { decodeFailed } from './decode-failed';
import { base64Lenient } from './base64-lenient';
import { relaystateTooLong } from './relaystate-too-long';
import { redirectParameterDuplicate } from './redirect-parameter-duplicate';
import { postFieldDuplicate } from './post-field-duplicate';
import { redirectSignatureMissingSigalg } from './redirect-signature-missing-sigalg';
import { xmlDoctype } from './xml-doctype';
import { xmlRefused } from './xml-refused';
import { notSaml } from './not-saml';
import { namespaceLookalike } from './namespace-lookalike';
import { schemaInvalid } from './schema-invalid';
import { messageUnsigned } from './message-unsigned';
import { responseUnsigned } from './response-unsigned';
import { assertionUnsigned } from './assertion-unsigned';
import { signatureInvalid } from './signature-invalid';
import { signatureUntrusted } from './signature-untrusted';
import { signatureWrapping } from './signature-wrapping';
import { weakAlgorithm } from './weak-algorithm';
import { certificateExpired } from './certificate-expired';
import { certificateInvalid } from './certificate-invalid';
import { certificateKeyWeak } from './certificate-key-weak';
import { certificateFingerprintSha1 } from './certificate-fingerprint-sha1';
import { encryptionFailed } from './encryption-failed';
import { statusError } from './status-error';
import { assertionMissing } from './assertion-missing';
import { assertionMultiple } from './assertion-multiple';
import { messageMultiple } from './message-multiple';
import { assertionEncrypted } from './assertion-encrypted';
import { federationHop } from './federation-hop';
import { nameidMissing } from './nameid-missing';
import { nameidFormat } from './nameid-format';
import { nameidNotEmail } from './nameid-not-email';
import { nameidComment } from './nameid-comment';
import { textSplit } from './text-split';
import { attributeNamespaced } from './attribute-namespaced';
import { attributeMissing } from './attribute-missing';
import { attributeDuplicate } from './attribute-duplicate';
import { attributePassword } from './attribute-password';
import { assertionOverHttp } from './assertion-over-http';
import { issuerMissing } from './issuer-missing';
import { issuerMismatch } from './issuer-mismatch';
import { issuerInconsistent } from './issuer-inconsistent';
import { audienceMismatch } from './audience-mismatch';
import { destinationMismatch } from './destination-mismatch';
import { recipientMismatch } from './recipient-mismatch';
import { bearerConfirmationMissing } from './bearer-confirmation-missing';
import { inResponseToMismatch } from './in-response-to-mismatch';
import { unsolicitedResponse } from './unsolicited-response';
import { jitNeedsIdpInitiated } from './jit-needs-idp-initiated';
import { assertionExpired } from './assertion-expired';
import { assertionNotYetValid } from './assertion-not-yet-valid';
import { clockSkew } from './clock-skew';
import { timeReferenceMissing } from './time-reference-missing';
import { artifactSourceUnknown } from './artifact-source-unknown';
import { idpRefused } from './idp-refused';
import { spRefused } from './sp-refused';
import { configInvalid } from './config-invalid';
import { configIncomplete } from './config-incomplete';
import { savedSettings } from './saved-settings';
import { internalError } from './internal-error';

/**
 * Every rule, in the order a message meets them (input, decoding, parsing, signatures, content, flow, time).
 * Adding a rule means adding its file here; the catalogue test fails for a rule file that is not listed.
 */
export const RULES: readonly Rule[] = [
  inputUnrecognised,
  inputLimit,
  traceTooLarge,
  savedSettings,
  decodeFailed,
  base64Lenient,
  relaystateTooLong,
  redirectParameterDuplicate,
  postFieldDuplicate,
  redirectSignatureMissingSigalg,
  xmlDoctype,
  xmlRefused,
  notSaml,
  namespaceLookalike,
  schemaInvalid,
  messageUnsigned,
  responseUnsigned,
  assertionUnsigned,
  signatureInvalid,
  signatureUntrusted,
  signatureWrapping,
  weakAlgorithm,
  certificateExpired,
  certificateInvalid,
  certificateKeyWeak,
  certificateFingerprintSha1,
  encryptionFailed,
  statusError,
  assertionMissing,
  assertionMultiple,
  messageMultiple,
  assertionEncrypted,
  federationHop,
  nameidMissing,
  nameidFormat,
  nameidNotEmail,
  nameidComment,
  textSplit,
  attributeNamespaced,
  attributeMissing,
  attributeDuplicate,
  attributePassword,
  issuerMissing,
  issuerMismatch,
  issuerInconsistent,
  audienceMismatch,
  destinationMismatch,
  assertionOverHttp,
  recipientMismatch,
  bearerConfirmationMissing,
  inResponseToMismatch,
  unsolicitedResponse,
  jitNeedsIdpInitiated,
  assertionExpired,
  assertionNotYetValid,
  clockSkew,
  timeReferenceMissing,
  artifactSourceUnknown,
  idpRefused,
  spRefused,
  configInvalid,
  configIncomplete,
  internalError,
];

const BY_SLUG = new Map(RULES.map((r) => [r.slug, r]));

export function getRule(slug: string): Rule | undefined {
  return BY_SLUG.get(slug);
}

export function isRegistered(slug: string): boolean {
  return BY_SLUG.has(slug);
}
