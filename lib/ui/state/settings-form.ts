import type { AnalyzeOptions, MetadataView } from '../../core/model';
import type { Settings } from '../data-source';
import { metadataKeys, parseFingerprint, preferredAcs } from '../engine';

export const DEFAULT_SETTINGS: Settings = {
  version: 2,
  keepAcrossRestart: false,
  rememberSpKey: false,
  profile: 'generic',
  clockSkewSeconds: 180,
  theme: 'auto',
};

/** What the core needs from the settings: the expectations, without the UI's own preferences. */
export function analysisOptions(settings: Settings | undefined): AnalyzeOptions {
  if (!settings) return {};
  const { version: _v, keepAcrossRestart: _k, rememberSpKey: _r, theme: _t, ...expectations } = settings;
  return expectations;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

const fingerprintLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && parseFingerprint(l));

/**
 * Trust anchors as people paste them: PEM blocks (certificates, public keys), bare base64 (IdP consoles
 * show the certificate without the armour) separated by blank lines, and certificate fingerprints, one a line.
 */
export function splitCertificates(text: string): string[] {
  const pems = text.match(PEM_BLOCK);
  if (pems) return [...pems.map((p) => p.trim()), ...fingerprintLines(text.replace(PEM_BLOCK, '\n'))];
  return text.split(/\n\s*\n/).flatMap((b) => {
    const lines = b.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (lines.length > 0 && lines.every((l) => parseFingerprint(l))) return lines.map((l) => l.trim());
    const base64 = b.replace(/\s+/g, '');
    return base64.length > 0 ? [base64] : [];
  });
}

/** base64 DER (as in metadata's ds:X509Certificate) to PEM with 64-character lines. */
export function toPem(base64Der: string): string {
  const clean = base64Der.replace(/\s+/g, '');
  const lines = clean.match(/.{1,64}/g) ?? [];
  return ['-----BEGIN CERTIFICATE-----', ...lines, '-----END CERTIFICATE-----'].join('\n');
}

export function accountSidProblem(sid: string | undefined): string | undefined {
  if (!sid) return undefined;
  return /^AC[0-9a-f]{32}$/i.test(sid.trim()) ? undefined : 'An Account SID is "AC" followed by 32 hexadecimal digits.';
}

export function clockSkewProblem(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 && n <= 86_400 ? undefined : 'Clock skew is a whole number of seconds between 0 and 86400.';
}

export interface MetadataImport {
  settings: Settings;
  /** What was filled in, for the person to check. */
  summary: string;
}

/**
 * Fills settings from imported metadata. `as` says which side the person meant; a metadata document that
 * describes both roles fills both. Existing certificates are replaced (the metadata is the newer truth)
 * but other fields are only replaced by values the metadata actually has. SP metadata is kept whole (`xml`)
 * so its required attributes, NameID formats and signing wishes are judged too.
 */
export function applyMetadata(settings: Settings, md: MetadataView, as: 'idp' | 'sp', xml?: string): MetadataImport {
  const next: Settings = { ...settings };
  const said: string[] = [];
  const idp = as === 'idp' || md.role === 'both';
  const sp = as === 'sp' || md.role === 'both';
  if (idp) {
    next.idpEntityId = md.entityId;
    said.push(`IdP entity ID ${md.entityId}`);
    const keys = metadataKeys(md).slice(md.signingCertificates.length);
    if (md.signingCertificates.length + keys.length > 0) {
      next.trustedCertificates = [...md.signingCertificates.map(toPem), ...keys];
      said.push([md.signingCertificates.length && `${md.signingCertificates.length} signing certificate(s)`, keys.length && `${keys.length} signing public key(s)`].filter(Boolean).join(' and '));
    }
  }
  if (sp) {
    next.spEntityId = md.entityId;
    said.push(`SP entity ID ${md.entityId}`);
    const acs = preferredAcs(md);
    if (acs) {
      next.acsUrl = acs;
      said.push(`ACS ${acs}`);
    }
    if (xml !== undefined && as === 'sp') {
      next.spMetadataXml = xml;
      const required = md.requestedAttributes.filter((r) => r.isRequired).map((r) => r.name);
      if (required.length) said.push(`required attributes ${required.join(', ')}`);
      if (md.nameIdFormats.length) said.push(`NameID formats ${md.nameIdFormats.join(', ')}`);
      if (md.wantAssertionsSigned) said.push('signed assertions (WantAssertionsSigned)');
    }
  }
  if (as === 'idp' && md.role === 'sp') said.push('note: this metadata describes a service provider, not an IdP');
  if (as === 'sp' && md.role === 'idp') said.push('note: this metadata describes an identity provider, not an SP');
  return { settings: next, summary: `Filled in: ${said.join(', ')}.` };
}
