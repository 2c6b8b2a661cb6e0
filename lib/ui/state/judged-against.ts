import type { Expectations } from '../../core/model';
import { plural } from './plural';

/**
 * What a trace is judged against, in the words of the banner above the list: the profile, the expected IdP,
 * the trusted certificates and the SP. Absent expectations are said too, so "no error" never reads as
 * "checked against your IdP" when nothing was configured.
 */
export function judgedAgainst(s: Expectations, profileName: (id: string) => string | undefined): string[] {
  const custom = (s.profileDocument as { name?: unknown } | undefined)?.name;
  const profile = s.profileDocument ? (typeof custom === 'string' ? custom : 'custom profile') : (profileName(s.profile ?? 'generic') ?? s.profile ?? 'generic');
  const certs = s.trustedCertificates?.length ?? 0;
  const parts = [
    `profile ${profile}`,
    s.idpEntityId ? `IdP ${s.idpEntityId}` : s.idpMetadataXml ? 'IdP from metadata' : 'no expected IdP',
    certs ? plural(certs, 'trusted certificate') : s.idpMetadataXml ? 'certificates from IdP metadata' : 'no trusted certificate',
    s.spEntityId ? `SP ${s.spEntityId}` : s.spMetadataXml ? 'SP from metadata' : s.acsUrl ? `ACS ${s.acsUrl}` : 'no expected SP',
  ];
  return parts;
}

/** True when nothing is expected: every signature is "signer not verified" and no entity ID is checked. */
export function expectsNothing(s: Expectations): boolean {
  return !s.idpEntityId && !s.idpMetadataXml && !s.trustedCertificates?.length && !s.spEntityId && !s.spMetadataXml && !s.acsUrl;
}
