import type { Profile } from './profile';
import { PROFILES } from './registry';

/** SAML 2.0 interoperability only: what judging falls back to when a profile cannot be used. */
export const generic: Profile = PROFILES[0]!;
