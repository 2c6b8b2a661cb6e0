import type { ProfileDocument, RequiredAttributeDocument } from './document';
import { LIMITS } from './document';
import type { Profile, RequiredAttribute } from './profile';
import { knownAliases } from './attribute-names';
import { validateProfileDocument, type ValidateOptions } from './validate';

export interface ResolveOptions extends ValidateOptions {
  /** The built-in profile documents by id, for `extends`. */
  lookup: (id: string) => ProfileDocument | undefined;
  knownIds: () => string[];
}

export interface ProfileResolution {
  profile?: Profile;
  errors: string[];
}

/** What a profile that extends nothing starts from: the SAML specifications, no SP requirement. */
const NOTHING: Profile = {
  id: 'custom',
  name: '',
  summary: '',
  sources: [],
  refusedNameIdFormats: [],
  nameIdEmail: false,
  requiredAttributes: [],
  bareAttributeNames: false,
  sign: { response: false, assertion: false },
  requireSha256: false,
  requireResponseIssuer: false,
  jitOnlyIdpInitiated: false,
  severities: {},
};

function requiredAttribute(a: string | RequiredAttributeDocument): RequiredAttribute {
  const d = typeof a === 'string' ? { name: a } : a;
  const aliases = [...new Set([...(d.aliases ?? []).map((x) => x.toLowerCase()), ...knownAliases(d.name, d.friendlyName)])];
  const out: RequiredAttribute = { name: d.name, aliases, purpose: d.purpose ?? d.friendlyName ?? `the "${d.name}" attribute` };
  if (d.nameFormat) out.nameFormat = d.nameFormat;
  if (d.friendlyName) out.friendlyName = d.friendlyName;
  if (d.source) out.source = d.source;
  return out;
}

/** `doc` applied over `base`: fields it sets win, lists add up (an attribute of the same name is replaced). */
function apply(base: Profile, doc: ProfileDocument): Profile {
  const attrs = new Map(base.requiredAttributes.map((a) => [a.name, a]));
  for (const a of doc.requiredAttributes ?? []) {
    const r = requiredAttribute(a);
    attrs.set(r.name, r);
  }
  const next: Profile = {
    ...base,
    id: doc.id ?? 'custom',
    name: doc.name,
    summary: doc.summary ?? (base.name ? `${doc.name}: a profile based on ${base.name}.` : `${doc.name}: a custom profile.`),
    sources: [...new Set([...base.sources, ...(doc.sources ?? [])])],
    refusedNameIdFormats: [...new Set([...base.refusedNameIdFormats, ...(doc.refusedNameIdFormats ?? [])])],
    requiredAttributes: [...attrs.values()],
    sign: { response: doc.sign?.response ?? base.sign.response, assertion: doc.sign?.assertion ?? base.sign.assertion },
    severities: { ...base.severities, ...doc.severities },
  };
  for (const key of ['nameIdEmail', 'bareAttributeNames', 'requireSha256', 'requireResponseIssuer', 'jitOnlyIdpInitiated'] as const) {
    if (doc[key] !== undefined) next[key] = doc[key];
  }
  for (const key of ['nameIdFormat', 'acceptsEncryptedAssertions', 'readsFirstAttributeOnly', 'spEntityId', 'acsUrl', 'accountSid'] as const) {
    if (doc[key] !== undefined) (next as unknown as Record<string, unknown>)[key] = doc[key];
  }
  return next;
}

/** The `extends` chain of a valid document, outermost base first, with built-in ids replaced by their documents. */
function chain(doc: ProfileDocument, options: ResolveOptions): { docs: ProfileDocument[]; errors: string[] } {
  const docs: ProfileDocument[] = [];
  const seen = new Set<string>();
  let current: ProfileDocument | undefined = doc;
  let field = 'extends';
  while (current) {
    if (docs.length > LIMITS.extendsDepth) return { docs, errors: [`${field}: expected at most ${LIMITS.extendsDepth} levels of extends, got more`] };
    docs.unshift(current);
    if (current.id) seen.add(current.id);
    const base: string | ProfileDocument | undefined = current.extends;
    if (typeof base === 'string') {
      const id = base.trim().toLowerCase();
      if (seen.has(id)) return { docs, errors: [`${field}: the profile "${id}" extends itself (through ${[...seen].join(' -> ')})`] };
      const found = options.lookup(id);
      if (!found) return { docs, errors: [`${field}: expected a built-in profile (${options.knownIds().join(', ')}), got "${base}"`] };
      current = found;
    } else {
      current = base;
    }
    field = `${field}.extends`;
  }
  return { docs, errors: [] };
}

/**
 * An untrusted profile document (parsed JSON) -> the Profile the rules read, or the mistakes that stop it.
 * Never throws.
 */
export function resolveProfileDocument(value: unknown, options: ResolveOptions): ProfileResolution {
  const checked = validateProfileDocument(value, options);
  if (!checked.doc) return { errors: checked.errors };
  const { docs, errors } = chain(checked.doc, options);
  if (errors.length) return { errors };
  let profile = NOTHING;
  for (const d of docs) profile = apply(profile, d);
  return { profile: { ...profile, severities: { ...impliedSeverities(profile), ...profile.severities }, document: checked.doc }, errors: [] };
}

/**
 * What the SP requires, it refuses without: each requirement makes its rule an error unless the profile's own
 * severities say otherwise (the rules' defaults judge SAML in general, where these are allowed).
 */
function impliedSeverities(p: Profile): Profile['severities'] {
  const out: Profile['severities'] = {};
  if (p.requireSha256) out['weak-algorithm'] = 'error';
  if (p.sign.response) out['response-unsigned'] = 'error';
  if (p.sign.assertion) out['assertion-unsigned'] = 'error';
  if (p.nameIdFormat || p.refusedNameIdFormats.length) out['nameid-format'] = 'error';
  if (p.nameIdEmail) out['nameid-not-email'] = 'error';
  return out;
}
