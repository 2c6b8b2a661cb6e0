export type { Profile, RequiredAttribute } from './profile';
export type { ProfileDocument, RequiredAttributeDocument } from './document';
export { builtinProfiles, getProfile, getBuiltinDocument, builtinIds, resolveProfile } from './registry';
export { parseProfileText, validateProfileDocument, type ProfileCheck } from './validate';
export { profileFromMetadata, preferredAcs } from './from-metadata';
export { resolveExpectations, DEFAULT_SKEW_SECONDS, type ResolvedExpectations, type Expected, type TimeMode } from './expectations';
