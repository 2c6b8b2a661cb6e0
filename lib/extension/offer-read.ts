import type { Settings } from '../ui/data-source';

/**
 * A page on this machine (the demo start page, or a developer's own SP on localhost) may offer the settings
 * to judge its flows with. Trust never comes from a page: the offer is only kept and shown, and it is applied
 * when the person clicks Apply in the extension's own settings page. Only expectation fields are taken: no
 * private key, no storage or theme choice.
 */
export interface SettingsOffer {
  origin: string;
  settings: Pick<Settings, OfferField>;
}

const OFFER_FIELDS = ['profile', 'idpEntityId', 'spEntityId', 'acsUrl', 'accountSid', 'trustedCertificates'] as const;
type OfferField = (typeof OFFER_FIELDS)[number];
export const OFFER_MESSAGE = 'saml-lens:offer-settings';
const MAX_TEXT = 16 * 1024;

/** Loopback http(s) origins only, whatever the manifest says: an offer from the internet is never kept. */
export function loopbackOrigin(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    const u = new URL(url);
    const loopback = u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';
    return loopback && (u.protocol === 'http:' || u.protocol === 'https:') ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The offered fields that are well-formed; anything else in the message is ignored. */
export function readOffer(message: unknown, senderUrl: unknown): SettingsOffer | undefined {
  const origin = loopbackOrigin(senderUrl);
  if (!origin || typeof message !== 'object' || message === null) return undefined;
  const m = message as Record<string, unknown>;
  if (m.type !== OFFER_MESSAGE || typeof m.settings !== 'object' || m.settings === null) return undefined;
  const given = m.settings as Record<string, unknown>;
  const settings: SettingsOffer['settings'] = {};
  for (const field of OFFER_FIELDS) {
    const v = given[field];
    if (field === 'trustedCertificates') {
      if (Array.isArray(v)) {
        const certs = v.filter((c): c is string => typeof c === 'string' && c.trim() !== '' && c.length <= MAX_TEXT).slice(0, 4);
        if (certs.length) settings.trustedCertificates = certs;
      }
    } else if (typeof v === 'string' && v.trim() !== '' && v.length <= MAX_TEXT) {
      settings[field] = v.trim();
    }
  }
  return Object.keys(settings).length ? { origin, settings } : undefined;
}
