import { describe, expect, it } from 'vitest';
import { RefetchFilter } from '../../lib/extension/capture/refetch';

describe('RefetchFilter', () => {
  const url = 'https://idp.example.test/sso?SAMLRequest=fZLd&RelayState=x';
  it('drops the same SAML GET seen again within the window (DevTools re-fetch, back button)', () => {
    const f = new RefetchFilter(1000);
    expect(f.isRefetch('GET', url, 0)).toBe(false);
    expect(f.isRefetch('GET', url, 500)).toBe(true);
    expect(f.isRefetch('GET', url, 2000)).toBe(false);
  });
  it('never drops POSTs or requests without a SAML parameter', () => {
    const f = new RefetchFilter(1000);
    expect(f.isRefetch('POST', url, 0)).toBe(false);
    expect(f.isRefetch('POST', url, 1)).toBe(false);
    expect(f.isRefetch('GET', 'https://sp.example.test/app', 0)).toBe(false);
    expect(f.isRefetch('GET', 'https://sp.example.test/app', 1)).toBe(false);
  });
});
