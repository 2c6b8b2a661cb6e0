import type { AnalyzeOptions, MetadataView, Problem } from '../model';
import { parseMetadata } from '../xml';
import { parseInstant } from '../instant';
import { parseCertificates, rsaKeyValuePem, type TrustedCertificate } from '../signature';
import { isRegistered } from '../rules/registry';
import { builtinIds, getProfile, resolveProfile } from './registry';
import { genericProfile } from './generic';
import type { Profile } from './profile';
import { withSpMetadata, metadataNameIdFormats } from './from-metadata';

/** A value to compare against, and where it came from (said in findings: "compared with ... from SP metadata"). */
export interface Expected<T> {
  value: T;
  source: string;
}

export type TimeMode = { mode: 'capture' } | { mode: 'now'; instant: Date } | { mode: 'fixed'; instant: Date };

/** Options, metadata and certificates merged into what the rules compare against. */
export interface ResolvedExpectations {
  profile: Profile;
  idpEntityId?: Expected<string>;
  spEntityId?: Expected<string>;
  /** Several when SP metadata lists several ACS endpoints. */
  acsUrls: Expected<string>[];
  trusted: TrustedCertificate[];
  /** The SP's signing certificates (from SP metadata): what messages the SP sends are checked against. */
  spTrusted: TrustedCertificate[];
  idpMetadata?: MetadataView;
  spMetadata?: MetadataView;
  /** NameID formats the SP accepts: the profile's one, or those the SP metadata lists. */
  nameIdFormats?: Expected<string[]>;
  /** SP metadata says WantAssertionsSigned="true". */
  spWantsAssertionsSigned: boolean;
  /** SP metadata says AuthnRequestsSigned="true": its AuthnRequests should carry a signature. */
  spSignsRequests: boolean;
  /** The SP's encryption certificates (base64 DER) from its metadata; undefined without SP metadata. */
  spEncryptionCertificates?: string[];
  /** IdP metadata says WantAuthnRequestsSigned="true". */
  idpWantsRequestsSigned: boolean;
  skewSeconds: number;
  time: TimeMode;
  /** 'capture', 'now' or the ISO instant, for the report summary. */
  atLabel: string;
  spPrivateKeyPem?: string;
  /** Configuration mistakes, reported once for the whole trace. */
  problems: Problem[];
}

export const DEFAULT_SKEW_SECONDS = 180;
const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;

function nonEmpty(s: string | undefined): string | undefined {
  const t = s?.trim();
  return t ? t : undefined;
}

function resolveTime(options: AnalyzeOptions, problems: Problem[]): { time: TimeMode; atLabel: string } {
  const at = nonEmpty(options.at) ?? 'capture';
  if (at === 'capture') return { time: { mode: 'capture' }, atLabel: 'capture' };
  if (at === 'now') return { time: { mode: 'now', instant: options.now?.() ?? new Date() }, atLabel: 'now' };
  // Read as a SAML time is (UTC without a zone), so the same command judges alike on every machine; a person
  // may leave out the seconds.
  const instant = parseInstant(at.replace(/^(-?\d{4,}-\d\d-\d\dT\d\d:\d\d)(?=Z|[+-]\d\d:\d\d|$)/, '$1:00'));
  if (instant) {
    return { time: { mode: 'fixed', instant }, atLabel: instant.toISOString() };
  }
  problems.push({
    rule: 'config-invalid',
    message: `Time reference "${at}" is not "capture", "now" or an ISO 8601 instant (e.g. 2026-01-15T10:00:00Z); judging times at each entry's capture time instead.`,
  });
  return { time: { mode: 'capture' }, atLabel: 'capture' };
}

function addCertificates(text: string, source: string, into: TrustedCertificate[], problems: Problem[]): void {
  try {
    const { certs, problems: found } = parseCertificates(text, source);
    into.push(...certs);
    problems.push(...found);
  } catch {
    problems.push({ rule: 'config-invalid', message: `Trusted certificate (${source}) could not be read.` });
  }
}

function readMetadata(xml: string, which: 'IdP' | 'SP', problems: Problem[], entityId: string | undefined): MetadataView | undefined {
  try {
    const { metadata, problems: found } = parseMetadata(xml, { role: which === 'IdP' ? 'idp' : 'sp', ...(entityId ? { entityId } : {}) });
    for (const p of found) problems.push({ rule: 'config-invalid', ...(p.severity ? { severity: p.severity } : {}), message: `${which} metadata: ${p.message}` });
    if (!metadata) {
      if (!found.length) problems.push({ rule: 'config-invalid', message: `${which} metadata has no EntityDescriptor.` });
      return undefined;
    }
    const wrongRole = which === 'IdP' ? metadata.role === 'sp' : metadata.role === 'idp';
    if (wrongRole) {
      problems.push({
        rule: 'config-invalid',
        severity: 'warning',
        message: `${which} metadata for ${metadata.entityId} describes ${which === 'IdP' ? 'a service provider' : 'an identity provider'}; were the IdP and SP metadata files swapped?`,
      });
    }
    return metadata;
  } catch {
    problems.push({ rule: 'config-invalid', message: `${which} metadata could not be read.` });
    return undefined;
  }
}

/** The profile document if one is given (a mistake in it falls back to generic, said once), else the built-in by id. */
function chooseProfile(options: AnalyzeOptions, problems: Problem[]): Profile {
  if (options.profileDocument !== undefined) {
    const { profile, errors } = resolveProfile(options.profileDocument, isRegistered);
    if (profile) return profile;
    const doc = options.profileDocument as { name?: unknown } | null;
    const name = typeof doc?.name === 'string' && doc.name.trim() ? `Profile "${doc.name.trim().slice(0, 80)}"` : 'The profile';
    problems.push({
      rule: 'config-invalid',
      message: `${name} cannot be used: ${errors.join('; ')}. Judging with the generic profile instead.`,
    });
    return genericProfile();
  }
  const profile = getProfile(options.profile);
  if (profile) return profile;
  problems.push({
    rule: 'config-invalid',
    message: `Unknown profile "${options.profile}"; using generic. Known profiles: ${builtinIds().join(', ')}.`,
  });
  return genericProfile();
}

/** The signing certificates of metadata, and its bare RSA key values as PEM public keys. */
export function metadataKeys(md: MetadataView | undefined): string[] {
  if (!md) return [];
  const keys = (md.signingKeyValues ?? []).map((k) => rsaKeyValuePem(k.modulus, k.exponent)).filter((k): k is string => !!k);
  return [...md.signingCertificates, ...keys];
}

/** Options + imported metadata + certificates -> what the rules compare against. Never throws. */
export function resolveExpectations(options: AnalyzeOptions = {}): ResolvedExpectations {
  const problems: Problem[] = [];
  let profile = chooseProfile(options, problems);
  const { time, atLabel } = resolveTime(options, problems);

  let skewSeconds = DEFAULT_SKEW_SECONDS;
  if (options.clockSkewSeconds !== undefined) {
    if (Number.isFinite(options.clockSkewSeconds) && options.clockSkewSeconds >= 0) skewSeconds = options.clockSkewSeconds;
    else problems.push({ rule: 'config-invalid', message: `Clock skew ${options.clockSkewSeconds} is not a number of seconds >= 0; using ${DEFAULT_SKEW_SECONDS}.` });
  }

  const idpMetadata = options.idpMetadataXml ? readMetadata(options.idpMetadataXml, 'IdP', problems, nonEmpty(options.idpEntityId)) : undefined;
  const spMetadata = options.spMetadataXml ? readMetadata(options.spMetadataXml, 'SP', problems, nonEmpty(options.spEntityId)) : undefined;
  if (spMetadata) profile = withSpMetadata(profile, spMetadata);

  let derived: { acsUrl: string; spEntityId: string } | undefined;
  const sid = nonEmpty(options.accountSid);
  if (sid && !ACCOUNT_SID.test(sid)) {
    problems.push({
      rule: 'config-invalid',
      message: `Account SID "${sid}" is not a Twilio Account SID (AC followed by 32 hexadecimal digits, as shown on the Twilio Console dashboard); ACS URL and SP entity ID are not derived from it.`,
    });
  } else if (sid && profile.accountSid) {
    derived = {
      acsUrl: profile.accountSid.acsUrl.replace('{AccountSid}', sid),
      spEntityId: profile.accountSid.spEntityId.replace('{AccountSid}', sid),
    };
  }

  const configuredIdp = nonEmpty(options.idpEntityId);
  const idpEntityId = configuredIdp
    ? { value: configuredIdp, source: 'configured IdP entity ID' }
    : idpMetadata?.entityId
      ? { value: idpMetadata.entityId, source: 'IdP metadata' }
      : undefined;

  const configuredSp = nonEmpty(options.spEntityId);
  const spEntityId = configuredSp
    ? { value: configuredSp, source: 'configured SP entity ID' }
    : derived
      ? { value: derived.spEntityId, source: `${profile.name} SP entity ID for Account SID ${sid}` }
      : profile.spEntityId
        ? { value: profile.spEntityId, source: `the ${profile.name} profile` }
        : spMetadata?.entityId
        ? { value: spMetadata.entityId, source: 'SP metadata' }
        : undefined;

  const configuredAcs = nonEmpty(options.acsUrl);
  const acsUrls: Expected<string>[] = configuredAcs
    ? [{ value: configuredAcs, source: 'configured ACS URL' }]
    : derived
      ? [{ value: derived.acsUrl, source: `${profile.name} ACS URL for Account SID ${sid}` }]
      : profile.acsUrl
        ? [{ value: profile.acsUrl, source: `the ${profile.name} profile` }]
        : (spMetadata?.acsServices ?? []).map((e) => ({ value: e.location, source: 'SP metadata' }));

  if (profile.accountSid && !sid && !configuredSp && !configuredAcs && !spMetadata) {
    problems.push({
      rule: 'config-incomplete',
      message: `${profile.name}: no Account SID given, so the ACS URL (Reply URL) and the audience are not checked. Pass the Account SID (AC...) to check them.`,
    });
  }

  const trusted: TrustedCertificate[] = [];
  (options.trustedCertificates ?? []).forEach((text, i) => addCertificates(text, `configured certificate ${i + 1}`, trusted, problems));
  for (const text of metadataKeys(idpMetadata)) addCertificates(text, 'IdP metadata', trusted, problems);
  const spTrusted: TrustedCertificate[] = [];
  for (const text of metadataKeys(spMetadata)) addCertificates(text, 'SP metadata', spTrusted, problems);

  return {
    profile,
    idpEntityId,
    spEntityId,
    acsUrls,
    trusted,
    spTrusted,
    idpMetadata,
    spMetadata,
    nameIdFormats: profile.nameIdFormat
      ? { value: [profile.nameIdFormat], source: profile.name }
      : spMetadata && metadataNameIdFormats(spMetadata).length
        ? { value: metadataNameIdFormats(spMetadata), source: 'the SP metadata' }
        : undefined,
    spWantsAssertionsSigned: spMetadata?.wantAssertionsSigned === true,
    spSignsRequests: spMetadata?.authnRequestsSigned === true,
    spEncryptionCertificates: spMetadata?.encryptionCertificates,
    idpWantsRequestsSigned: idpMetadata?.wantAuthnRequestsSigned === true,
    skewSeconds,
    time,
    atLabel,
    spPrivateKeyPem: nonEmpty(options.spPrivateKeyPem),
    problems,
  };
}
