// The platform-free core, the same code the extension runs; the package's main export in Node is this with
// Node's crypto (lib/node/index.ts).
export type * from './model';
export { analyze, analyzeText } from './analyze';
export { readInput, fromWebRequest, fromHarEntry, fromSamlTracerRequest } from './input';
export type { InputFormat, InputResult, WebRequestDetails } from './input';
export { extractMessages, looksLikeSaml, artifactSourceId, DEFAULT_DECODE_LIMITS } from './binding';
export { parseSaml, parseMetadata, elementPath, DEFAULT_XML_LIMITS } from './xml';
export { parseCertificates, verifySignatures, type TrustedCertificate } from './signature';
export { RULES, getRule, renderRuleReference } from './rules';
export type { Rule, RuleMeta } from './rules';
export { builtinProfiles, getProfile, resolveProfile, profileFromMetadata, type Profile, type ProfileDocument } from './profiles';
export { compareReports, redactComparison, comparisonMarkdown } from './compare';
export type { Comparison, CompareInput, CompareOutcome, Difference, DiffField, Importance } from './compare';
export { IDP_PRODUCTS, IDP_NAMES, type IdpProduct, type KnownIdpProduct, type IdpRecognition, type FlowOutcome } from './idp';
export { OUTCOME_LABEL, idpLabel } from './outcome/labels';
export { RESPONSE_BODY_MAX_CHARS } from './input/body';
export { measureStages, type Sampling, type StageTimings } from './timing/stages';
