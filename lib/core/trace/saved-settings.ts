import type { Problem } from '../model';
import type { SavedSettings } from './format';

/**
 * A trace file's saved settings are what its maker configured: trusted certificates, metadata, expected entity
 * IDs. Taking them silently would let the file choose whose signatures verify, so they are read (typed field by
 * field), shown, and applied only when the user asks (the CLI's --use-saved-settings).
 */
type Obj = Record<string, unknown>;

const TEXT_FIELDS = ['profile', 'idpEntityId', 'spEntityId', 'acsUrl', 'accountSid', 'idpMetadataXml', 'spMetadataXml', 'at'] as const;

/** The settings of a file, field by field: anything of another type than SAML Lens writes is left out. */
export function readSavedSettings(raw: unknown): SavedSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const o = raw as Obj;
  const out: SavedSettings = {};
  for (const key of TEXT_FIELDS) {
    const v = o[key];
    if (typeof v === 'string' && v.trim()) out[key] = v;
  }
  if (Array.isArray(o.trustedCertificates)) {
    const certs = o.trustedCertificates.filter((c): c is string => typeof c === 'string' && c.trim() !== '');
    if (certs.length) out.trustedCertificates = certs;
  }
  if (typeof o.clockSkewSeconds === 'number' && Number.isFinite(o.clockSkewSeconds)) out.clockSkewSeconds = o.clockSkewSeconds;
  const doc = boundedProfileDocument(o.profileDocument);
  if (doc) out.profileDocument = doc;
  return out;
}

const MAX_PROFILE_DOCUMENT = 256 * 1024;
/** Deeper than any valid profile (8 levels of extends, each a few levels deep), far below the stack's limit. */
const MAX_PROFILE_DEPTH = 64;

/**
 * A profile document fit to be saved or read back: an object, nested at most MAX_PROFILE_DEPTH deep, at most
 * MAX_PROFILE_DOCUMENT characters as JSON. It is validated where it is applied; here only its size and shape are
 * bounded, the depth first and without recursion, because JSON.stringify recurses once per level and a
 * document nested thousands deep (an invalid profile file, a hand-edited trace) would end the whole import or
 * export with a stack overflow.
 */
export function boundedProfileDocument(doc: unknown): SavedSettings['profileDocument'] | undefined {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
  const stack: Array<[unknown, number]> = [[doc, 1]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [value, depth] = item;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_PROFILE_DEPTH) return undefined;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return JSON.stringify(doc).length <= MAX_PROFILE_DOCUMENT ? (doc as SavedSettings['profileDocument']) : undefined;
}

/** What the settings hold, in words ("2 trusted certificates, IdP metadata, expected SP entity ID"). */
export function describeSavedSettings(s: SavedSettings): string[] {
  const out: string[] = [];
  const n = s.trustedCertificates?.length ?? 0;
  if (n) out.push(`${n} trusted IdP certificate${n === 1 ? '' : 's'}`);
  if (s.idpMetadataXml) out.push('IdP metadata (with its signing certificates)');
  if (s.spMetadataXml) out.push('SP metadata (with its signing certificates)');
  if (s.idpEntityId) out.push(`IdP entity ID ${JSON.stringify(s.idpEntityId.slice(0, 200))}`);
  if (s.spEntityId) out.push(`SP entity ID ${JSON.stringify(s.spEntityId.slice(0, 200))}`);
  if (s.acsUrl) out.push(`ACS URL ${JSON.stringify(s.acsUrl.slice(0, 200))}`);
  if (s.accountSid) out.push('Account SID');
  if (s.profile) out.push(`profile ${JSON.stringify(s.profile.slice(0, 40))}`);
  if (s.profileDocument) {
    const name = (s.profileDocument as { name?: unknown }).name;
    out.push(`a profile document${typeof name === 'string' ? ` ${JSON.stringify(name.slice(0, 80))}` : ''}`);
  }
  if (s.clockSkewSeconds !== undefined) out.push(`clock skew ${s.clockSkewSeconds} s`);
  if (s.at) out.push(`time reference ${JSON.stringify(s.at.slice(0, 40))}`);
  return out;
}

/**
 * A trace-level note about a file's saved settings: that they were not applied (with `hint`, how to apply
 * them), or that they were, on the user's request. Undefined when the file saved none.
 */
export function savedSettingsProblem(s: SavedSettings, applied: boolean, hint = ''): Problem | undefined {
  const held = describeSavedSettings(s);
  if (!held.length) return undefined;
  const list = held.join(', ');
  return {
    rule: 'saved-settings',
    severity: 'info',
    message: applied
      ? `The settings saved in the file were applied, as asked: ${list}. Signatures are verified against certificates the file brought, so a "valid" verdict is only as trustworthy as the file; flags given on the command line take precedence.`
      : `The file carries saved settings (${list}); they were not applied: trust and expectations come only from what you configure, never from a file someone sent.${hint ? ` ${hint}` : ''}`,
  };
}
