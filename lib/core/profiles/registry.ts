import type { Profile } from './profile';
import type { ProfileDocument } from './document';
import { BUILTIN_DOCUMENTS } from './builtin';
import { resolveProfileDocument, type ProfileResolution } from './resolve';

const byId = new Map(BUILTIN_DOCUMENTS.map((d) => [d.id ?? '', d]));
const lookup = (id: string): ProfileDocument | undefined => byId.get(id);
const knownIds = (): string[] => BUILTIN_DOCUMENTS.map((d) => d.id ?? '');

/** A profile document (parsed JSON, untrusted) resolved against the built-in profiles. Never throws. */
export function resolveProfile(value: unknown, isKnownRule?: (slug: string) => boolean): ProfileResolution {
  return resolveProfileDocument(value, { lookup, knownIds, isKnownRule });
}

function builtin(doc: ProfileDocument): Profile {
  const { profile, errors } = resolveProfile(doc);
  // A broken built-in is a bug in this repository (test/core/profiles catches it), never the user's input.
  if (!profile) throw new Error(`built-in profile ${doc.id}: ${errors.join('; ')}`);
  return profile;
}

/** Every built-in profile, generic first: each resolved from its document like a person's profile file. */
export const PROFILES: readonly Profile[] = BUILTIN_DOCUMENTS.map(builtin);

/** The profile with this id (case-insensitive; absent means generic), or undefined when unknown. */
export function getProfile(id: string | undefined): Profile | undefined {
  const wanted = (id ?? 'generic').trim().toLowerCase() || 'generic';
  return PROFILES.find((p) => p.id === wanted);
}

export function getBuiltinDocument(id: string): ProfileDocument | undefined {
  return lookup(id.trim().toLowerCase());
}

export const builtinIds = knownIds;
