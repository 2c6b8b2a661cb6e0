import type { Profile } from './profile';
import { generic } from './generic';
import { twilioConsole } from './twilio-console';
import { twilioFlex } from './twilio-flex';
import { sendgrid } from './sendgrid';

/** Every profile, generic first. */
export const PROFILES: readonly Profile[] = [generic, twilioConsole, twilioFlex, sendgrid];

/** The profile with this id (case-insensitive; absent means generic), or undefined when unknown. */
export function getProfile(id: string | undefined): Profile | undefined {
  const wanted = (id ?? 'generic').trim().toLowerCase() || 'generic';
  return PROFILES.find((p) => p.id === wanted);
}
