import type { StageRule } from './rule';

export const configInvalid: StageRule = {
  slug: 'config-invalid',
  severity: 'error',
  raisedBy: 'engine',
  title: 'An option or imported file could not be used',
  why: 'Something you gave SAML Lens to compare against (profile name, Account SID, certificate, metadata, time reference, clock skew) is not readable or not valid. The checks that depend on it were skipped or fell back to a default, so a clean result may be incomplete.',
  fix: {
    general:
      'Correct the option named in the message.\nCertificates may be PEM, DER or bare base64 as IdP consoles export them; metadata must be an EntityDescriptor XML file; a Twilio Account SID is AC followed by 32 hexadecimal digits.',
  },
  spec: 'saml-metadata §2.3.2 (EntityDescriptor)',
};
