import { Command, Option } from 'commander';
import type { AnalyzeOptions, Expectations } from '../core/model';
import { profileIds } from './core-api';
import { readCertificateFile, readFingerprint, readTextFile, UsageError } from './read-inputs';

/** The flags that say what to expect, shared by `check` and `convert` (verdicts are computed before export). */
export interface ExpectationFlags {
  profile?: string;
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
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function addExpectationOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--profile <name>', 'service-provider profile: generic, twilio-console, twilio-flex, sendgrid (default generic)'))
    .option('--idp-cert <file>', 'trusted IdP signing certificate: PEM, DER or bare base64; or its public key (PEM PUBLIC KEY / RSA PUBLIC KEY) (repeatable)', collect, [])
    .option('--idp-cert-fingerprint <fp>', 'trusted fingerprint of the IdP signing certificate, e.g. SHA256:AB:CD:… (SHA-1 accepted with a warning); it vouches for the certificate in the message (repeatable)', collect, [])
    .option('--idp-metadata <file>', 'IdP metadata XML: entity ID and signing certificates')
    .option('--sp-metadata <file>', 'SP metadata XML: entity ID and ACS URLs')
    .option('--idp-entity-id <id>', 'expected IdP entity ID (Issuer)')
    .option('--sp-entity-id <id>', 'SP entity ID (expected Audience)')
    .option('--acs-url <url>', 'SP Assertion Consumer Service URL (expected Destination/Recipient)')
    .option('--account-sid <sid>', 'Twilio Account SID (twilio-flex profile)')
    .option('--sp-key <file>', 'SP private key (PEM) to decrypt encrypted assertions; read locally, never stored')
    .option('--at <when>', 'judge time conditions at: capture, now, or an ISO 8601 instant', 'capture')
    .option('--clock-skew <seconds>', 'allowed clock difference (default 180)');
}

/**
 * Analyze options from the flags. A native trace's saved settings fill what the flags leave unset, so a
 * trace re-judged on another machine uses the expectations it was captured with.
 */
export async function expectationsFrom(flags: ExpectationFlags, saved: Expectations = {}): Promise<AnalyzeOptions> {
  const profile = flags.profile ?? saved.profile ?? 'generic';
  if (!profileIds().includes(profile)) throw new UsageError(`unknown profile "${profile}"; known profiles: ${profileIds().join(', ')}`);
  if (flags.at !== 'capture' && flags.at !== 'now' && Number.isNaN(Date.parse(flags.at))) {
    throw new UsageError(`--at takes capture, now or an ISO 8601 instant, not "${flags.at}"`);
  }
  const skew = flags.clockSkew === undefined ? saved.clockSkewSeconds : Number(flags.clockSkew);
  if (skew !== undefined && (!Number.isFinite(skew) || skew < 0)) throw new UsageError(`--clock-skew takes a number of seconds, not "${flags.clockSkew}"`);
  const certs = await Promise.all(flags.idpCert.map(readCertificateFile));
  return {
    ...saved,
    profile,
    idpEntityId: flags.idpEntityId ?? saved.idpEntityId,
    spEntityId: flags.spEntityId ?? saved.spEntityId,
    acsUrl: flags.acsUrl ?? saved.acsUrl,
    accountSid: flags.accountSid ?? saved.accountSid,
    trustedCertificates: certs.length || flags.idpCertFingerprint?.length ? [...certs, ...(flags.idpCertFingerprint ?? []).map(readFingerprint)] : saved.trustedCertificates,
    idpMetadataXml: flags.idpMetadata ? await readTextFile(flags.idpMetadata, 'IdP metadata') : saved.idpMetadataXml,
    spMetadataXml: flags.spMetadata ? await readTextFile(flags.spMetadata, 'SP metadata') : saved.spMetadataXml,
    spPrivateKeyPem: flags.spKey ? await readTextFile(flags.spKey, 'SP private key') : undefined,
    clockSkewSeconds: skew,
    at: flags.at,
  };
}
