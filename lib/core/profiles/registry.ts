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

// Resolved on first use, not at load: resolving every built-in cost each CLI start a few ms, and a check
// needs one profile.
const resolved = new Map<ProfileDocument, Profile>();

function builtin(doc: ProfileDocument): Profile {
  let profile = resolved.get(doc);
  if (!profile) {
    const resolution = resolveProfile(doc);
    // A broken built-in is a bug in this repository (test/core/profiles catches it), never the user's input.
    if (!resolution.profile) throw new Error(`built-in profile ${doc.id}: ${resolution.errors.join('; ')}`);
    profile = resolution.profile;
    resolved.set(doc, profile);
  }
  return profile;
}

/** Every built-in profile, generic first: each resolved from its document like a person's profile file. */
export function builtinProfiles(): readonly Profile[] {
  return BUILTIN_DOCUMENTS.map(builtin);
}

/** The profile with this id (case-insensitive; absent means generic), or undefined when unknown. */
export function getProfile(id: string | undefined): Profile | undefined {
  const doc = lookup((id ?? 'generic').trim().toLowerCase() || 'generic');
  return doc && builtin(doc);
}

export function getBuiltinDocument(id: string): ProfileDocument | undefined {
  return lookup(id.trim().toLowerCase());
}

export const builtinIds = knownIds;
