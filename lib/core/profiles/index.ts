export type { Profile, RequiredAttribute } from './profile';
export { PROFILES, getProfile } from './registry';
export { resolveExpectations, DEFAULT_SKEW_SECONDS, type ResolvedExpectations, type Expected, type TimeMode } from './expectations';
