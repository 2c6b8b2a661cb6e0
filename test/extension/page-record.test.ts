import { describe, expect, it } from 'vitest';
import { fromWebRequest } from '../../lib/core/input';
import { looksLikeSaml } from '../../lib/core/binding';
import { isPageRecord, messageFingerprint, pageRecordToEntry } from '../../lib/extension/page-capture/record';

const ACS = 'https://sp.example.test/acs';
const SSO = 'https://idp.example.test/sso?SAMLRequest=fZJb%2Bw%3D%3D&RelayState=%2Fapp&SigAlg=x&Signature=y';

describe('page records (the content script path)', () => {
  it('become a SAML entry that says what the page path cannot see', () => {
    const entry = pageRecordToEntry({ url: ACS, method: 'POST', fields: [['SAMLResponse', 'PHNhbWw+'], ['RelayState', '/app']], at: 1_700_000_000_000 }, '1-abc', 4);
    expect(looksLikeSaml(entry)).toBe(true);
    expect(entry).toMatchObject({ id: 'pg-1-abc', method: 'POST', url: ACS, tabId: 4, formFields: [['SAMLResponse', 'PHNhbWw+'], ['RelayState', '/app']] });
    expect(entry.incomplete).toMatch(/from the page/);
    expect(entry.responseStatus).toBeUndefined();
  });

  it('give the same fingerprint as webRequest for the same message, and a different one for another', () => {
    const page = pageRecordToEntry({ url: ACS, method: 'POST', fields: [['SAMLResponse', 'AAA+/='], ['RelayState', 'r']], at: 1 }, 'x', undefined);
    const network = fromWebRequest({ requestId: '9', url: ACS, method: 'POST', tabId: 4, timeStamp: 2, requestBody: { formData: { RelayState: ['r'], SAMLResponse: ['AAA+/='] } } });
    const other = fromWebRequest({ requestId: '10', url: ACS, method: 'POST', tabId: 4, timeStamp: 3, requestBody: { formData: { SAMLResponse: ['BBB'] } } });
    expect(messageFingerprint(page)).toBe(messageFingerprint(network));
    expect(messageFingerprint(other)).not.toBe(messageFingerprint(network));

    const redirectPage = pageRecordToEntry({ url: SSO, method: 'GET', at: 1, frame: true }, 'y', undefined);
    const redirectNetwork = fromWebRequest({ requestId: '11', url: SSO, method: 'GET', tabId: 4, timeStamp: 2 });
    expect(redirectPage.resourceType).toBe('sub_frame');
    expect(messageFingerprint(redirectPage)).toBe('SAMLRequest=fZJb+w==');
    expect(messageFingerprint(redirectNetwork)).toBe(messageFingerprint(redirectPage));
    expect(messageFingerprint({ url: 'https://sp.example.test/app?x=1' })).toBeUndefined();
  });

  it('are checked before use: storage.local is writable by every content script of the extension', () => {
    expect(isPageRecord({ url: ACS, method: 'POST', fields: [['SAMLResponse', 'x']], at: 1 })).toBe(true);
    expect(isPageRecord({ url: ACS, method: 'PUT', at: 1 })).toBe(false);
    expect(isPageRecord({ url: ACS, method: 'POST', fields: [['SAMLResponse', 1]], at: 1 })).toBe(false);
    expect(isPageRecord(null)).toBe(false);
  });
});
