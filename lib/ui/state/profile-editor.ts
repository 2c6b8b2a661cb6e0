import type { MetadataView } from '../../core/model';
import type { Settings } from '../data-source';
import { checkProfileDocument, getBuiltinDocument, parseProfileText, profileFromMetadata, type ProfileDocument } from '../engine';

type Attribute = NonNullable<ProfileDocument['requiredAttributes']>[number];

/** Where a new profile starts: nothing, a built-in profile to add to, or the SP's metadata. */
export type ProfileStart = { from: 'empty' } | { from: 'builtin'; id: string } | { from: 'metadata'; metadata: MetadataView };

export function startProfile(start: ProfileStart): ProfileDocument {
  if (start.from === 'metadata') return profileFromMetadata(start.metadata);
  if (start.from === 'builtin') {
    const base = getBuiltinDocument(start.id);
    if (base) return { name: `${base.name} (my settings)`, extends: base.id ?? start.id };
  }
  return { name: 'My service provider', extends: 'generic' };
}

/**
 * Required attributes as the editor's text: one a line, `name | alias, alias | purpose` (aliases and purpose
 * optional), so a list is quick to type and to read.
 */
export function attributesText(doc: ProfileDocument): string {
  return (doc.requiredAttributes ?? [])
    .map((a) => {
      if (typeof a === 'string') return a;
      const parts = [a.name, (a.aliases ?? []).join(', '), a.purpose ?? ''];
      while (parts.length > 1 && parts.at(-1) === '') parts.pop();
      return parts.join(' | ');
    })
    .join('\n');
}

/** The attributes typed in the editor; fields the text does not show (nameFormat, friendlyName, source) are kept by name. */
export function withAttributesText(doc: ProfileDocument, text: string): ProfileDocument {
  const before = new Map((doc.requiredAttributes ?? []).map((a) => (typeof a === 'string' ? [a, { name: a }] : [a.name, a])));
  const attrs: Attribute[] = text
    .split('\n')
    .map((line) => line.split('|').map((p) => p.trim()))
    .filter(([name]) => !!name)
    .map(([name, aliases = '', purpose = '']) => {
      const { aliases: _a, purpose: _p, ...kept } = before.get(name!) ?? { name: name! };
      const a: Exclude<Attribute, string> = { ...kept, name: name! };
      const list = aliases.split(',').map((s) => s.trim()).filter(Boolean);
      if (list.length) a.aliases = list;
      if (purpose) a.purpose = purpose;
      return Object.keys(a).length === 1 ? a.name : a;
    });
  const { requiredAttributes: _r, ...rest } = doc;
  return attrs.length ? { ...rest, requiredAttributes: attrs } : rest;
}

/** One optional field set, or removed when empty/false (so an exported file says only what matters). */
export function withField<K extends keyof ProfileDocument>(doc: ProfileDocument, key: K, value: ProfileDocument[K] | '' | false): ProfileDocument {
  const next = { ...doc };
  if (value === '' || value === false || value === undefined) delete next[key];
  else next[key] = value as ProfileDocument[K];
  return next;
}

export function withSign(doc: ProfileDocument, part: 'response' | 'assertion', on: boolean): ProfileDocument {
  const sign = { ...doc.sign, [part]: on };
  if (!on) delete sign[part];
  return withField(doc, 'sign', Object.keys(sign).length ? sign : false);
}

export interface ProfileStatus {
  ok: boolean;
  /** `field: expected X, got Y`. */
  errors: string[];
  /** What the profile makes the checks look for, in short lines. */
  requirements: string[];
}

export function profileStatus(doc: ProfileDocument): ProfileStatus {
  const { profile, errors } = checkProfileDocument(doc);
  if (!profile) return { ok: false, errors, requirements: [] };
  const r: string[] = [];
  if (profile.requiredAttributes.length) r.push(`attributes: ${profile.requiredAttributes.map((a) => a.name).join(', ')}${profile.bareAttributeNames ? ' (exact names)' : ''}`);
  if (profile.nameIdFormat) r.push(`NameID format ${profile.nameIdFormat}`);
  if (profile.nameIdEmail) r.push('NameID is an e-mail address');
  const signed = [profile.sign.response && 'Response', profile.sign.assertion && 'Assertion'].filter(Boolean);
  if (signed.length) r.push(`signed: ${signed.join(' and ')}`);
  if (profile.requireSha256) r.push('SHA-256 only');
  if (profile.spEntityId) r.push(`Audience ${profile.spEntityId}`);
  if (profile.acsUrl) r.push(`ACS ${profile.acsUrl}`);
  return { ok: true, errors: [], requirements: r };
}

/**
 * A profile file the person picked or pasted. A file naming another file in `extends` cannot be followed in
 * the browser: it is refused with a way out, and the current profile stays as it was.
 */
export function importProfile(text: string): { doc?: ProfileDocument; error?: string } {
  const { value, error } = parseProfileText(text);
  if (error) return { error: `Could not import the profile: ${error}.` };
  const { profile, errors } = checkProfileDocument(value);
  if (profile) return { doc: value as ProfileDocument };
  const base = (value as { extends?: unknown } | null)?.extends;
  if (typeof base === 'string' && !getBuiltinDocument(base) && errors.every((e) => e.startsWith('extends: expected a built-in profile'))) {
    return { error: `Could not import the profile: extends "${base}" is not a built-in profile; a file it names cannot be read here. Put that profile inline in "extends", or extend a built-in one.` };
  }
  return { error: `Could not import the profile: ${errors.join('; ')}.` };
}

export function exportProfile(doc: ProfileDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Settings judging with this profile document (or, without one, with the chosen built-in profile). */
export function withProfileDocument(settings: Settings, doc: ProfileDocument | undefined): Settings {
  const next = { ...settings };
  if (doc) next.profileDocument = doc;
  else delete next.profileDocument;
  return next;
}

/** The settings' profile document when it is a usable one, for the editor to show; else undefined. */
export function editableProfile(settings: Settings): ProfileDocument | undefined {
  const doc = settings.profileDocument;
  return typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as ProfileDocument) : undefined;
}
