// The banner above the list says what a trace is judged against, absent expectations included (issue 9, item 3).
import { describe, expect, it } from 'vitest';
import { expectsNothing, judgedAgainst } from '../../lib/ui/state/judged-against';
import { DEFAULT_SETTINGS } from '../../lib/ui/state/settings-form';
import { plural } from '../../lib/ui/state/plural';

const names = (id: string) => ({ generic: 'Generic SAML 2.0', 'twilio-flex': 'Twilio Flex' })[id];

describe('what a trace is judged against', () => {
  it('says so when nothing is expected (an imported trace starts there)', () => {
    expect(judgedAgainst(DEFAULT_SETTINGS, names)).toEqual(['profile Generic SAML 2.0', 'no expected IdP', 'no trusted certificate', 'no expected SP']);
    expect(expectsNothing(DEFAULT_SETTINGS)).toBe(true);
  });

  it('names the profile, the IdP, how many certificates are trusted and the SP', () => {
    const s = { ...DEFAULT_SETTINGS, profile: 'twilio-flex', idpEntityId: 'https://idp.example.org', trustedCertificates: ['a', 'b'], spEntityId: 'https://sp.example.com' };
    expect(judgedAgainst(s, names)).toEqual(['profile Twilio Flex', 'IdP https://idp.example.org', '2 trusted certificates', 'SP https://sp.example.com']);
    expect(expectsNothing(s)).toBe(false);
  });

  it('names a custom profile document and metadata when they stand in for the fields', () => {
    const s = { ...DEFAULT_SETTINGS, profileDocument: { name: 'Our app' } as never, idpMetadataXml: '<md/>', spMetadataXml: '<md/>' };
    expect(judgedAgainst(s, names)).toEqual(['profile Our app', 'IdP from metadata', 'certificates from IdP metadata', 'SP from metadata']);
  });
});

describe('plural', () => {
  it('reads "1 error" and "2 errors", never "1 errors"', () => {
    expect([plural(0, 'error'), plural(1, 'error'), plural(2, 'error'), plural(1, 'match', 'matches'), plural(3, 'match', 'matches')]).toEqual(['0 errors', '1 error', '2 errors', '1 match', '3 matches']);
  });
});
