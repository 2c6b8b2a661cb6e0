import type { AttributeView } from '../model';
import type { RequiredAttribute } from '../profiles';
import { PARTS, claimMeaning, squash, wantedMeanings } from '../profiles/claims';
import { isUriName, lastSegment } from './helpers';

/** Attributes that probably carry what `wanted` names, under another name (a claim URI, an OID, other case). */
export function lookalikes(wanted: RequiredAttribute, attributes: AttributeView[]): AttributeView[] {
  const names = new Set([wanted.name, ...wanted.aliases].map(squash));
  const meanings = wantedMeanings(wanted.name, wanted.aliases);
  return attributes.filter((a) => {
    if (a.name === wanted.name) return false;
    const meaning = claimMeaning(a.name);
    if (meaning && meanings.includes(meaning)) return true;
    return names.has(squash(a.name)) || (isUriName(a.name) && names.has(squash(lastSegment(a.name)))) || names.has(squash(a.friendlyName ?? ''));
  });
}

/**
 * Attributes that carry part of what `wanted` names (a given name and a surname where a full name is wanted),
 * by an IdP's claim name or their last URI segment.
 */
export function partLookalikes(wanted: RequiredAttribute, attributes: AttributeView[]): AttributeView[] {
  const parts = wantedMeanings(wanted.name, wanted.aliases).flatMap((m) => PARTS[m] ?? []);
  if (!parts.length) return [];
  return attributes.filter((a) => {
    if (a.name === wanted.name) return false;
    const meaning = claimMeaning(a.name) ?? wantedMeanings(isUriName(a.name) ? lastSegment(a.name) : a.name)[0];
    return meaning !== undefined && parts.includes(meaning);
  });
}
