import type { MessageReport, SignatureStatus, FlowReport } from '../../core/model';

export function directionLabel(d: MessageReport['direction']): string {
  return d === 'to-idp' ? 'SP → IdP' : d === 'to-sp' ? 'IdP → SP' : '—';
}

export const SIGNATURE_STATUS_LABEL: Record<SignatureStatus, string> = {
  valid: 'valid',
  invalid: 'invalid',
  untrusted: 'intact, signer not verified',
  unchecked: 'not checked',
};

export const FLOW_KIND_LABEL: Record<FlowReport['kind'], string> = {
  'sp-initiated': 'SP-initiated login',
  'idp-initiated': 'IdP-initiated login (unsolicited)',
  logout: 'Logout',
  artifact: 'Artifact',
  other: 'Other',
};

/** The host of a URL, or the text itself when it is not a URL (pasted messages have none). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** Path and query of a URL without the (long) SAML parameters' values, for one-line display. */
export function shortPath(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + (u.search.length > 1 ? '?…' : '');
  } catch {
    return url;
  }
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Local wall-clock time with milliseconds: flows happen within seconds, so the date is noise here. */
export function timeOfDay(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** `AB12...` -> `AB:12:...`, the way certificate consoles show fingerprints. */
export function formatFingerprint(hex: string | undefined): string {
  if (!hex) return '';
  const clean = hex.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  return clean.match(/.{1,2}/g)?.join(':') ?? '';
}

/** Last segment of a SAML URN, e.g. `...:nameid-format:emailAddress` -> `emailAddress`. */
export function urnTail(urn: string | undefined): string {
  if (!urn) return '';
  const i = urn.lastIndexOf(':');
  return i >= 0 && i < urn.length - 1 ? urn.slice(i + 1) : urn;
}
