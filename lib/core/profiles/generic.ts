import type { Profile } from './profile';
import { getProfile } from './registry';

/** SAML 2.0 interoperability only: what judging falls back to when a profile cannot be used. */
export const genericProfile = (): Profile => getProfile('generic')!;
