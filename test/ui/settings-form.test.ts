import { describe, expect, it } from 'vitest';
import type { MetadataView } from '../../lib/core/model';
import { accountSidProblem, analysisOptions, applyMetadata, clockSkewProblem, DEFAULT_SETTINGS, splitCertificates, toPem } from '../../lib/ui/state/settings-form';

const B64 = 'MIIBszCCAV2gAwIBAgIUQ'.repeat(5);

function metadata(over: Partial<MetadataView>): MetadataView {
  return {
    entityId: 'https://idp.example.org/metadata',
    role: 'idp',
    ssoServices: [],
    sloServices: [],
    acsServices: [],
    artifactResolutionServices: [],
    signingCertificates: [],
    encryptionCertificates: [],
    nameIdFormats: [],
    requestedAttributes: [],
    ...over,
  };
}

describe('settings form helpers', () => {
  it('splits pasted PEM blocks, and bare base64 blocks separated by blank lines', () => {
    const pem = toPem(B64);
    expect(splitCertificates(`junk\n${pem}\n\n${pem}\n`)).toEqual([pem, pem]);
    expect(splitCertificates(`${B64}\n\n  ${B64.slice(0, 40)}\n${B64.slice(40)}  \n`)).toEqual([B64, B64]);
    expect(splitCertificates('   ')).toEqual([]);
  });

  it('keeps public keys and fingerprints people paste beside or instead of certificates', () => {
    const pem = `-----BEGIN CERTIFICATE-----\n${B64}\n-----END CERTIFICATE-----`;
    const key = `-----BEGIN PUBLIC KEY-----\n${B64}\n-----END PUBLIC KEY-----`;
    const sha256 = `SHA256:${'AB:'.repeat(31)}AB`;
    const sha1 = 'ab'.repeat(20);
    expect(splitCertificates(`${pem}\n\n${key}\n${sha256}\n`)).toEqual([pem, key, sha256]);
    expect(splitCertificates(`${sha256}\n${sha1}\n\n${B64}`)).toEqual([sha256, sha1, B64]);
  });

  it('fills the IdP signing keys that metadata gives as RSAKeyValue, as PEM public keys', () => {
    const out = applyMetadata(DEFAULT_SETTINGS, metadata({ signingCertificates: [], signingKeyValues: [{ modulus: 'AQAB'.repeat(4), exponent: 'AQAB' }] }), 'idp');
    expect(out.settings.trustedCertificates).toHaveLength(1);
    expect(out.settings.trustedCertificates![0]).toMatch(/^-----BEGIN RSA PUBLIC KEY-----/);
    expect(out.summary).toContain('1 signing public key');
  });

  it('wraps DER base64 at 64 characters in PEM armour', () => {
    const lines = toPem(B64).split('\n');
    expect(lines[0]).toBe('-----BEGIN CERTIFICATE-----');
    expect(lines.at(-1)).toBe('-----END CERTIFICATE-----');
    expect(lines.slice(1, -1).join('')).toBe(B64);
    expect(lines.slice(1, -1).every((l) => l.length <= 64)).toBe(true);
  });

  it('keeps imported SP metadata whole and says what it requires', () => {
    const md = metadata({
      role: 'sp',
      entityId: 'https://sp.example.test',
      nameIdFormats: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
      wantAssertionsSigned: true,
      requestedAttributes: [
        { name: 'email', isRequired: true },
        { name: 'department', isRequired: false },
      ],
    });
    const out = applyMetadata(DEFAULT_SETTINGS, md, 'sp', '<md:EntityDescriptor/>');
    expect(out.settings.spMetadataXml).toBe('<md:EntityDescriptor/>');
    expect(out.summary).toBe(
      'Filled in: SP entity ID https://sp.example.test, required attributes email, NameID formats urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress, signed assertions (WantAssertionsSigned).',
    );
    expect(applyMetadata(DEFAULT_SETTINGS, md, 'idp', '<x/>').settings.spMetadataXml).toBeUndefined();
  });

  it('fills the IdP entity ID and certificates from IdP metadata', () => {
    const out = applyMetadata({ ...DEFAULT_SETTINGS, trustedCertificates: ['old'] }, metadata({ signingCertificates: [B64] }), 'idp');
    expect(out.settings.idpEntityId).toBe('https://idp.example.org/metadata');
    expect(out.settings.trustedCertificates).toEqual([toPem(B64)]);
    expect(out.summary).toContain('1 signing certificate');
  });

  it('fills SP entity ID and prefers the default HTTP-POST ACS from SP metadata', () => {
    const md = metadata({
      role: 'sp',
      entityId: 'https://sp.example.com',
      acsServices: [
        { binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact', location: 'https://sp.example.com/art', isDefault: true },
        { binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', location: 'https://sp.example.com/acs1' },
        { binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', location: 'https://sp.example.com/acs2', isDefault: true },
      ],
    });
    const out = applyMetadata(DEFAULT_SETTINGS, md, 'sp');
    expect(out.settings.spEntityId).toBe('https://sp.example.com');
    expect(out.settings.acsUrl).toBe('https://sp.example.com/acs2');
    expect(out.settings.idpEntityId).toBeUndefined();
  });

  it('warns when IdP metadata is imported as SP metadata', () => {
    expect(applyMetadata(DEFAULT_SETTINGS, metadata({}), 'sp').summary).toContain('describes an identity provider');
  });

  it('validates the Account SID and clock skew', () => {
    expect(accountSidProblem('AC' + 'a'.repeat(32))).toBeUndefined();
    expect(accountSidProblem('AC123')).toMatch(/32 hexadecimal/);
    expect(accountSidProblem(undefined)).toBeUndefined();
    expect(clockSkewProblem('180')).toBeUndefined();
    expect(clockSkewProblem('-1')).toBeDefined();
    expect(clockSkewProblem('1.5')).toBeDefined();
  });

  it('passes the expectations to the core without the UI-only preferences', () => {
    const opts = analysisOptions({ ...DEFAULT_SETTINGS, idpEntityId: 'x', spPrivateKeyPem: 'k' });
    expect(opts).toEqual({ profile: 'generic', clockSkewSeconds: 180, idpEntityId: 'x', spPrivateKeyPem: 'k' });
  });
});
