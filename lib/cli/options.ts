import type { AnalyzeOptions, Problem } from '../core/model';
import type { SavedSettings } from '../core/trace/format';
import { savedSettingsProblem } from '../core/trace/saved-settings';
import { profileIds } from './core-api';
import { readProfileFile } from './profile-file';
import { readCertificateFile, readFingerprint, readTextFile, UsageError } from './read-inputs';
import type { OptionSpec } from './spec';

/** The flags that say what to expect, shared by `check` and `convert` (verdicts are computed before export). */
export interface ExpectationFlags {
  profile?: string;
  profileFile?: string;
  idpCert: string[];
  idpCertFingerprint?: string[];
  idpMetadata?: string;
  spMetadata?: string;
  idpEntityId?: string;
  spEntityId?: string;
  acsUrl?: string;
  accountSid?: string;
  spKey?: string;
  at: string;
  clockSkew?: string;
  useSavedSettings?: boolean;
}

export function expectationOptions(): OptionSpec[] {
  return [
    { flags: '--profile <name>', description: `service-provider profile: ${profileIds().join(', ')} (default generic)` },
    { flags: '--profile-file <file>', description: 'service-provider profile as JSON (see profile.schema.json); "extends" may name a built-in profile or another file' },
    { flags: '--idp-cert <file>', description: 'trusted IdP signing certificate: PEM, DER or bare base64; or its public key (PEM PUBLIC KEY / RSA PUBLIC KEY) (repeatable)', repeatable: true },
    { flags: '--idp-cert-fingerprint <fp>', description: 'trusted fingerprint of the IdP signing certificate, e.g. SHA256:AB:CD:… (SHA-1 accepted with a warning); it vouches for the certificate in the message (repeatable)', repeatable: true },
    { flags: '--idp-metadata <file>', description: 'IdP metadata XML: entity ID and signing certificates' },
    { flags: '--sp-metadata <file>', description: 'SP metadata XML: entity ID, ACS URLs, required attributes (RequestedAttribute isRequired), NameID formats, WantAssertionsSigned' },
    { flags: '--idp-entity-id <id>', description: 'expected IdP entity ID (Issuer)' },
    { flags: '--sp-entity-id <id>', description: 'SP entity ID (expected Audience)' },
    { flags: '--acs-url <url>', description: 'SP Assertion Consumer Service URL (expected Destination/Recipient)' },
    { flags: '--account-sid <sid>', description: 'Twilio Account SID (twilio-flex profile)' },
    { flags: '--sp-key <file>', description: 'SP private key (PEM) to decrypt encrypted assertions; read locally, never stored' },
    { flags: '--at <when>', description: 'judge time conditions at: capture, now, or an ISO 8601 instant', default: 'capture' },
    { flags: '--clock-skew <seconds>', description: 'allowed clock difference (default 180)' },
    { flags: '--use-saved-settings', description: "apply the settings saved in a SAML Lens trace (its trusted certificates and metadata included); without it they are only listed. Flags still take precedence" },
  ];
}

export interface Expectations {
  options: AnalyzeOptions;
  /** Trace findings about the saved settings: what the file carries and whether it was applied. */
  notes: Problem[];
}

/**
 * A trace's saved settings when the user asked for them. Trust is all or nothing per side: a certificate or
 * metadata given on the command line replaces the file's certificates and metadata, never adds to them.
 */
function savedToApply(flags: ExpectationFlags, saved: SavedSettings): SavedSettings {
  if (!flags.useSavedSettings) return {};
  const { trustedCertificates, idpMetadataXml, spMetadataXml, ...rest } = saved;
  const ownIdpTrust = flags.idpCert.length > 0 || (flags.idpCertFingerprint?.length ?? 0) > 0 || flags.idpMetadata !== undefined;
  return {
    ...rest,
    ...(ownIdpTrust ? {} : { trustedCertificates, idpMetadataXml }),
    ...(flags.spMetadata !== undefined ? {} : { spMetadataXml }),
  };
}

/**
 * Analyze options from the flags. A native trace's saved settings are someone else's configuration: listed in
 * a note, and filling what the flags leave unset only with --use-saved-settings.
 */
export async function expectationsFrom(flags: ExpectationFlags, file: SavedSettings = {}): Promise<Expectations> {
  const saved = savedToApply(flags, file);
  const note = savedSettingsProblem(file, !!flags.useSavedSettings, 'Pass --use-saved-settings to apply them.');
  if (flags.profile !== undefined && flags.profileFile !== undefined) {
    throw new UsageError('give --profile or --profile-file, not both (a profile file can build on a built-in profile with "extends")');
  }
  const profile = flags.profile ?? saved.profile ?? 'generic';
  if (!profileIds().includes(profile)) throw new UsageError(`unknown profile "${profile}"; known profiles: ${profileIds().join(', ')}`);
  if (flags.at !== 'capture' && flags.at !== 'now' && Number.isNaN(Date.parse(flags.at))) {
    throw new UsageError(`--at takes capture, now or an ISO 8601 instant, not "${flags.at}"`);
  }
  const skew = flags.clockSkew === undefined ? saved.clockSkewSeconds : Number(flags.clockSkew);
  if (skew !== undefined && (!Number.isFinite(skew) || skew < 0)) throw new UsageError(`--clock-skew takes a number of seconds, not "${flags.clockSkew}"`);
  const certs = await Promise.all(flags.idpCert.map(readCertificateFile));
  const options: AnalyzeOptions = {
    ...saved,
    profile,
    idpEntityId: flags.idpEntityId ?? saved.idpEntityId,
    spEntityId: flags.spEntityId ?? saved.spEntityId,
    acsUrl: flags.acsUrl ?? saved.acsUrl,
    accountSid: flags.accountSid ?? saved.accountSid,
    trustedCertificates: certs.length || flags.idpCertFingerprint?.length ? [...certs, ...(flags.idpCertFingerprint ?? []).map(readFingerprint)] : saved.trustedCertificates,
    idpMetadataXml: flags.idpMetadata ? await readTextFile(flags.idpMetadata, 'IdP metadata') : saved.idpMetadataXml,
    spMetadataXml: flags.spMetadata ? await readTextFile(flags.spMetadata, 'SP metadata') : saved.spMetadataXml,
    // A profile file given now wins; a built-in --profile given now replaces a saved profile document.
    profileDocument: flags.profileFile ? await readProfileFile(flags.profileFile) : flags.profile ? undefined : saved.profileDocument,
    spPrivateKeyPem: flags.spKey ? await readTextFile(flags.spKey, 'SP private key') : undefined,
    clockSkewSeconds: skew,
    at: flags.at,
  };
  return { options, notes: note ? [note] : [] };
}
