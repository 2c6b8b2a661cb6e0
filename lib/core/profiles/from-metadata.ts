import type { MetadataView, RequestedAttributeView } from '../model';
import type { ProfileDocument, RequiredAttributeDocument } from './document';
import type { Profile, RequiredAttribute } from './profile';
import { knownAliases } from './attribute-names';
import { UNSPECIFIED_FORMAT } from './names';

const isUri = (name: string) => /^[a-z][a-z0-9+.-]*:/i.test(name.trim());
const BY_METADATA = 'the SP metadata marks it isRequired="true"';

/** The NameID formats an SP's metadata lists, less "unspecified" (which accepts anything). */
export function metadataNameIdFormats(md: MetadataView): string[] {
  return md.nameIdFormats.filter((f) => f && f !== UNSPECIFIED_FORMAT);
}

function fromRequested(r: RequestedAttributeView): RequiredAttribute {
  const a: RequiredAttribute = {
    name: r.name,
    aliases: [...new Set([...(r.friendlyName ? [r.friendlyName.toLowerCase()] : []), ...knownAliases(r.name, r.friendlyName)])],
    purpose: r.friendlyName ? `${r.friendlyName}` : `the "${r.name}" attribute`,
    requiredBy: BY_METADATA,
    // The metadata names exactly what the SP reads: a claim URI in place of a bare name is not it.
    bare: !isUri(r.name),
  };
  if (r.nameFormat) a.nameFormat = r.nameFormat;
  if (r.friendlyName) a.friendlyName = r.friendlyName;
  return a;
}

/**
 * The profile with what the SP's own metadata requires added: each RequestedAttribute with isRequired="true"
 * the profile does not already require. (NameIDFormat, WantAssertionsSigned and AuthnRequestsSigned are
 * carried as expectations beside the profile.)
 */
export function withSpMetadata(profile: Profile, md: MetadataView): Profile {
  const have = new Set(profile.requiredAttributes.map((a) => a.name));
  const added = md.requestedAttributes.filter((r) => r.isRequired && !have.has(r.name)).map(fromRequested);
  if (!added.length) return profile;
  return { ...profile, requiredAttributes: [...profile.requiredAttributes, ...added] };
}

/** A profile document written from SP metadata: where the profile editor starts when given the SP's metadata. */
export function profileFromMetadata(md: MetadataView): ProfileDocument {
  const doc: ProfileDocument = { name: `SP ${md.entityId || 'from metadata'}`.slice(0, 200), extends: 'generic' };
  const required = md.requestedAttributes.filter((r) => r.isRequired);
  if (required.length) {
    doc.requiredAttributes = required.map((r) => {
      if (!r.friendlyName && !r.nameFormat) return r.name;
      const a: RequiredAttributeDocument = { name: r.name };
      if (r.friendlyName) a.friendlyName = r.friendlyName;
      if (r.nameFormat) a.nameFormat = r.nameFormat;
      return a;
    });
    if (required.every((r) => !isUri(r.name))) doc.bareAttributeNames = true;
  }
  const formats = metadataNameIdFormats(md);
  if (formats.length === 1) doc.nameIdFormat = formats[0];
  if (md.wantAssertionsSigned) doc.sign = { assertion: true };
  if (md.entityId) doc.spEntityId = md.entityId;
  const acs = preferredAcs(md);
  if (acs) doc.acsUrl = acs;
  return doc;
}

/** The ACS an IdP most likely posts to: the default HTTP-POST endpoint, else the first POST one, else the first. */
export function preferredAcs(md: MetadataView): string | undefined {
  const post = md.acsServices.filter((e) => /HTTP-POST$/.test(e.binding));
  const pick = post.find((e) => e.isDefault) ?? post[0] ?? md.acsServices.find((e) => e.isDefault) ?? md.acsServices[0];
  return pick?.location || undefined;
}
