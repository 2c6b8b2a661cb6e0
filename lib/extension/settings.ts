import { storage } from 'wxt/utils/storage';
import type { Settings } from '../ui/data-source';

/** 2: `profileDocument` (a profile written or imported in Settings) added. */
export const SETTINGS_VERSION = 2;
/** A stored profile document larger than this (as JSON) is dropped rather than kept (LIMITS.textChars). */
const PROFILE_DOCUMENT_CHARS = 256 * 1024;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  keepAcrossRestart: false,
  rememberSpKey: false,
  theme: 'auto',
  profile: 'generic',
  clockSkewSeconds: 180,
  at: 'capture',
};

/**
 * Settings live in storage.local, versioned: when the shape changes, raise SETTINGS_VERSION and add
 * `migrations[N]` turning a version N-1 value into version N (WXT runs them in order on first read).
 * The SP private key is split off into storage.session (memory only) unless the user opts in.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: {
    // Version 2 only adds an optional field: a version 1 value is a valid version 2 value.
    2: (v1: Settings): Settings => ({ ...v1, version: 2 }),
  },
});

/** The SP private key when the user did not ask to remember it: in memory for this browser session. */
export const sessionSpKeyItem = storage.defineItem<string | null>('session:spKey', { fallback: null });

/** Recording on or off; on by default so a flow is captured without opening anything first. */
export const recordingItem = storage.defineItem<boolean>('local:recording', { fallback: true });

export async function getSettings(): Promise<Settings> {
  const [stored, sessionKey] = await Promise.all([settingsItem.getValue(), sessionSpKeyItem.getValue()]);
  const settings = sanitizeSettings(stored);
  if (!settings.rememberSpKey && sessionKey) settings.spPrivateKeyPem = sessionKey;
  return settings;
}

export async function setSettings(next: Settings): Promise<void> {
  const clean = sanitizeSettings(next);
  const { spPrivateKeyPem, ...rest } = clean;
  if (clean.rememberSpKey) {
    await settingsItem.setValue(clean);
    await sessionSpKeyItem.removeValue();
  } else {
    await settingsItem.setValue(rest);
    if (spPrivateKeyPem) await sessionSpKeyItem.setValue(spPrivateKeyPem);
    else await sessionSpKeyItem.removeValue();
  }
}

const STRING_FIELDS = ['profile', 'idpEntityId', 'spEntityId', 'acsUrl', 'accountSid', 'idpMetadataXml', 'spMetadataXml', 'spPrivateKeyPem', 'at'] as const;

/**
 * Whatever is in storage (older builds, hand edits, another browser's sync) becomes a valid Settings:
 * unknown fields dropped, wrong types replaced by defaults. Collect, don't throw.
 */
export function sanitizeSettings(value: unknown): Settings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const out: Settings = {
    version: SETTINGS_VERSION,
    keepAcrossRestart: v.keepAcrossRestart === true,
    rememberSpKey: v.rememberSpKey === true,
    theme: v.theme === 'light' || v.theme === 'dark' || v.theme === 'auto' ? v.theme : 'auto',
  };
  for (const field of STRING_FIELDS) {
    const s = v[field];
    if (typeof s === 'string' && s.trim() !== '') out[field] = s;
  }
  if (typeof v.clockSkewSeconds === 'number' && Number.isFinite(v.clockSkewSeconds) && v.clockSkewSeconds >= 0) {
    out.clockSkewSeconds = v.clockSkewSeconds;
  } else {
    out.clockSkewSeconds = DEFAULT_SETTINGS.clockSkewSeconds;
  }
  if (Array.isArray(v.trustedCertificates)) {
    const certs = v.trustedCertificates.filter((c): c is string => typeof c === 'string' && c.trim() !== '');
    if (certs.length) out.trustedCertificates = certs;
  }
  const doc = profileDocumentOf(v.profileDocument);
  if (doc) out.profileDocument = doc;
  out.profile ??= DEFAULT_SETTINGS.profile;
  out.at ??= DEFAULT_SETTINGS.at;
  return out;
}

/**
 * A stored profile document is kept when it is a JSON object of sensible size; whether it is a valid profile
 * is judged (and said) when the captures are analysed, so a bad one never costs the other settings.
 */
function profileDocumentOf(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  try {
    return JSON.stringify(value).length <= PROFILE_DOCUMENT_CHARS ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
