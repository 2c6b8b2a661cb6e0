import { describe, expect, it } from 'vitest';
import { isDevtoolsRefetch, RefetchFilter } from '../../lib/extension/capture/refetch';

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

describe('DevTools re-fetches', () => {
  it('are cache-only loads of type "other" that never got a response', () => {
    expect(isDevtoolsRefetch({ type: 'other', error: 'net::ERR_CACHE_MISS' })).toBe(true);
    expect(isDevtoolsRefetch({ type: 'main_frame', error: 'net::ERR_CACHE_MISS' })).toBe(false);
    expect(isDevtoolsRefetch({ type: 'other', statusCode: 200 })).toBe(false);
    expect(isDevtoolsRefetch({ type: 'other', error: 'net::ERR_CONNECTION_REFUSED' })).toBe(false);
  });
});
