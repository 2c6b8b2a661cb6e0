import type { AttributeView } from '../model';
import type { RequiredAttribute } from '../profiles';
import { isUriName, lastSegment } from './helpers';

/** Attributes that probably carry what `wanted` names, under another name (a claim URI, an OID, other case). */
export function lookalikes(wanted: RequiredAttribute, attributes: AttributeView[]): AttributeView[] {
  const names = new Set([wanted.name.toLowerCase(), ...wanted.aliases]);
  return attributes.filter((a) => {
    if (a.name === wanted.name) return false;
    const lower = a.name.trim().toLowerCase();
    return names.has(lower) || (isUriName(a.name) && names.has(lastSegment(a.name).toLowerCase())) || names.has((a.friendlyName ?? '').toLowerCase());
  });
}
